// data/: test cases, test groups and their settings (testdata.yaml, test_group.yaml, per-case
// .yaml and .args).
#include <sys/stat.h>

#include <cstdlib>
#include <filesystem>
#include <set>

#include "build.h"
#include "koodikoe/try.h"
#include "package_reader.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

Result<void> PackageReader::ReadGroupConfig(const Entry& dir, GroupSettings& settings) {
  for (const char* file : {"testdata.yaml", "test_group.yaml"}) {
    std::string path = dir.path + "/" + file;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) continue;
    auto text = koodikoe::ReadFile(path, 1u << 20);
    if (!text) return PackageFail(dir.display + "/" + file, "cannot be read");
    // The format substitutes constants in test_group.yaml (never in testdata.yaml or data).
    if (std::string(file) == "test_group.yaml")
      *text = SubstituteConstants(*text, package_.constants);
    KOODIKOE_TRY(auto doc, ParseYaml(*text, dir.display + "/" + file));
    KOODIKOE_TRY_VOID(ApplyGroupKeys(doc, settings));
  }
  return {};
}

Result<void> PackageReader::ReadCase(const Entry& input, const std::vector<Entry>& siblings,
                                     const std::string& name, const GroupSettings& settings,
                                     bool is_sample, TestCase& test) {
  std::string stem = input.name.substr(0, input.name.size() - 3);
  test.name = name;
  test.input_path = input.path;
  test.args = settings.args;
  test.output_validator_args = package_.validator_flags;
  test.input_validator_args = settings.input_validator_args;
  test.input_validator_args_by_name = settings.input_validator_args_by_name;
  test.full_feedback = settings.full_feedback;
  test.is_sample = is_sample;
  std::vector<std::string> case_validator_args = settings.output_validator_args;
  for (const Entry& sibling : siblings) {
    if (sibling.name == stem + ".ans" && !sibling.is_dir) test.answer_path = sibling.path;
    if (sibling.name == stem + ".files" && sibling.is_dir) test.files_dir = sibling.path;
    if (sibling.name == stem + ".args" && !sibling.is_dir) {
      auto text = koodikoe::ReadFile(sibling.path, 64 << 10);
      if (!text) return PackageFail(sibling.display, "cannot be read");
      test.args = SplitFlags(*text);
    }
    if (sibling.name == stem + ".yaml" && !sibling.is_dir) {
      KOODIKOE_TRY(auto doc, LoadYaml(sibling.path, sibling.display));
      KOODIKOE_TRY_VOID(RequireMap(doc, doc.root, sibling.display));
      for (const auto& entry : doc.root) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (key == "args") {
          KOODIKOE_TRY(auto args, AsStringList(doc, value, key, false));
          test.args = args;
        } else if (key == "output_validator_args" || key == "output_validator_flags") {
          KOODIKOE_TRY(auto args, AsStringList(doc, value, key, true));
          case_validator_args = args;
        } else if (key == "input_validator_args" || key == "input_validator_flags") {
          if (value.IsMap()) {
            for (const auto& item : value) {
              KOODIKOE_TRY(auto args, AsStringList(doc, item.second, key, true));
              test.input_validator_args_by_name[item.first.Scalar()] = args;
            }
          } else {
            KOODIKOE_TRY(auto args, AsStringList(doc, value, key, true));
            test.input_validator_args = args;
          }
        } else if (key == "full_feedback") {
          KOODIKOE_TRY(auto flag, AsBool(doc, value, key));
          test.full_feedback = flag;
        } else if (key == "hint" || key == "description") {
          KOODIKOE_TRY(auto text, AsString(doc, value, key));
          (key == "hint" ? test.hint : test.description) = text;
        } else if (key == "points") {
          KOODIKOE_TRY(auto points, AsDouble(doc, value, key));
          if (!(points >= 0)) return tl::unexpected(YamlError(doc, value, "points must be >= 0"));
          test.points = points;
        } else if (key == "input_visualizer_args" || key == "output_visualizer_args") {
        } else {
          return tl::unexpected(YamlError(doc, entry.first, "unknown key '" + key + "'"));
        }
      }
    }
  }
  test.output_validator_args.insert(test.output_validator_args.end(), case_validator_args.begin(),
                                    case_validator_args.end());
  if (test.answer_path.empty()) {
    if (!package_.interactive && !package_.multi_pass) {
      return PackageFail(input.display, "has no matching " + stem + ".ans answer file");
    }
    test.answer_path = "/dev/null";  // interactive validators may not need one
  }
  return {};
}

Result<void> PackageReader::ReadGroupEntries(const Entry& dir, const std::string& name_prefix,
                                             const GroupSettings& settings, bool is_sample,
                                             int depth, TestGroup& group) {
  KOODIKOE_TRY(auto entries, List(dir.path, dir.display));
  std::set<std::string> case_stems;
  for (const Entry& entry : entries) {
    if (!entry.is_dir && EndsWith(entry.name, ".in")) {
      case_stems.insert(entry.name.substr(0, entry.name.size() - 3));
    }
  }
  for (const Entry& entry : entries) {
    if (entry.is_dir) {
      if (EndsWith(entry.name, ".files") &&
          case_stems.count(entry.name.substr(0, entry.name.size() - 6))) {
        continue;
      }
      if (case_stems.count(entry.name)) {
        return PackageFail(entry.display, "a directory must not share its name with a test case");
      }
      if (is_sample && !LegacyGrading()) {
        return PackageFail(entry.display, "data/sample must not contain test groups");
      }
      // Legacy: every directory is a group. Newer formats: only directories directly below
      // data/secret are groups; deeper directories are folders of their group.
      bool is_group = LegacyGrading() || depth == 0;
      if (is_group) {
        TestGroup child;
        KOODIKOE_TRY_VOID(ReadGroup(entry, name_prefix + "/" + entry.name, settings, is_sample,
                                    depth + 1, child));
        group.groups.push_back(std::move(child));
      } else {
        KOODIKOE_TRY_VOID(ReadGroupEntries(entry, name_prefix + "/" + entry.name, settings,
                                           is_sample, depth + 1, group));
      }
      continue;
    }
    if (!EndsWith(entry.name, ".in")) continue;
    TestCase test;
    test.group = group.name;
    std::string stem = entry.name.substr(0, entry.name.size() - 3);
    KOODIKOE_TRY_VOID(
        ReadCase(entry, entries, name_prefix + "/" + stem, settings, is_sample, test));
    group.cases.push_back(static_cast<int>(package_.cases.size()));
    package_.cases.push_back(std::move(test));
  }
  return {};
}

Result<void> PackageReader::ReadGroup(const Entry& dir, const std::string& name,
                                      const GroupSettings& inherited, bool is_sample, int depth,
                                      TestGroup& group) {
  group.name = name;
  group.dir = dir.path;
  GroupSettings& settings = group.settings;
  if (LegacyGrading()) {
    settings = inherited;  // legacy testdata.yaml is inherited downward
  } else {
    // Newer formats inherit only the per-case keys; scoring keys have per-level defaults.
    settings.args = inherited.args;
    settings.output_validator_args = inherited.output_validator_args;
    settings.input_validator_args = inherited.input_validator_args;
    settings.input_validator_args_by_name = inherited.input_validator_args_by_name;
    settings.full_feedback = is_sample;
    settings.max_score.reset();
    settings.aggregation = Aggregation::kPassFail;
    if (name == "secret") {
      settings.max_score = 100;
      settings.aggregation = Aggregation::kSum;
    }
  }
  KOODIKOE_TRY_VOID(ReadGroupConfig(dir, settings));
  if (!LegacyGrading() && is_sample && !settings.require_pass.empty()) {
    return PackageFail(dir.display, "data/sample cannot use require_pass");
  }
  int group_depth = name == "secret" || name == "sample" ? 0 : depth;
  return ReadGroupEntries(dir, name, settings, is_sample, group_depth, group);
}

namespace {

bool HasAnyKey(const YAML::Node& node, std::initializer_list<const char*> keys) {
  if (!node.IsMap()) return false;
  for (const char* key : keys) {
    if (node[key]) return true;
  }
  return false;
}

}  // namespace

// 2023-07 drafts were read by problemtools with legacy testdata.yaml grading: a package whose
// group files use only the legacy scoring keys is graded the legacy way.
Result<void> PackageReader::DetectLegacyGrading(const std::string& data_dir) {
  if (package_.version != FormatVersion::k2023_07) return {};
  bool legacy_keys = false, modern_keys = false;
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(data_dir, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    std::string name = it->path().filename().string();
    if (name != "testdata.yaml" && name != "test_group.yaml") continue;
    KOODIKOE_TRY(auto doc, LoadYaml(it->path().string(), "data/" + name));
    legacy_keys = legacy_keys || HasAnyKey(doc.root, {"accept_score", "reject_score", "range",
                                                      "grader_flags", "on_reject", "grading"});
    modern_keys = modern_keys || HasAnyKey(doc.root, {"max_score", "score_aggregation", "scoring",
                                                      "require_pass"});
  }
  package_.legacy_grading = legacy_keys && !modern_keys;
  if (package_.legacy_grading) {
    package_.warnings.push_back(
        "data: 2023-07 package with legacy scoring keys (accept_score, grader_flags...): graded "
        "the legacy way");
  }
  return {};
}

Result<void> PackageReader::ReadData() {
  KOODIKOE_TRY(auto data, RequireDir("data", "put test cases in data/sample and data/secret"));
  KOODIKOE_TRY_VOID(DetectLegacyGrading(data));
  Entry data_entry{"data", data, "data", true};
  TestGroup& root = package_.root;
  root.name = "";
  root.dir = data;
  if (LegacyGrading()) {
    KOODIKOE_TRY_VOID(ReadGroupConfig(data_entry, root.settings));
  }
  for (const char* name : {"sample", "secret"}) {
    std::string path = data + "/" + name;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    KOODIKOE_TRY(auto resolved, ResolveInside(path, std::string("data/") + name));
    TestGroup group;
    Entry entry{name, resolved, std::string("data/") + name, true};
    KOODIKOE_TRY_VOID(
        ReadGroup(entry, name, root.settings, std::string(name) == "sample", 0, group));
    root.groups.push_back(std::move(group));
  }
  return CheckSecret();
}

Result<void> PackageReader::CheckSecret() {
  TestGroup* secret = FindGroupIn(package_.root, "secret");
  if (secret == nullptr || (secret->cases.empty() && secret->groups.empty())) {
    if (package_.cases.empty()) {
      return PackageFail("data", "no test cases: add NAME.in and NAME.ans files to data/secret");
    }
    package_.warnings.push_back("data/secret: no secret test cases; only samples are judged");
  }
  if (secret == nullptr || LegacyGrading()) return {};
  if (!secret->cases.empty() && !secret->groups.empty()) {
    return PackageFail("data/secret",
                       "holds both test cases and test groups; use one or the other");
  }
  if (!package_.scoring || !secret->settings.max_score) return {};
  // 2023-07 infers the groups' maximum scores: what secret leaves, shared evenly.
  double left = *secret->settings.max_score;
  int unscored = 0;
  for (const TestGroup& group : secret->groups) {
    if (group.settings.max_score) left -= *group.settings.max_score;
    unscored += group.settings.max_score ? 0 : 1;
  }
  for (TestGroup& group : secret->groups) {
    if (group.settings.max_score) continue;
    if (package_.version == FormatVersion::k2023_07 && left >= 0) {
      group.settings.max_score = left / unscored;
      continue;
    }
    return PackageFail("data/" + group.name + "/test_group.yaml",
                       "needs a max_score: secret has a bounded max_score, so its groups "
                       "must have one too");
  }
  return {};
}

// ---------------------------------------------------------------------------- submissions

}  // namespace judge
