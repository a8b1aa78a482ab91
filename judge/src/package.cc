#include "judge/package.h"

#include <dirent.h>
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdlib>
#include <set>

#include "koodikoe/files.h"
#include "scenario.h"
#include "yaml_util.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

tl::unexpected<Error> PackageFail(const std::string& where, const std::string& what) {
  return Fail(ErrorCode::kInvalidArgument, where + ": " + what);
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// One directory entry, with symlinks resolved and checked.
struct Entry {
  std::string name;
  std::string path;     // resolved absolute host path
  std::string display;  // path relative to the package, as written
  bool is_dir = false;
};

class Reader {
 public:
  Reader(std::string package_dir, Package& package)
      : dir_(std::move(package_dir)), package_(package) {}

  Result<void> Read(const ReadOptions& options);

 private:
  // Lists a directory of the package: names starting with '.' are ignored, entries are sorted,
  // and a symlink that leaves the package is an error.
  Result<std::vector<Entry>> List(const std::string& path, const std::string& display);
  Result<std::string> ResolveInside(const std::string& path, const std::string& display);
  bool Exists(const std::string& relative, bool* is_dir = nullptr) const;

  Result<void> ReadProblemYaml();
  Result<void> ReadName(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadType(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadValidation(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadLimits(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadLanguages(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadKoodikoe(const YamlDoc& doc, const YAML::Node& node);
  Result<void> ReadTimeLimitFile();

  Result<ProgramSource> ReadProgram(const Entry& entry);
  Result<void> CollectFiles(const std::string& path, const std::string& display,
                            const std::string& prefix, std::vector<std::string>& files);
  Result<void> ReadValidators();
  Result<void> ReadSimulators();
  Result<void> ReadIncludes();
  Result<void> ReadGraders();
  Result<void> ReadScenarios();
  Result<void> ReadStatements();

  Result<void> ReadData();
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

  bool IsLegacy() const { return package_.version == FormatVersion::kLegacy; }

  const std::string dir_;
  Package& package_;
};

bool Reader::Exists(const std::string& relative, bool* is_dir) const {
  struct stat st;
  if (::stat((dir_ + "/" + relative).c_str(), &st) != 0) return false;
  if (is_dir) *is_dir = S_ISDIR(st.st_mode);
  return true;
}

Result<std::string> Reader::ResolveInside(const std::string& path, const std::string& display) {
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr) {
    return PackageFail(display, "cannot be resolved (a dangling symlink?)");
  }
  std::string result = resolved;
  if (result != dir_ && !StartsWith(result, dir_ + "/")) {
    return PackageFail(display, "is a symlink to " + result +
                                    ", outside the package; symlinks must stay inside it");
  }
  return result;
}

Result<std::vector<Entry>> Reader::List(const std::string& path, const std::string& display) {
  std::vector<Entry> entries;
  DIR* dir = ::opendir(path.c_str());
  if (dir == nullptr) return PackageFail(display, "cannot be read as a directory");
  while (struct dirent* item = ::readdir(dir)) {
    std::string name = item->d_name;
    if (name.empty() || name[0] == '.') continue;  // hidden files are not part of a package
    Entry entry{name, path + "/" + name, display.empty() ? name : display + "/" + name, false};
    entries.push_back(std::move(entry));
  }
  ::closedir(dir);
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  for (Entry& entry : entries) {
    struct stat st;
    if (::lstat(entry.path.c_str(), &st) != 0) return PackageFail(entry.display, "vanished");
    if (S_ISLNK(st.st_mode)) {
      auto resolved = ResolveInside(entry.path, entry.display);
      if (!resolved) return tl::unexpected(resolved.error());
      entry.path = *resolved;
      if (::stat(entry.path.c_str(), &st) != 0) return PackageFail(entry.display, "vanished");
    }
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
      return PackageFail(entry.display, "is neither a file nor a directory");
    }
    entry.is_dir = S_ISDIR(st.st_mode);
  }
  return entries;
}

// ---------------------------------------------------------------------------- problem.yaml

Result<void> Reader::ReadProblemYaml() {
  if (!Exists("problem.yaml")) {
    return PackageFail("problem.yaml", "missing; every package needs one (at least `name:`)");
  }
  auto doc = LoadYaml(dir_ + "/problem.yaml", "problem.yaml");
  if (!doc) return tl::unexpected(doc.error());
  const YAML::Node& root = doc->root;
  if (auto ok = RequireMap(*doc, root, "problem.yaml"); !ok) return ok;

  if (root["problem_format_version"]) {
    auto version = AsString(*doc, root["problem_format_version"], "problem_format_version");
    if (!version) return tl::unexpected(version.error());
    if (*version == "legacy" || *version == "legacy-icpc") {
      package_.version = FormatVersion::kLegacy;
    } else if (*version == "2023-07-draft" || *version == "2023-07") {
      package_.version = FormatVersion::k2023_07;
    } else if (*version == "2025-09" || *version == "2025-09-draft" || *version == "draft") {
      package_.version = FormatVersion::k2025_09;
    } else {
      return tl::unexpected(YamlError(*doc, root["problem_format_version"],
                                      "unknown problem_format_version '" + *version +
                                          "' (known: legacy, 2023-07-draft, 2025-09)"));
    }
  }
  if (IsLegacy()) {
    package_.limits.ac_to_time_limit = 5;
    package_.limits.time_limit_to_tle = 2;
  }

  for (const std::string& key : UnknownKeys(root, {"problem_format_version",
                                                   "name",
                                                   "type",
                                                   "validation",
                                                   "validator_flags",
                                                   "limits",
                                                   "languages",
                                                   "koodikoe",
                                                   "uuid",
                                                   "version",
                                                   "author",
                                                   "credits",
                                                   "source",
                                                   "source_url",
                                                   "license",
                                                   "rights_owner",
                                                   "embargo_until",
                                                   "keywords",
                                                   "allow_file_writing",
                                                   "constants",
                                                   "grading",
                                                   "scoring",
                                                   "show_test_data_groups"})) {
    package_.warnings.push_back("problem.yaml: unknown key '" + key + "' ignored");
  }

  if (auto ok = ReadName(*doc, root["name"]); !ok) return ok;
  if (auto ok = ReadType(*doc, root["type"]); !ok) return ok;
  if (auto ok = ReadValidation(*doc, root["validation"]); !ok) return ok;
  if (root["validator_flags"]) {
    auto flags = AsString(*doc, root["validator_flags"], "validator_flags");
    if (!flags) return tl::unexpected(flags.error());
    package_.validator_flags = SplitFlags(*flags);
  }
  if (auto ok = ReadLimits(*doc, root["limits"]); !ok) return ok;
  if (auto ok = ReadLanguages(*doc, root["languages"]); !ok) return ok;
  if (auto ok = ReadKoodikoe(*doc, root["koodikoe"]); !ok) return ok;
  return {};
}

Result<void> Reader::ReadName(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) {
    if (!IsLegacy()) return tl::unexpected(YamlError(doc, doc.root, "`name` is required"));
    return {};
  }
  if (node.IsScalar()) {
    package_.names["en"] = node.Scalar();
    return {};
  }
  if (!node.IsMap()) {
    return tl::unexpected(YamlError(doc, node, "name must be a string or a map language: name"));
  }
  for (const auto& entry : node) {
    auto name = AsString(doc, entry.second, "name." + entry.first.Scalar());
    if (!name) return tl::unexpected(name.error());
    package_.names[entry.first.Scalar()] = *name;
  }
  return {};
}

Result<void> Reader::ReadType(const YamlDoc& doc, const YAML::Node& node) {
  auto types = AsStringList(doc, node, "type", /*split_scalar=*/false);
  if (!types) return tl::unexpected(types.error());
  std::set<std::string> seen;
  for (const std::string& type : *types) {
    if (type == "pass-fail") {
    } else if (type == "scoring") {
      package_.scoring = true;
    } else if (type == "interactive") {
      package_.interactive = true;
    } else if (type == "multi-pass") {
      package_.multi_pass = true;
    } else if (type == "submit-answer") {
      return tl::unexpected(YamlError(doc, node, "type submit-answer is not supported"));
    } else {
      return tl::unexpected(YamlError(
          doc, node,
          "unknown type '" + type + "' (use pass-fail, scoring, interactive or multi-pass)"));
    }
    if (!seen.insert(type).second) {
      return tl::unexpected(YamlError(doc, node, "type '" + type + "' is given twice"));
    }
  }
  if (seen.count("pass-fail") && seen.count("scoring")) {
    return tl::unexpected(YamlError(doc, node, "type cannot be both pass-fail and scoring"));
  }
  if (package_.interactive || package_.multi_pass) package_.custom_output_validation = true;
  return {};
}

Result<void> Reader::ReadValidation(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  auto words = AsStringList(doc, node, "validation", /*split_scalar=*/true);
  if (!words) return tl::unexpected(words.error());
  if (words->empty()) return {};
  if ((*words)[0] == "default" && words->size() == 1) return {};
  if ((*words)[0] != "custom") {
    return tl::unexpected(YamlError(doc, node,
                                    "validation must be `default` or `custom` followed by any of "
                                    "interactive, score, multi-pass"));
  }
  package_.custom_output_validation = true;
  for (size_t i = 1; i < words->size(); ++i) {
    const std::string& word = (*words)[i];
    if (word == "interactive") {
      package_.interactive = true;
    } else if (word == "score") {
      package_.scoring = true;
    } else if (word == "multi-pass" || word == "multipass") {
      package_.multi_pass = true;
    } else {
      return tl::unexpected(YamlError(doc, node, "unknown validation option '" + word + "'"));
    }
  }
  return {};
}

Result<void> Reader::ReadLimits(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  if (auto ok = RequireMap(doc, node, "limits"); !ok) return ok;
  Limits& limits = package_.limits;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "time_multipliers") {
      if (auto ok = RequireMap(doc, value, "limits.time_multipliers"); !ok) return ok;
      for (const auto& multiplier : value) {
        std::string name = multiplier.first.Scalar();
        auto number = AsDouble(doc, multiplier.second, "limits.time_multipliers." + name);
        if (!number) return tl::unexpected(number.error());
        if (*number < 1) {
          return tl::unexpected(YamlError(doc, multiplier.second,
                                          "limits.time_multipliers." + name + " must be >= 1"));
        }
        if (name == "ac_to_time_limit") {
          limits.ac_to_time_limit = *number;
        } else if (name == "time_limit_to_tle") {
          limits.time_limit_to_tle = *number;
        } else {
          return tl::unexpected(
              YamlError(doc, multiplier.first, "unknown key limits.time_multipliers." + name));
        }
      }
      continue;
    }
    auto number = AsDouble(doc, value, "limits." + key);
    if (!number) return tl::unexpected(number.error());
    if (!(*number > 0) || std::isinf(*number)) {
      return tl::unexpected(YamlError(doc, value, "limits." + key + " must be positive"));
    }
    auto mib = static_cast<uint64_t>(std::ceil(*number));
    if (key == "time_limit") {
      limits.time_limit = *number;
    } else if (key == "time_multiplier") {
      limits.ac_to_time_limit = *number;
    } else if (key == "time_safety_margin") {
      limits.time_limit_to_tle = *number;
    } else if (key == "time_resolution") {
      limits.time_resolution = *number;
    } else if (key == "memory") {
      limits.memory_mib = mib;
    } else if (key == "output") {
      limits.output_mib = mib;
    } else if (key == "code") {
      limits.code_kib = mib;
    } else if (key == "compilation_time") {
      limits.compilation_time = *number;
    } else if (key == "compilation_memory") {
      limits.compilation_memory_mib = mib;
    } else if (key == "validation_time") {
      limits.validation_time = *number;
    } else if (key == "validation_memory") {
      limits.validation_memory_mib = mib;
    } else if (key == "validation_output") {
      limits.validation_output_mib = mib;
    } else if (key == "validation_passes") {
      limits.validation_passes = static_cast<int>(mib);
    } else {
      return tl::unexpected(YamlError(doc, entry.first, "unknown key limits." + key));
    }
  }
  return {};
}

// Kattis language codes that differ from koodikoe's ids.
std::string CanonicalLanguage(const std::string& code) {
  if (code == "python3") return "python";
  if (code == "c++") return "cpp";
  if (code == "pypy3") return "pypy";
  return code;
}

Result<void> Reader::ReadLanguages(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  auto languages = AsStringList(doc, node, "languages", /*split_scalar=*/IsLegacy());
  if (!languages) return tl::unexpected(languages.error());
  for (const std::string& language : *languages) {
    if (language == "all") return {};
    package_.languages.push_back(CanonicalLanguage(language));
  }
  return {};
}

Result<void> Reader::ReadKoodikoe(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  if (auto ok = RequireMap(doc, node, "koodikoe"); !ok) return ok;
  KoodikoeKeys& keys = package_.koodikoe;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "tier") {
      auto tier = AsDouble(doc, entry.second, "koodikoe.tier");
      if (!tier) return tl::unexpected(tier.error());
      if (*tier < 1 || *tier > 5 || *tier != std::floor(*tier)) {
        return tl::unexpected(YamlError(doc, entry.second, "koodikoe.tier must be 1 to 5"));
      }
      keys.tier = static_cast<int>(*tier);
    } else if (key == "track") {
      auto track = AsString(doc, entry.second, "koodikoe.track");
      if (!track) return tl::unexpected(track.error());
      keys.track = *track;
    } else if (key == "skills") {
      auto skills = AsStringList(doc, entry.second, "koodikoe.skills", false);
      if (!skills) return tl::unexpected(skills.error());
      keys.skills = *skills;
    } else if (key == "kind") {
      auto kind = AsString(doc, entry.second, "koodikoe.kind");
      if (!kind) return tl::unexpected(kind.error());
      static const std::set<std::string> kKinds = {"batch",   "interactive", "grader",
                                                   "service", "iot",         "game"};
      if (!kKinds.count(*kind)) {
        return tl::unexpected(
            YamlError(doc, entry.second,
                      "koodikoe.kind must be batch, interactive, grader, service, iot or game"));
      }
      keys.kind = *kind;
    } else if (key == "validator_style") {
      auto style = AsString(doc, entry.second, "koodikoe.validator_style");
      if (!style) return tl::unexpected(style.error());
      if (*style != "kattis" && *style != "testlib") {
        return tl::unexpected(
            YamlError(doc, entry.second, "koodikoe.validator_style must be kattis or testlib"));
      }
      keys.validator_style = *style;
    } else {
      return tl::unexpected(YamlError(doc, entry.first, "unknown key koodikoe." + key));
    }
  }
  if (keys.kind == "interactive" || keys.kind == "iot" || keys.kind == "game") {
    // iot, game: the simulator is an interactive validator that scores (0..1) what the program
    // does; a game's simulator also writes a replay (replay.h).
    package_.interactive = true;
    package_.custom_output_validation = true;
    if (keys.kind != "interactive") package_.scoring = true;
  } else if (keys.kind == "service") {
    package_.scoring = true;  // each scenario is worth its points
  } else if (package_.interactive && keys.kind == "batch") {
    keys.kind = "interactive";
  }
  return {};
}

Result<void> Reader::ReadTimeLimitFile() {
  if (!Exists(".timelimit")) return {};
  auto text = koodikoe::ReadFile(dir_ + "/.timelimit", 4096);
  if (!text) return PackageFail(".timelimit", "cannot be read");
  std::string trimmed = *text;
  while (!trimmed.empty() && isspace(static_cast<unsigned char>(trimmed.back()))) {
    trimmed.pop_back();
  }
  auto seconds = koodikoe::ParseSeconds(trimmed);
  if (!seconds || *seconds <= 0) {
    return PackageFail(".timelimit",
                       "must hold a positive number of seconds, not '" + trimmed + "'");
  }
  if (!package_.limits.time_limit) {
    package_.limits.time_limit = *seconds;
    package_.limits.time_limit_from_file = true;
  }
  return {};
}

// ---------------------------------------------------------------------------- programs

Result<void> Reader::CollectFiles(const std::string& path, const std::string& display,
                                  const std::string& prefix, std::vector<std::string>& files) {
  auto entries = List(path, display);
  if (!entries) return tl::unexpected(entries.error());
  for (const Entry& entry : *entries) {
    if (entry.is_dir) {
      if (auto ok = CollectFiles(entry.path, entry.display, prefix + entry.name + "/", files);
          !ok) {
        return ok;
      }
    } else {
      files.push_back(prefix + entry.name);
    }
  }
  return {};
}

Result<ProgramSource> Reader::ReadProgram(const Entry& entry) {
  ProgramSource program;
  program.name = entry.name;
  program.path = entry.path;
  program.is_directory = entry.is_dir;
  if (!entry.is_dir) {
    program.files.push_back(entry.name);
    return program;
  }
  if (auto ok = CollectFiles(entry.path, entry.display, "", program.files); !ok) {
    return tl::unexpected(ok.error());
  }
  if (program.files.empty()) return PackageFail(entry.display, "is an empty program directory");
  for (const std::string& file : program.files) {
    if (file == "build") program.has_build_script = true;
    if (file == "run") program.has_run_script = true;
  }
  return program;
}

Result<void> Reader::ReadSimulators() {
  bool is_dir = false;
  if (!Exists("simulators", &is_dir) || !is_dir) {
    return PackageFail("simulators", "missing; an " + package_.koodikoe.kind +
                                         " exercise needs its simulator there");
  }
  auto entries = List(dir_ + "/simulators", "simulators");
  if (!entries) return tl::unexpected(entries.error());
  if (entries->size() != 1) {
    return PackageFail("simulators", "must hold exactly one simulator (a file or a directory)");
  }
  auto program = ReadProgram(entries->front());
  if (!program) return tl::unexpected(program.error());
  package_.output_validators.push_back(std::move(*program));
  return {};
}

Result<void> Reader::ReadValidators() {
  bool is_dir = false;
  if (package_.koodikoe.kind == "iot" || package_.koodikoe.kind == "game") {
    if (Exists("output_validators") || Exists("output_validator")) {
      return PackageFail("output_validators", "an " + package_.koodikoe.kind +
                                                  " exercise is scored by its simulator in "
                                                  "simulators/; remove the output validator");
    }
    if (auto ok = ReadSimulators(); !ok) return ok;
  }
  if (Exists("output_validators", &is_dir) && is_dir) {
    auto entries = List(dir_ + "/output_validators", "output_validators");
    if (!entries) return tl::unexpected(entries.error());
    for (const Entry& entry : *entries) {
      auto program = ReadProgram(entry);
      if (!program) return tl::unexpected(program.error());
      package_.output_validators.push_back(std::move(*program));
    }
  }
  if (Exists("output_validator", &is_dir) && is_dir) {
    auto resolved = ResolveInside(dir_ + "/output_validator", "output_validator");
    if (!resolved) return tl::unexpected(resolved.error());
    auto program = ReadProgram(Entry{"output_validator", *resolved, "output_validator", true});
    if (!program) return tl::unexpected(program.error());
    package_.output_validators.push_back(std::move(*program));
  }
  if (!package_.output_validators.empty() && !IsLegacy()) {
    package_.custom_output_validation = true;  // newer formats: presence means custom
  }
  if (package_.custom_output_validation && package_.output_validators.empty()) {
    return PackageFail("problem.yaml",
                       "asks for a custom output validator (validation: custom, interactive or "
                       "multi-pass) but output_validators/ is missing or empty");
  }
  if (!package_.custom_output_validation && !package_.output_validators.empty()) {
    package_.warnings.push_back(
        "output_validators/ is present but problem.yaml says `validation: default`; the default "
        "validator is used");
  }
  if (package_.interactive && package_.output_validators.size() > 1) {
    return PackageFail("output_validators", "an interactive problem needs exactly one validator");
  }

  if (Exists("input_validators", &is_dir) && is_dir) {
    auto entries = List(dir_ + "/input_validators", "input_validators");
    if (!entries) return tl::unexpected(entries.error());
    for (const Entry& entry : *entries) {
      auto program = ReadProgram(entry);
      if (!program) return tl::unexpected(program.error());
      package_.input_validators.push_back(std::move(*program));
    }
  }
  return {};
}

Result<void> Reader::ReadIncludes() {
  bool is_dir = false;
  if (!Exists("include", &is_dir) || !is_dir) return {};
  auto entries = List(dir_ + "/include", "include");
  if (!entries) return tl::unexpected(entries.error());
  for (const Entry& entry : *entries) {
    if (!entry.is_dir) {
      package_.warnings.push_back(entry.display + ": include/ holds one directory per language");
      continue;
    }
    package_.include_dirs[CanonicalLanguage(entry.name)] = entry.path;
  }
  return {};
}

Result<void> Reader::ReadGraders() {
  bool is_dir = false;
  if (!Exists("graders", &is_dir) || !is_dir) {
    return PackageFail("graders",
                       "missing; a grader exercise keeps its harness in graders/<language>/");
  }
  auto entries = List(dir_ + "/graders", "graders");
  if (!entries) return tl::unexpected(entries.error());
  std::vector<std::string> languages;
  for (const Entry& entry : *entries) {
    if (!entry.is_dir) {
      return PackageFail(entry.display,
                         "graders/ holds one directory per language (c/, cpp/) and default/");
    }
    std::string language = CanonicalLanguage(entry.name);
    // The harness replaces include/ for its language: it provides main.
    package_.include_dirs[language] = entry.path;
    if (language != "default") languages.push_back(language);
  }
  if (languages.empty()) {
    return PackageFail("graders", "has no harness: add graders/c/ or graders/cpp/");
  }
  if (package_.languages.empty()) {
    package_.languages = languages;  // only languages with a harness can be judged
  } else {
    for (const std::string& language : package_.languages) {
      if (std::find(languages.begin(), languages.end(), language) == languages.end()) {
        return PackageFail("problem.yaml",
                           "allows " + language + " but graders/ has no harness for it");
      }
    }
  }
  return {};
}

Result<void> Reader::ReadScenarios() {
  bool is_dir = false;
  if (!Exists("scenarios", &is_dir) || !is_dir) {
    return PackageFail("scenarios", "missing; a service exercise keeps its scenarios/*.yaml there");
  }
  auto resolved = ResolveInside(dir_ + "/scenarios", "scenarios");
  if (!resolved) return tl::unexpected(resolved.error());
  auto entries = List(*resolved, "scenarios");
  if (!entries) return tl::unexpected(entries.error());
  package_.scenarios_dir = *resolved;
  TestGroup group;
  group.name = "scenarios";
  group.dir = *resolved;
  group.settings.break_on_reject = false;  // every scenario is scored on its own
  group.settings.aggregation = Aggregation::kSum;
  double total = 0;
  for (const Entry& entry : *entries) {
    if (entry.is_dir || !(EndsWith(entry.name, ".yaml") || EndsWith(entry.name, ".yml"))) {
      package_.warnings.push_back(entry.display + ": not a scenario (*.yaml); ignored");
      continue;
    }
    if (entry.path.substr(0, entry.path.rfind('/')) != *resolved) {
      return PackageFail(entry.display,
                         "must be a file of scenarios/ itself, not a link elsewhere");
    }
    auto scenario = LoadScenario(entry.path, entry.display);
    if (!scenario) return tl::unexpected(scenario.error());
    TestCase test;
    std::string stem = entry.name.substr(0, entry.name.rfind('.'));
    test.name = "scenarios/" + stem;
    test.group = group.name;
    test.input_path = entry.path;
    test.answer_path = "/dev/null";
    test.points = scenario->points;
    test.description = scenario->name;
    total += scenario->points;
    group.cases.push_back(static_cast<int>(package_.cases.size()));
    package_.cases.push_back(std::move(test));
  }
  if (group.cases.empty()) {
    return PackageFail("scenarios", "has no scenarios; add NAME.yaml files");
  }
  group.settings.max_score = total;
  package_.root.name = "";
  package_.root.groups.push_back(std::move(group));
  if (Exists("data")) {
    package_.warnings.push_back(
        "data/: a service exercise is judged by scenarios/; data/ is unused");
  }
  return {};
}

Result<void> Reader::ReadStatements() {
  for (const char* folder : {"problem_statement", "statement"}) {
    bool is_dir = false;
    if (!Exists(folder, &is_dir) || !is_dir) continue;
    auto entries = List(dir_ + "/" + folder, folder);
    if (!entries) return tl::unexpected(entries.error());
    for (const Entry& entry : *entries) {
      if (entry.is_dir || !StartsWith(entry.name, "problem.")) continue;
      // problem.en.md, problem.fi.tex, or legacy problem.tex (English).
      std::string rest = entry.name.substr(8);
      size_t dot = rest.find('.');
      std::string language = dot == std::string::npos ? "en" : rest.substr(0, dot);
      if (language == "md" || language == "tex" || language == "pdf") language = "en";
      // Markdown wins over LaTeX and PDF for the same language: the platform renders it.
      if (!package_.statements.count(language) || EndsWith(entry.name, ".md")) {
        package_.statements[language] = entry.path;
      }
    }
  }
  return {};
}

// ---------------------------------------------------------------------------- test data

Result<void> Reader::ApplyGroupKeys(const YamlDoc& doc, GroupSettings& settings) {
  const YAML::Node& root = doc.root;
  if (auto ok = RequireMap(doc, root, doc.file); !ok) return ok;
  for (const auto& entry : root) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "on_reject") {
      auto text = AsString(doc, value, key);
      if (!text) return tl::unexpected(text.error());
      if (*text != "break" && *text != "continue") {
        return tl::unexpected(YamlError(doc, value, "on_reject must be break or continue"));
      }
      settings.break_on_reject = *text == "break";
    } else if (key == "grading") {
      auto text = AsString(doc, value, key);
      if (!text) return tl::unexpected(text.error());
      settings.custom_grading = *text == "custom";
    } else if (key == "grader_flags") {
      auto text = AsString(doc, value, key);
      if (!text) return tl::unexpected(text.error());
      for (const std::string& flag : SplitFlags(*text)) {
        if (flag == "first_error")
          settings.verdict_mode = VerdictMode::kFirstError;
        else if (flag == "worst_error")
          settings.verdict_mode = VerdictMode::kWorstError;
        else if (flag == "always_accept")
          settings.verdict_mode = VerdictMode::kAlwaysAccept;
        else if (flag == "sum")
          settings.legacy_aggregation = Aggregation::kSum;
        else if (flag == "avg")
          settings.legacy_aggregation = Aggregation::kAvg;
        else if (flag == "min")
          settings.legacy_aggregation = Aggregation::kMin;
        else if (flag == "max")
          settings.legacy_aggregation = Aggregation::kMax;
        else if (flag == "ignore_sample")
          settings.ignore_sample = true;
        else if (flag == "accept_if_any_accepted")
          settings.accept_if_any_accepted = true;
        else
          return tl::unexpected(YamlError(doc, value, "unknown grader flag '" + flag + "'"));
      }
    } else if (key == "accept_score" || key == "reject_score") {
      auto number = AsDouble(doc, value, key);
      if (!number) return tl::unexpected(number.error());
      (key == "accept_score" ? settings.accept_score : settings.reject_score) = *number;
    } else if (key == "range") {
      auto parts = AsStringList(doc, value, key, /*split_scalar=*/true);
      if (!parts) return tl::unexpected(parts.error());
      if (parts->size() != 2) {
        return tl::unexpected(YamlError(doc, value, "range must be two numbers: \"0 100\""));
      }
      double bounds[2];
      for (int i = 0; i < 2; ++i) {
        std::string text = (*parts)[i];
        char* end = nullptr;
        bounds[i] = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0') {
          return tl::unexpected(YamlError(doc, value, "range: '" + text + "' is not a number"));
        }
      }
      settings.range_low = bounds[0];
      settings.range_high = bounds[1];
    } else if (key == "output_validator_flags" || key == "output_validator_args") {
      auto flags = AsStringList(doc, value, key, /*split_scalar=*/true);
      if (!flags) return tl::unexpected(flags.error());
      settings.output_validator_args = *flags;
    } else if (key == "input_validator_flags" || key == "input_validator_args") {
      if (value.IsMap()) {
        settings.input_validator_args_by_name.clear();
        for (const auto& item : value) {
          auto flags = AsStringList(doc, item.second, key, /*split_scalar=*/true);
          if (!flags) return tl::unexpected(flags.error());
          settings.input_validator_args_by_name[item.first.Scalar()] = *flags;
        }
      } else {
        auto flags = AsStringList(doc, value, key, /*split_scalar=*/true);
        if (!flags) return tl::unexpected(flags.error());
        settings.input_validator_args = *flags;
      }
    } else if (key == "args") {
      auto args = AsStringList(doc, value, key, /*split_scalar=*/false);
      if (!args) return tl::unexpected(args.error());
      settings.args = *args;
    } else if (key == "full_feedback") {
      auto flag = AsBool(doc, value, key);
      if (!flag) return tl::unexpected(flag.error());
      settings.full_feedback = *flag;
    } else if (key == "max_score") {
      if (value.IsScalar() && value.Scalar() == "unbounded") {
        settings.max_score.reset();
      } else {
        auto number = AsDouble(doc, value, key);
        if (!number) return tl::unexpected(number.error());
        if (*number < 0) {
          return tl::unexpected(YamlError(doc, value, "max_score must be >= 0 or unbounded"));
        }
        settings.max_score = *number;
      }
    } else if (key == "score_aggregation") {
      auto text = AsString(doc, value, key);
      if (!text) return tl::unexpected(text.error());
      if (*text == "pass-fail")
        settings.aggregation = Aggregation::kPassFail;
      else if (*text == "sum")
        settings.aggregation = Aggregation::kSum;
      else if (*text == "min")
        settings.aggregation = Aggregation::kMin;
      else
        return tl::unexpected(
            YamlError(doc, value, "score_aggregation must be pass-fail, sum or min"));
    } else if (key == "require_pass") {
      auto names = AsStringList(doc, value, key, /*split_scalar=*/false);
      if (!names) return tl::unexpected(names.error());
      settings.require_pass = *names;
    } else if (key == "static_validation_score" || key == "static_validator_args" ||
               key == "input_visualizer_args" || key == "output_visualizer_args" ||
               key == "description" || key == "hint") {
      // Not used by judging.
    } else {
      return tl::unexpected(YamlError(doc, entry.first, "unknown key '" + key + "'"));
    }
  }
  return {};
}

Result<void> Reader::ReadGroupConfig(const Entry& dir, GroupSettings& settings) {
  for (const char* file : {"testdata.yaml", "test_group.yaml"}) {
    std::string path = dir.path + "/" + file;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) continue;
    auto doc = LoadYaml(path, dir.display + "/" + file);
    if (!doc) return tl::unexpected(doc.error());
    if (auto ok = ApplyGroupKeys(*doc, settings); !ok) return ok;
  }
  return {};
}

Result<void> Reader::ReadCase(const Entry& input, const std::vector<Entry>& siblings,
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
      auto doc = LoadYaml(sibling.path, sibling.display);
      if (!doc) return tl::unexpected(doc.error());
      if (auto ok = RequireMap(*doc, doc->root, sibling.display); !ok) return ok;
      for (const auto& entry : doc->root) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (key == "args") {
          auto args = AsStringList(*doc, value, key, false);
          if (!args) return tl::unexpected(args.error());
          test.args = *args;
        } else if (key == "output_validator_args" || key == "output_validator_flags") {
          auto args = AsStringList(*doc, value, key, true);
          if (!args) return tl::unexpected(args.error());
          case_validator_args = *args;
        } else if (key == "input_validator_args" || key == "input_validator_flags") {
          if (value.IsMap()) {
            for (const auto& item : value) {
              auto args = AsStringList(*doc, item.second, key, true);
              if (!args) return tl::unexpected(args.error());
              test.input_validator_args_by_name[item.first.Scalar()] = *args;
            }
          } else {
            auto args = AsStringList(*doc, value, key, true);
            if (!args) return tl::unexpected(args.error());
            test.input_validator_args = *args;
          }
        } else if (key == "full_feedback") {
          auto flag = AsBool(*doc, value, key);
          if (!flag) return tl::unexpected(flag.error());
          test.full_feedback = *flag;
        } else if (key == "hint" || key == "description") {
          auto text = AsString(*doc, value, key);
          if (!text) return tl::unexpected(text.error());
          (key == "hint" ? test.hint : test.description) = *text;
        } else if (key == "points") {
          auto points = AsDouble(*doc, value, key);
          if (!points) return tl::unexpected(points.error());
          if (!(*points >= 0)) return tl::unexpected(YamlError(*doc, value, "points must be >= 0"));
          test.points = *points;
        } else if (key == "input_visualizer_args" || key == "output_visualizer_args") {
        } else {
          return tl::unexpected(YamlError(*doc, entry.first, "unknown key '" + key + "'"));
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

Result<void> Reader::ReadGroupEntries(const Entry& dir, const std::string& name_prefix,
                                      const GroupSettings& settings, bool is_sample, int depth,
                                      TestGroup& group) {
  auto entries = List(dir.path, dir.display);
  if (!entries) return tl::unexpected(entries.error());
  std::set<std::string> case_stems;
  for (const Entry& entry : *entries) {
    if (!entry.is_dir && EndsWith(entry.name, ".in")) {
      case_stems.insert(entry.name.substr(0, entry.name.size() - 3));
    }
  }
  for (const Entry& entry : *entries) {
    if (entry.is_dir) {
      if (EndsWith(entry.name, ".files") &&
          case_stems.count(entry.name.substr(0, entry.name.size() - 6))) {
        continue;
      }
      if (case_stems.count(entry.name)) {
        return PackageFail(entry.display, "a directory must not share its name with a test case");
      }
      if (is_sample && !IsLegacy()) {
        return PackageFail(entry.display, "data/sample must not contain test groups");
      }
      // Legacy: every directory is a group. Newer formats: only directories directly below
      // data/secret are groups; deeper directories are folders of their group.
      bool is_group = IsLegacy() || depth == 0;
      if (is_group) {
        TestGroup child;
        if (auto ok = ReadGroup(entry, name_prefix + "/" + entry.name, settings, is_sample,
                                depth + 1, child);
            !ok) {
          return ok;
        }
        group.groups.push_back(std::move(child));
      } else if (auto ok = ReadGroupEntries(entry, name_prefix + "/" + entry.name, settings,
                                            is_sample, depth + 1, group);
                 !ok) {
        return ok;
      }
      continue;
    }
    if (!EndsWith(entry.name, ".in")) continue;
    TestCase test;
    test.group = group.name;
    std::string stem = entry.name.substr(0, entry.name.size() - 3);
    if (auto ok = ReadCase(entry, *entries, name_prefix + "/" + stem, settings, is_sample, test);
        !ok) {
      return ok;
    }
    group.cases.push_back(static_cast<int>(package_.cases.size()));
    package_.cases.push_back(std::move(test));
  }
  return {};
}

Result<void> Reader::ReadGroup(const Entry& dir, const std::string& name,
                               const GroupSettings& inherited, bool is_sample, int depth,
                               TestGroup& group) {
  group.name = name;
  group.dir = dir.path;
  GroupSettings& settings = group.settings;
  if (IsLegacy()) {
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
  if (auto ok = ReadGroupConfig(dir, settings); !ok) return ok;
  if (!IsLegacy() && is_sample && !settings.require_pass.empty()) {
    return PackageFail(dir.display, "data/sample cannot use require_pass");
  }
  int group_depth = name == "secret" || name == "sample" ? 0 : depth;
  return ReadGroupEntries(dir, name, settings, is_sample, group_depth, group);
}

Result<void> Reader::ReadData() {
  bool is_dir = false;
  if (!Exists("data", &is_dir) || !is_dir) {
    return PackageFail("data", "missing; put test cases in data/sample and data/secret");
  }
  auto data = ResolveInside(dir_ + "/data", "data");
  if (!data) return tl::unexpected(data.error());
  Entry data_entry{"data", *data, "data", true};
  TestGroup& root = package_.root;
  root.name = "";
  root.dir = *data;
  if (IsLegacy()) {
    if (auto ok = ReadGroupConfig(data_entry, root.settings); !ok) return ok;
  }
  for (const char* name : {"sample", "secret"}) {
    std::string path = *data + "/" + name;
    struct stat st;
    if (::stat(path.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) continue;
    auto resolved = ResolveInside(path, std::string("data/") + name);
    if (!resolved) return tl::unexpected(resolved.error());
    TestGroup group;
    Entry entry{name, *resolved, std::string("data/") + name, true};
    if (auto ok = ReadGroup(entry, name, root.settings, std::string(name) == "sample", 0, group);
        !ok) {
      return ok;
    }
    root.groups.push_back(std::move(group));
  }
  const TestGroup* secret = package_.FindGroup("secret");
  if (secret == nullptr || (secret->cases.empty() && secret->groups.empty())) {
    if (package_.cases.empty()) {
      return PackageFail("data", "no test cases: add NAME.in and NAME.ans files to data/secret");
    }
    package_.warnings.push_back("data/secret: no secret test cases; only samples are judged");
  }
  if (secret != nullptr && !IsLegacy() && !secret->cases.empty() && !secret->groups.empty()) {
    return PackageFail("data/secret",
                       "holds both test cases and test groups; use one or the other");
  }
  if (package_.scoring && !IsLegacy() && secret != nullptr && secret->settings.max_score) {
    for (const TestGroup& group : secret->groups) {
      if (!group.settings.max_score) {
        return PackageFail("data/" + group.name + "/test_group.yaml",
                           "needs a max_score: secret has a bounded max_score, so its groups "
                           "must have one too");
      }
    }
  }
  return {};
}

// ---------------------------------------------------------------------------- submissions

// The verdict word a folder under submissions/ names.
Expectation FolderExpectation(const std::string& folder) {
  Expectation expectation;
  expectation.folder = folder;
  static const std::set<std::string> kVerdictFolders = {
      "accepted",       "wrong_answer",          "time_limit_exceeded",
      "run_time_error", "memory_limit_exceeded", "output_limit_exceeded",
      "compile_error"};
  if (kVerdictFolders.count(folder)) {
    expectation.verdicts = {folder};
  } else if (folder == "rejected") {
    expectation.rejected = true;
  } else if (folder == "brute_force") {
    expectation.verdicts = {"time_limit_exceeded", "run_time_error"};
  } else if (folder == "partially_accepted") {
    expectation.partial = true;
  } else {
    expectation.known = false;
  }
  return expectation;
}

// DOMjudge-style tags in the source: "@EXPECTED_RESULTS@: WRONG-ANSWER, TIMELIMIT" and the
// problemtools tag "@EXPECTED_SCORE@: 40".
void ApplySourceTags(const ProgramSource& program, Expectation& expectation) {
  static const std::map<std::string, std::string> kResults = {
      {"CORRECT", "accepted"},
      {"WRONG-ANSWER", "wrong_answer"},
      {"NO-OUTPUT", "wrong_answer"},
      {"TIMELIMIT", "time_limit_exceeded"},
      {"RUN-ERROR", "run_time_error"},
      {"COMPILER-ERROR", "compile_error"},
      {"OUTPUT-LIMIT", "output_limit_exceeded"},
      {"MEMORY-LIMIT", "memory_limit_exceeded"},
  };
  for (const std::string& file : program.files) {
    std::string path = program.is_directory ? program.path + "/" + file : program.path;
    auto text = koodikoe::ReadFile(path, 256 << 10);
    if (!text) continue;
    size_t at = text->find("@EXPECTED_RESULTS@:");
    if (at != std::string::npos) {
      size_t end = text->find('\n', at);
      std::string list = text->substr(at + 19, end == std::string::npos ? end : end - at - 19);
      std::vector<std::string> verdicts;
      std::string word;
      for (char c : list + ",") {
        if (c == ',' || isspace(static_cast<unsigned char>(c))) {
          if (!word.empty()) {
            auto found = kResults.find(word);
            if (found != kResults.end()) verdicts.push_back(found->second);
            word.clear();
          }
        } else {
          word += static_cast<char>(toupper(static_cast<unsigned char>(c)));
        }
      }
      if (!verdicts.empty()) {
        expectation.verdicts = verdicts;
        expectation.rejected = false;
        expectation.partial = false;
        expectation.known = true;
      }
    }
    at = text->find("@EXPECTED_SCORE@:");
    if (at != std::string::npos) {
      double score = std::strtod(text->c_str() + at + 17, nullptr);
      expectation.score_low = expectation.score_high = score;
      expectation.known = true;
    }
  }
}

// Expands "{a,b}.py" into "a.py", "b.py" (one level of braces at a time, recursively).
std::vector<std::string> ExpandBraces(const std::string& pattern) {
  size_t open = pattern.find('{');
  size_t close = open == std::string::npos ? open : pattern.find('}', open);
  if (close == std::string::npos) return {pattern};
  std::vector<std::string> results;
  std::string head = pattern.substr(0, open);
  std::string tail = pattern.substr(close + 1);
  std::string body = pattern.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (true) {
    size_t comma = body.find(',', start);
    std::string option = body.substr(start, comma == std::string::npos ? comma : comma - start);
    for (std::string& expanded : ExpandBraces(head + option + tail)) {
      results.push_back(std::move(expanded));
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return results;
}

// A submissions.yaml glob matches a submission or any of its parent directories.
bool GlobMatches(const std::string& pattern, const std::string& relative) {
  for (const std::string& expanded : ExpandBraces(pattern)) {
    std::string path = relative;
    while (!path.empty()) {
      if (::fnmatch(expanded.c_str(), path.c_str(), FNM_PATHNAME) == 0) return true;
      size_t slash = path.rfind('/');
      if (slash == std::string::npos) break;
      path.resize(slash);
    }
  }
  return false;
}

Result<void> Reader::ApplySubmissionsYaml(const YamlDoc& doc) {
  if (auto ok = RequireMap(doc, doc.root, "submissions.yaml"); !ok) return ok;
  for (const auto& rule : doc.root) {
    const std::string pattern = rule.first.Scalar();
    if (auto ok = RequireMap(doc, rule.second, pattern); !ok) return ok;
    for (SubmissionEntry& submission : package_.submissions) {
      if (!GlobMatches(pattern, submission.relative)) continue;
      Expectation& expected = submission.expected;
      for (const auto& entry : rule.second) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (key == "language" || key == "entrypoint") {
          auto text = AsString(doc, value, pattern + "." + key);
          if (!text) return tl::unexpected(text.error());
          (key == "language" ? submission.language : submission.entrypoint) =
              key == "language" ? CanonicalLanguage(*text) : *text;
        } else if (key == "permitted" || key == "required") {
          auto list = AsStringList(doc, value, pattern + "." + key, false);
          if (!list) return tl::unexpected(list.error());
          (key == "permitted" ? expected.permitted : expected.required) = *list;
          expected.known = true;
        } else if (key == "score") {
          if (value.IsSequence() && value.size() == 2) {
            auto low = AsDouble(doc, value[0], pattern + ".score");
            auto high = AsDouble(doc, value[1], pattern + ".score");
            if (!low) return tl::unexpected(low.error());
            if (!high) return tl::unexpected(high.error());
            expected.score_low = *low;
            expected.score_high = *high;
          } else {
            auto score = AsDouble(doc, value, pattern + ".score");
            if (!score) return tl::unexpected(score.error());
            expected.score_low = expected.score_high = *score;
          }
          expected.known = true;
        } else if (key == "message") {
          auto text = AsString(doc, value, pattern + ".message");
          if (!text) return tl::unexpected(text.error());
          expected.message = *text;
        } else if (key == "authors" || key == "model_solution" || key == "use_for_time_limit") {
        } else if (key.find('/') != std::string::npos || key == "sample" || key == "secret") {
          package_.warnings.push_back("submissions.yaml: per-group rules (" + pattern + "." + key +
                                      ") are not checked");
        } else {
          return tl::unexpected(YamlError(doc, entry.first, "unknown key '" + key + "'"));
        }
      }
    }
  }
  return {};
}

Result<void> Reader::ReadSubmissions() {
  bool is_dir = false;
  if (!Exists("submissions", &is_dir) || !is_dir) return {};
  auto folders = List(dir_ + "/submissions", "submissions");
  if (!folders) return tl::unexpected(folders.error());
  for (const Entry& folder : *folders) {
    if (!folder.is_dir) continue;  // submissions.yaml and notes
    auto entries = List(folder.path, folder.display);
    if (!entries) return tl::unexpected(entries.error());
    for (const Entry& entry : *entries) {
      auto program = ReadProgram(entry);
      if (!program) return tl::unexpected(program.error());
      SubmissionEntry submission;
      submission.relative = folder.name + "/" + entry.name;
      submission.expected = FolderExpectation(folder.name);
      ApplySourceTags(*program, submission.expected);
      submission.program = std::move(*program);
      package_.submissions.push_back(std::move(submission));
    }
  }
  std::string yaml_path = dir_ + "/submissions/submissions.yaml";
  struct stat st;
  if (::stat(yaml_path.c_str(), &st) == 0) {
    auto doc = LoadYaml(yaml_path, "submissions/submissions.yaml");
    if (!doc) return tl::unexpected(doc.error());
    if (auto ok = ApplySubmissionsYaml(*doc); !ok) return ok;
  }
  return {};
}

Result<void> Reader::Read(const ReadOptions& options) {
  if (auto ok = ReadProblemYaml(); !ok) return ok;
  if (auto ok = ReadTimeLimitFile(); !ok) return ok;
  if (auto ok = ReadValidators(); !ok) return ok;
  if (auto ok = ReadIncludes(); !ok) return ok;
  if (package_.koodikoe.kind == "grader") {
    if (auto ok = ReadGraders(); !ok) return ok;
  }
  if (auto ok = ReadStatements(); !ok) return ok;
  if (package_.koodikoe.kind == "service") {
    if (auto ok = ReadScenarios(); !ok) return ok;
  } else if (auto ok = ReadData(); !ok) {
    return ok;
  }
  if (options.with_submissions) {
    if (auto ok = ReadSubmissions(); !ok) return ok;
  }
  return {};
}

const TestGroup* FindGroupIn(const TestGroup& group, const std::string& name) {
  if (group.name == name) return &group;
  for (const TestGroup& child : group.groups) {
    if (const TestGroup* found = FindGroupIn(child, name)) return found;
  }
  return nullptr;
}

}  // namespace

const char* FormatVersionName(FormatVersion version) {
  switch (version) {
    case FormatVersion::kLegacy:
      return "legacy";
    case FormatVersion::k2023_07:
      return "2023-07-draft";
    case FormatVersion::k2025_09:
      return "2025-09";
  }
  return "legacy";
}

std::string Package::DisplayName() const {
  auto english = names.find("en");
  if (english != names.end()) return english->second;
  if (!names.empty()) return names.begin()->second;
  return id;
}

const TestGroup* Package::FindGroup(const std::string& name) const {
  return FindGroupIn(root, name);
}

Result<Package> ReadPackage(const std::string& dir, const ReadOptions& options) {
  char resolved[PATH_MAX];
  struct stat st;
  if (::realpath(dir.c_str(), resolved) == nullptr || ::stat(resolved, &st) != 0 ||
      !S_ISDIR(st.st_mode)) {
    return PackageFail(dir, "is not a package directory");
  }
  Package package;
  package.dir = resolved;
  package.id = package.dir.substr(package.dir.rfind('/') + 1);
  Reader reader(package.dir, package);
  Result<void> read;
  try {
    read = reader.Read(options);
  } catch (const YAML::Exception& e) {
    // Every access is checked first; this is the backstop for what yaml-cpp still throws.
    read = PackageFail("a YAML file", std::string("could not be read: ") + e.what());
  }
  if (!read) {
    Error error = read.error();
    error.context = package.id + "/" + error.context;
    return tl::unexpected(error);
  }
  return package;
}

}  // namespace judge
