// The package reader's parts, one file per concern: problem.yaml and its versions
// (problem_yaml.cc), programs, validators and statements (package_programs.cc), test data and
// groups (test_data.cc), sample submissions (package_submissions.cc); package.cc lists
// directories and puts the parts together.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "judge/package.h"
#include "koodikoe/files.h"
#include "yaml_util.h"

namespace judge {

// "DISPLAY: WHAT" as the error of a malformed package.
tl::unexpected<Error> PackageFail(const std::string& where, const std::string& what);
bool EndsWith(const std::string& text, const std::string& suffix);
bool StartsWith(const std::string& text, const std::string& prefix);
// Kattis language codes that differ from koodikoe's ids ("python3" -> "python").
std::string CanonicalLanguage(const std::string& code);
// The group named `name` at or below `group` (const or not), or nullptr.
template <class Group>
Group* FindGroupIn(Group& group, const std::string& name) {
  if (group.name == name) return &group;
  for (auto& child : group.groups) {
    if (Group* found = FindGroupIn(child, name)) return found;
  }
  return nullptr;
}

// The settings of a domjudge-problem.ini.
std::map<std::string, std::string> ParseDomjudgeIni(const std::string& text);

// One directory entry, with symlinks resolved and checked.
struct Entry {
  std::string name;
  std::string path;     // resolved absolute host path
  std::string display;  // path relative to the package, as written
  bool is_dir = false;
};

class PackageReader {
 public:
  PackageReader(std::string package_dir, Package& package)
      : dir_(std::move(package_dir)), package_(package) {}

  Result<void> Read(const ReadOptions& options);

 private:
  // Lists a directory of the package: names starting with '.' are ignored, entries are sorted,
  // and a symlink that leaves the package is an error.
  Result<std::vector<Entry>> List(const std::string& path, const std::string& display);
  Result<std::string> ResolveInside(const std::string& path, const std::string& display);
  bool Exists(const std::string& relative, bool* is_dir = nullptr) const;
  // The package's folder `name` (e.g. "data"), resolved inside the package; when there is no
  // such folder, the error "NAME: missing; HINT".
  Result<std::string> RequireDir(const std::string& name, const std::string& hint);

  Result<void> ReadProblemYaml();
  Result<void> ReadName(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadType(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadValidation(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadLimits(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadLanguages(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadKoodikoe(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadTimeLimitFile();
  Result<void> ReadDomjudgeIni();
  Result<void> ReadConstants(const YamlDoc& doc, const YAML::Node& node);

  Result<ProgramSource> ReadProgram(const Entry& entry);
  Result<void> CollectFiles(const std::string& path, const std::string& display,
                            const std::string& prefix, std::vector<std::string>& files);
  Result<void> ReadValidators();
  Result<void> ReadSimulators();
  Result<void> ReadIncludes();
  Result<void> ReadGraders();
  Result<void> ReadScenarios();
  Result<void> ReadStarters();
  Result<void> ReadStatements();

  Result<void> ReadData();
  Result<void> DetectLegacyGrading(const std::string& data_dir);
  Result<void> CheckSecret();
  Result<void> ReadGroup(const Entry& dir, const std::string& name, const GroupSettings& inherited,
                         bool is_sample, int depth, TestGroup& group);
  // Cases (and, in legacy packages, subgroups) of one directory. In 2023-07 and 2025-09
  // directories below a group belong to the group itself.
  Result<void> ReadGroupEntries(const Entry& dir, const std::string& name_prefix,
                                const GroupSettings& settings, bool is_sample, int depth,
                                TestGroup& group);
  Result<void> ReadGroupConfig(const Entry& dir, GroupSettings& settings);
  Result<void> ApplyGroupKeys(const YamlDoc& doc, GroupSettings& settings);
  Result<void> ReadCase(const Entry& input, const std::vector<Entry>& siblings,
                        const std::string& name, const GroupSettings& settings, bool is_sample,
                        TestCase& test);

  Result<void> ReadSubmissions();
  Result<void> ApplySubmissionsYaml(const YamlDoc& doc);
  Result<void> ApplySubmissionKey(const YamlDoc& doc, const std::string& pattern,
                                  const std::string& key, const YAML::Node& value,
                                  SubmissionEntry& submission);

  bool IsLegacy() const { return package_.version == FormatVersion::kLegacy; }
  bool LegacyGrading() const { return package_.LegacyGrading(); }

  const std::string dir_;
  Package& package_;
};

}  // namespace judge
