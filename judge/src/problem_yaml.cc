// problem.yaml in its three versions, and .timelimit.
#include <cmath>
#include <regex>
#include <set>

#include "koodikoe/try.h"
#include "package_reader.h"
#include "words.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

// ---------------------------------------------------------------------------- problem.yaml

Result<void> PackageReader::ReadProblemYaml() {
  if (!Exists("problem.yaml")) {
    return PackageFail("problem.yaml", "missing; every package needs one (at least `name:`)");
  }
  KOODIKOE_TRY(auto doc, LoadYaml(dir_ + "/problem.yaml", "problem.yaml"));
  const YAML::Node& root = doc.root;
  KOODIKOE_TRY_VOID(RequireMap(doc, root, "problem.yaml"));

  if (root["problem_format_version"]) {
    KOODIKOE_TRY(auto version,
                 AsString(doc, root["problem_format_version"], "problem_format_version"));
    if (version == "legacy" || version == "legacy-icpc") {
      package_.version = FormatVersion::kLegacy;
    } else if (version == "2023-07-draft" || version == "2023-07") {
      package_.version = FormatVersion::k2023_07;
    } else if (version == "2025-09" || version == "2025-09-draft" || version == "draft") {
      package_.version = FormatVersion::k2025_09;
    } else {
      return tl::unexpected(YamlError(doc, root["problem_format_version"],
                                      "unknown problem_format_version '" + version +
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

  KOODIKOE_TRY_VOID(ReadName(doc, root["name"]));
  KOODIKOE_TRY_VOID(ReadType(doc, root["type"]));
  KOODIKOE_TRY_VOID(ReadValidation(doc, root["validation"]));
  if (root["validator_flags"]) {
    KOODIKOE_TRY(auto flags, AsString(doc, root["validator_flags"], "validator_flags"));
    package_.validator_flags = SplitFlags(flags);
  }
  KOODIKOE_TRY_VOID(ReadLimits(doc, root["limits"]));
  KOODIKOE_TRY_VOID(ReadLanguages(doc, root["languages"]));
  KOODIKOE_TRY_VOID(ReadKoodikoe(doc, root["koodikoe"]));
  KOODIKOE_TRY_VOID(ReadConstants(doc, root["constants"]));
  return {};
}

Result<void> PackageReader::ReadName(const YamlDoc& doc, const YAML::Node& node) {
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
    KOODIKOE_TRY(auto name, AsString(doc, entry.second, "name." + entry.first.Scalar()));
    package_.names[entry.first.Scalar()] = name;
  }
  return {};
}

Result<void> PackageReader::ReadType(const YamlDoc& doc, const YAML::Node& node) {
  KOODIKOE_TRY(auto types, AsStringList(doc, node, "type", /*split_scalar=*/false));
  std::set<std::string> seen;
  for (const std::string& type : types) {
    if (type == "pass-fail") {
    } else if (type == "scoring") {
      package_.scoring = true;
    } else if (type == "interactive") {
      package_.interactive = true;
    } else if (type == "multi-pass") {
      package_.multi_pass = true;
    } else if (type == "submit-answer") {
      package_.submit_answer = true;
    } else {
      return tl::unexpected(
          YamlError(doc, node,
                    "unknown type '" + type +
                        "' (use pass-fail, scoring, interactive, multi-pass or submit-answer)"));
    }
    if (!seen.insert(type).second) {
      return tl::unexpected(YamlError(doc, node, "type '" + type + "' is given twice"));
    }
  }
  if (seen.count("pass-fail") && seen.count("scoring")) {
    return tl::unexpected(YamlError(doc, node, "type cannot be both pass-fail and scoring"));
  }
  if (package_.submit_answer && (package_.interactive || package_.multi_pass)) {
    return tl::unexpected(
        YamlError(doc, node, "type submit-answer cannot be interactive or multi-pass"));
  }
  if (package_.interactive || package_.multi_pass) package_.custom_output_validation = true;
  return {};
}

Result<void> PackageReader::ReadValidation(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  KOODIKOE_TRY(auto words, AsStringList(doc, node, "validation", /*split_scalar=*/true));
  if (words.empty()) return {};
  if (words[0] == "default" && words.size() == 1) return {};
  if (words[0] != "custom") {
    return tl::unexpected(YamlError(doc, node,
                                    "validation must be `default` or `custom` followed by any of "
                                    "interactive, score, multi-pass"));
  }
  package_.custom_output_validation = true;
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string& word = words[i];
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

Result<void> PackageReader::ReadLimits(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  KOODIKOE_TRY_VOID(RequireMap(doc, node, "limits"));
  Limits& limits = package_.limits;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "time_multipliers") {
      KOODIKOE_TRY_VOID(RequireMap(doc, value, "limits.time_multipliers"));
      for (const auto& multiplier : value) {
        std::string name = multiplier.first.Scalar();
        KOODIKOE_TRY(auto number,
                     AsDouble(doc, multiplier.second, "limits.time_multipliers." + name));
        if (number < 1) {
          return tl::unexpected(YamlError(doc, multiplier.second,
                                          "limits.time_multipliers." + name + " must be >= 1"));
        }
        if (name == "ac_to_time_limit") {
          limits.ac_to_time_limit = number;
        } else if (name == "time_limit_to_tle") {
          limits.time_limit_to_tle = number;
        } else {
          return tl::unexpected(
              YamlError(doc, multiplier.first, "unknown key limits.time_multipliers." + name));
        }
      }
      continue;
    }
    KOODIKOE_TRY(auto number, AsDouble(doc, value, "limits." + key));
    if (!(number > 0) || std::isinf(number)) {
      return tl::unexpected(YamlError(doc, value, "limits." + key + " must be positive"));
    }
    auto mib = static_cast<uint64_t>(std::ceil(number));
    if (key == "time_limit") {
      limits.time_limit = number;
    } else if (key == "time_multiplier") {
      limits.ac_to_time_limit = number;
    } else if (key == "time_safety_margin") {
      limits.time_limit_to_tle = number;
    } else if (key == "time_resolution") {
      limits.time_resolution = number;
    } else if (key == "memory") {
      limits.memory_mib = mib;
    } else if (key == "output") {
      limits.output_mib = mib;
    } else if (key == "code") {
      limits.code_kib = mib;
    } else if (key == "compilation_time") {
      limits.compilation_time = number;
    } else if (key == "compilation_memory") {
      limits.compilation_memory_mib = mib;
    } else if (key == "validation_time") {
      limits.validation_time = number;
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

std::string CanonicalLanguage(const std::string& code) {
  if (code == "python3") return "python";
  if (code == "c++") return "cpp";
  if (code == "pypy3") return "pypy";
  return code;
}

Result<void> PackageReader::ReadLanguages(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  KOODIKOE_TRY(auto languages, AsStringList(doc, node, "languages", /*split_scalar=*/IsLegacy()));
  for (const std::string& language : languages) {
    if (language == "all") return {};
    package_.languages.push_back(CanonicalLanguage(language));
  }
  return {};
}

Result<void> PackageReader::ReadKoodikoe(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  KOODIKOE_TRY_VOID(RequireMap(doc, node, "koodikoe"));
  KoodikoeKeys& keys = package_.koodikoe;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    if (key == "tier") {
      KOODIKOE_TRY(auto tier, AsDouble(doc, entry.second, "koodikoe.tier"));
      if (tier < 1 || tier > 5 || tier != std::floor(tier)) {
        return tl::unexpected(YamlError(doc, entry.second, "koodikoe.tier must be 1 to 5"));
      }
      keys.tier = static_cast<int>(tier);
    } else if (key == "track") {
      KOODIKOE_TRY(auto track, AsString(doc, entry.second, "koodikoe.track"));
      keys.track = track;
    } else if (key == "skills") {
      KOODIKOE_TRY(auto skills, AsStringList(doc, entry.second, "koodikoe.skills", false));
      keys.skills = skills;
    } else if (key == "kind") {
      KOODIKOE_TRY(auto kind, AsWord(doc, entry.second, "koodikoe.kind", ExerciseKindWords()));
      package_.kind = kind;
    } else if (key == "conventions") {
      KOODIKOE_TRY(auto conventions,
                   AsWord(doc, entry.second, "koodikoe.conventions", ConventionsWords()));
      keys.conventions = conventions;
    } else if (key == "validator_style") {
      KOODIKOE_TRY(auto style,
                   AsWord(doc, entry.second, "koodikoe.validator_style", ValidatorStyleWords()));
      keys.validator_style = style;
    } else if (key == "disk") {
      KOODIKOE_TRY(auto mib, AsDouble(doc, entry.second, "koodikoe.disk"));
      if (!(mib >= 1) || std::isinf(mib)) {
        return tl::unexpected(
            YamlError(doc, entry.second, "koodikoe.disk must be at least 1 (MiB)"));
      }
      package_.limits.disk_mib = static_cast<uint64_t>(std::ceil(mib));
    } else {
      return tl::unexpected(YamlError(doc, entry.first, "unknown key koodikoe." + key));
    }
  }
  ExerciseKind& kind = package_.kind;
  if (kind == ExerciseKind::kInteractive || ScoredBySimulator(kind)) {
    // iot, game: the simulator is an interactive validator that scores (0..1) what the program
    // does.
    package_.interactive = true;
    package_.custom_output_validation = true;
    if (ScoredBySimulator(kind)) package_.scoring = true;
  } else if (kind == ExerciseKind::kService) {
    package_.scoring = true;  // each scenario is worth its points
  } else if (package_.interactive && kind == ExerciseKind::kBatch) {
    kind = ExerciseKind::kInteractive;
  }
  keys.kind = ExerciseKindWord(kind);
  return {};
}

Result<void> PackageReader::ReadTimeLimitFile() {
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
    package_.limits.time_limit_source = ".timelimit";
  }
  return {};
}

// ---------------------------------------------------------------------------- programs

Result<void> PackageReader::ReadConstants(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  if (IsLegacy()) {
    package_.warnings.push_back("problem.yaml: constants are a 2023-07 and 2025-09 key; ignored");
    return {};
  }
  KOODIKOE_TRY_VOID(RequireMap(doc, node, "constants"));
  static const std::regex kName("[a-zA-Z_][a-zA-Z0-9_]*");
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    if (!std::regex_match(name, kName)) {
      return tl::unexpected(YamlError(
          doc, entry.first, "constants: '" + name + "' is not a name ([a-zA-Z_][a-zA-Z0-9_]*)"));
    }
    KOODIKOE_TRY(auto value, AsString(doc, entry.second, "constants." + name));
    package_.constants[name] = value;  // as written: 1e6 stays 1e6
  }
  return {};
}

}  // namespace judge
