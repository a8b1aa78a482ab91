#include "authoring/authoring.h"

#include <sodium.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

#include "authoring/exercise_store.h"
#include "judge/package.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"

namespace web {

namespace fs = std::filesystem;
using koodikoe::ErrorCode;
using koodikoe::Fail;
using koodikoe::Result;
using nlohmann::json;

namespace {

constexpr size_t kMaxInlineText = 256u << 10;  // files larger than this are listed, not sent

const std::set<std::string> kKinds = {"batch", "interactive", "grader", "service", "iot", "game"};

Result<YAML::Node> LoadYamlFile(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return YAML::Node(YAML::NodeType::Map);
  try {
    YAML::Node node = YAML::LoadFile(path);
    if (node.IsNull()) return YAML::Node(YAML::NodeType::Map);
    if (!node.IsMap()) {
      return Fail(ErrorCode::kInvalidArgument,
                  fs::path(path).filename().string() + " must be a map of keys");
    }
    return node;
  } catch (const YAML::Exception& e) {
    return Fail(ErrorCode::kInvalidArgument,
                fs::path(path).filename().string() + ": " + std::string(e.what()));
  }
}

Result<void> SaveYaml(const std::string& dir, const std::string& relative, const YAML::Node& node) {
  YAML::Emitter out;
  out << node;
  return ExerciseStore::WriteInto(dir, relative, std::string(out.c_str()) + "\n");
}

std::string Uuid() {
  unsigned char bytes[16];
  randombytes_buf(bytes, sizeof bytes);
  bytes[6] = (bytes[6] & 0x0F) | 0x40;
  bytes[8] = (bytes[8] & 0x3F) | 0x80;
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += hex[bytes[i] >> 4];
    out += hex[bytes[i] & 15];
  }
  return out;
}

// The default output validator's flags: where they live depends on the format.
struct Flags {
  bool case_sensitive = false;
  bool space_change_sensitive = false;
  std::optional<double> float_tolerance;
};

Flags ParseFlags(const std::vector<std::string>& words) {
  Flags flags;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i];
    if (w == "case_sensitive") flags.case_sensitive = true;
    if (w == "space_change_sensitive") flags.space_change_sensitive = true;
    if ((w == "float_tolerance" || w == "float_absolute_tolerance" ||
         w == "float_relative_tolerance") &&
        i + 1 < words.size()) {
      flags.float_tolerance = std::strtod(words[i + 1].c_str(), nullptr);
    }
  }
  return flags;
}

std::string FlagsText(const Flags& flags) {
  std::string text;
  auto add = [&](const std::string& word) { text += (text.empty() ? "" : " ") + word; };
  if (flags.case_sensitive) add("case_sensitive");
  if (flags.space_change_sensitive) add("space_change_sensitive");
  if (flags.float_tolerance) {
    char number[32];
    std::snprintf(number, sizeof number, "%g", *flags.float_tolerance);
    add("float_tolerance " + std::string(number));
  }
  return text;
}

std::string StatementPath(const judge::Package* package, const std::string& language,
                          const std::string& dir) {
  if (package) {
    auto it = package->statements.find(language);
    if (it != package->statements.end() && it->second.ends_with(".md")) {
      return fs::relative(it->second, package->dir).generic_string();
    }
  }
  std::error_code ec;
  std::string folder = fs::is_directory(dir + "/statement", ec) ? "statement" : "problem_statement";
  return folder + "/problem." + language + ".md";
}

Result<std::string> FieldString(const json& form, const char* key, size_t max) {
  const json& value = form.at(key);
  if (!value.is_string())
    return Fail(ErrorCode::kInvalidArgument, std::string(key) + " must be text");
  std::string text = value.get<std::string>();
  if (text.size() > max) {
    return Fail(ErrorCode::kInvalidArgument,
                std::string(key) + " is longer than " + std::to_string(max) + " bytes");
  }
  if (!ValidUtf8(text))
    return Fail(ErrorCode::kInvalidArgument, std::string(key) + " is not UTF-8");
  return text;
}

}  // namespace

Result<json> PackageForm(const std::string& package_dir) {
  KOODIKOE_TRY(auto package, judge::ReadPackage(package_dir));
  json form;
  form["format"] = judge::FormatVersionName(package.version);
  json titles = json::object();
  for (const auto& [language, name] : package.names) titles[language] = name;
  form["titles"] = titles;
  json statement = json::object();
  for (const auto& [language, path] : package.statements) {
    if (!path.ends_with(".md")) continue;
    auto text = koodikoe::ReadFile(path, 1u << 20);
    if (text) statement[language] = *text;
  }
  form["statement"] = statement;
  form["kind"] = package.koodikoe.kind;
  form["tier"] = package.koodikoe.tier;
  form["track"] = package.koodikoe.track;
  form["skills"] = package.koodikoe.skills;
  form["time_limit"] = package.limits.time_limit ? json(*package.limits.time_limit) : json();
  form["memory_limit_mib"] = package.limits.memory_mib;
  std::vector<std::string> flag_words = package.validator_flags;
  if (package.version != judge::FormatVersion::kLegacy) {
    auto testdata = LoadYamlFile(package.dir + "/data/testdata.yaml");
    if (testdata && (*testdata)["output_validator_flags"]) {
      flag_words = judge::SplitFlags((*testdata)["output_validator_flags"].as<std::string>(""));
    }
  }
  Flags flags = ParseFlags(flag_words);
  form["checker"] = {
      {"type", package.custom_output_validation ? "custom" : "default"},
      {"case_sensitive", flags.case_sensitive},
      {"space_change_sensitive", flags.space_change_sensitive},
      {"float_tolerance", flags.float_tolerance ? json(*flags.float_tolerance) : json()}};
  json files = json::array();
  std::error_code ec;
  std::vector<std::string> paths;
  for (fs::recursive_directory_iterator it(package.dir, ec), end; !ec && it != end;
       it.increment(ec)) {
    if (it->is_regular_file(ec)) {
      paths.push_back(fs::relative(it->path(), package.dir, ec).generic_string());
    }
  }
  std::sort(paths.begin(), paths.end());
  for (const std::string& relative : paths) {
    std::string path = package.dir + "/" + relative;
    uint64_t size = fs::file_size(path, ec);
    json file = {{"path", relative}, {"size", size}};
    if (size <= kMaxInlineText) {
      auto text = koodikoe::ReadFile(path, kMaxInlineText);
      if (text && ValidUtf8(*text)) file["text"] = *text;
    }
    files.push_back(file);
  }
  form["files"] = files;
  return form;
}

namespace {

// The form's "files": path -> text, or null to delete.
Result<void> ApplyFiles(const std::string& dir, const json& files) {
  if (!files.is_object()) {
    return Fail(ErrorCode::kInvalidArgument, "files must be a map of path to text (or null)");
  }
  for (const auto& [path, content] : files.items()) {
    if (!ExerciseStore::SafeRelativePath(path)) {
      return Fail(ErrorCode::kInvalidArgument, "files: '" + path + "' is not a safe path");
    }
    if (content.is_null()) {
      KOODIKOE_TRY_VOID(ExerciseStore::RemoveFrom(dir, path));
    } else if (content.is_string()) {
      KOODIKOE_TRY_VOID(ExerciseStore::WriteInto(dir, path, content.get<std::string>()));
    } else {
      return Fail(ErrorCode::kInvalidArgument, "files: '" + path + "' must be text or null");
    }
  }
  return {};
}

Result<void> ApplyTitles(const json& titles, YAML::Node& root) {
  if (!titles.is_object()) return Fail(ErrorCode::kInvalidArgument, "titles must be a map");
  YAML::Node names(YAML::NodeType::Map);
  for (const auto& [language, title] : titles.items()) {
    if (!title.is_string() || title.get<std::string>().size() > 200) {
      return Fail(ErrorCode::kInvalidArgument, "titles." + language + " must be short text");
    }
    if (!title.get<std::string>().empty()) names[language] = title.get<std::string>();
  }
  if (names.size() == 0) return Fail(ErrorCode::kInvalidArgument, "give the exercise a title");
  root["name"] = names;
  return {};
}

// The koodikoe: keys of problem.yaml (kind, tier, track, skills).
Result<void> ApplyKeys(const json& form, YAML::Node& root) {
  YAML::Node keys = root["koodikoe"] ? root["koodikoe"] : YAML::Node(YAML::NodeType::Map);
  if (form.contains("kind")) {
    KOODIKOE_TRY(auto kind, FieldString(form, "kind", 20));
    if (!kKinds.count(kind)) {
      return Fail(ErrorCode::kInvalidArgument,
                  "kind must be batch, interactive, grader, service, iot or game");
    }
    keys["kind"] = kind;
  }
  if (form.contains("tier")) {
    if (!form["tier"].is_number_integer() || form["tier"].get<int>() < 1 ||
        form["tier"].get<int>() > 5) {
      return Fail(ErrorCode::kInvalidArgument, "tier must be a whole number from 1 to 5");
    }
    keys["tier"] = form["tier"].get<int>();
  }
  if (form.contains("track")) {
    KOODIKOE_TRY(auto track, FieldString(form, "track", 40));
    if (track.empty())
      keys.remove("track");
    else
      keys["track"] = track;
  }
  if (form.contains("skills")) {
    if (!form["skills"].is_array())
      return Fail(ErrorCode::kInvalidArgument, "skills must be a list");
    YAML::Node skills(YAML::NodeType::Sequence);
    for (const auto& skill : form["skills"]) {
      if (!skill.is_string() || skill.get<std::string>().empty() ||
          skill.get<std::string>().size() > 60) {
        return Fail(ErrorCode::kInvalidArgument, "each skill must be a short word");
      }
      skills.push_back(skill.get<std::string>());
    }
    keys["skills"] = skills;
  }
  if (keys.size() > 0) root["koodikoe"] = keys;
  return {};
}

Result<void> ApplyLimits(const std::string& dir, const json& form, bool legacy, YAML::Node& root) {
  YAML::Node limits = root["limits"] ? root["limits"] : YAML::Node(YAML::NodeType::Map);
  if (form.contains("time_limit")) {
    const json& value = form["time_limit"];
    std::error_code ec;
    bool has_file = fs::exists(dir + "/.timelimit", ec);
    if (value.is_null()) {
      limits.remove("time_limit");
      if (has_file) (void)ExerciseStore::RemoveFrom(dir, ".timelimit");
    } else if (!value.is_number() || value.get<double>() <= 0 || value.get<double>() > 60) {
      return Fail(ErrorCode::kInvalidArgument, "time_limit must be seconds, from 0 to 60");
    } else if (legacy) {
      // Legacy tools (problemtools, DOMjudge) read the time limit from .timelimit.
      char text[32];
      std::snprintf(text, sizeof text, "%g\n", value.get<double>());
      limits.remove("time_limit");
      KOODIKOE_TRY_VOID(ExerciseStore::WriteInto(dir, ".timelimit", text));
    } else {
      limits["time_limit"] = value.get<double>();
      if (has_file) (void)ExerciseStore::RemoveFrom(dir, ".timelimit");
    }
  }
  if (form.contains("memory_limit_mib")) {
    const json& value = form["memory_limit_mib"];
    if (!value.is_number_integer() || value.get<int64_t>() < 16 || value.get<int64_t>() > 8192) {
      return Fail(ErrorCode::kInvalidArgument, "memory_limit_mib must be from 16 to 8192");
    }
    limits["memory"] = value.get<int64_t>();
  }
  if (limits.size() > 0)
    root["limits"] = limits;
  else
    root.remove("limits");
  return {};
}

// The default checker's flags, where the package's format keeps them.
Result<void> WriteCheckerFlags(const std::string& dir, const std::string& text, bool legacy,
                               bool v2025, YAML::Node& root) {
  if (legacy) {
    if (text.empty())
      root.remove("validator_flags");
    else
      root["validator_flags"] = text;
  } else if (v2025) {
    if (!text.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  "checker flags of a 2025-09 package are set per test group in "
                  "test_group.yaml; edit that file instead");
    }
  } else {
    KOODIKOE_TRY(auto testdata, LoadYamlFile(dir + "/data/testdata.yaml"));
    YAML::Node node = testdata;
    std::error_code ec;
    bool existed = fs::exists(dir + "/data/testdata.yaml", ec);
    if (text.empty())
      node.remove("output_validator_flags");
    else
      node["output_validator_flags"] = text;
    if (node.size() > 0) {
      KOODIKOE_TRY_VOID(SaveYaml(dir, "data/testdata.yaml", node));
    } else if (existed) {
      (void)ExerciseStore::RemoveFrom(dir, "data/testdata.yaml");
    }
  }
  return {};
}

Result<void> ApplyChecker(const std::string& dir, const json& checker, bool legacy, bool v2025,
                          YAML::Node& root) {
  if (!checker.is_object()) return Fail(ErrorCode::kInvalidArgument, "checker must be an object");
  std::string type = checker.value("type", "default");
  if (type == "custom") {
    // Kinds with their own validators (interactive, iot) keep what they have.
    std::string current = root["validation"] ? root["validation"].as<std::string>("") : "";
    if (current.rfind("custom", 0) != 0) root["validation"] = "custom";
  } else if (type == "default") {
    if (root["validation"] && root["validation"].as<std::string>("").rfind("custom", 0) == 0 &&
        root["validation"].as<std::string>("") != "custom") {
      return Fail(ErrorCode::kInvalidArgument,
                  "this exercise's validator is interactive or scoring; it cannot use the "
                  "default checker");
    }
    root.remove("validation");
    Flags flags;
    flags.case_sensitive = checker.value("case_sensitive", false);
    flags.space_change_sensitive = checker.value("space_change_sensitive", false);
    if (checker.contains("float_tolerance") && checker["float_tolerance"].is_number()) {
      double tolerance = checker["float_tolerance"].get<double>();
      if (!(tolerance > 0 && tolerance < 1)) {
        return Fail(ErrorCode::kInvalidArgument, "float_tolerance must be between 0 and 1");
      }
      flags.float_tolerance = tolerance;
    }
    KOODIKOE_TRY_VOID(WriteCheckerFlags(dir, FlagsText(flags), legacy, v2025, root));
  } else {
    return Fail(ErrorCode::kInvalidArgument, "checker.type must be default or custom");
  }
  return {};
}

// Written after problem.yaml: where a statement goes depends on the package's format.
Result<void> ApplyStatements(const std::string& dir, const json& statement) {
  if (!statement.is_object()) return Fail(ErrorCode::kInvalidArgument, "statement must be a map");
  auto package = judge::ReadPackage(dir, {.with_submissions = false});
  for (const auto& [language, text] : statement.items()) {
    if (language.size() < 2 || language.size() > 5 ||
        language.find_first_not_of("abcdefghijklmnopqrstuvwxyz-") != std::string::npos) {
      return Fail(ErrorCode::kInvalidArgument, "statement: '" + language + "' is no language code");
    }
    if (!text.is_string() || text.get<std::string>().size() > (1u << 20) ||
        !ValidUtf8(text.get<std::string>())) {
      return Fail(ErrorCode::kInvalidArgument,
                  "statement." + language + " must be UTF-8 text of at most 1 MiB");
    }
    std::string path = StatementPath(package ? &*package : nullptr, language, dir);
    KOODIKOE_TRY_VOID(ExerciseStore::WriteInto(dir, path, text.get<std::string>()));
  }
  return {};
}

}  // namespace

Result<void> ApplyForm(const std::string& dir, const json& form, bool is_new) {
  if (!form.is_object()) return Fail(ErrorCode::kInvalidArgument, "the form must be an object");
  // Files first: a statement or checker field below wins over the same file given here.
  if (form.contains("files")) {
    KOODIKOE_TRY_VOID(ApplyFiles(dir, form["files"]));
  }

  KOODIKOE_TRY(auto yaml, LoadYamlFile(dir + "/problem.yaml"));
  YAML::Node root = yaml;
  if (is_new) {
    root["problem_format_version"] = "2023-07-draft";
    root["uuid"] = Uuid();
    root["type"] = "pass-fail";
  }
  std::string version =
      root["problem_format_version"] ? root["problem_format_version"].as<std::string>("") : "";
  bool legacy = version.empty() || version.rfind("legacy", 0) == 0;
  bool v2025 = version.rfind("2025", 0) == 0 || version == "draft";

  if (form.contains("titles")) {
    KOODIKOE_TRY_VOID(ApplyTitles(form["titles"], root));
  }
  KOODIKOE_TRY_VOID(ApplyKeys(form, root));
  KOODIKOE_TRY_VOID(ApplyLimits(dir, form, legacy, root));
  if (form.contains("checker")) {
    KOODIKOE_TRY_VOID(ApplyChecker(dir, form["checker"], legacy, v2025, root));
  }
  KOODIKOE_TRY_VOID(SaveYaml(dir, "problem.yaml", root));

  if (form.contains("statement")) return ApplyStatements(dir, form["statement"]);
  return {};
}

}  // namespace web
