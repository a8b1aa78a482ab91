// problem.yaml in its three versions, and .timelimit.
#include <cmath>
#include <regex>
#include <set>

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
  if (auto ok = ReadConstants(*doc, root["constants"]); !ok) return ok;
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
    auto name = AsString(doc, entry.second, "name." + entry.first.Scalar());
    if (!name) return tl::unexpected(name.error());
    package_.names[entry.first.Scalar()] = *name;
  }
  return {};
}

Result<void> PackageReader::ReadType(const YamlDoc& doc, const YAML::Node& node) {
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

Result<void> PackageReader::ReadLimits(const YamlDoc& doc, const YAML::Node& node) {
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

std::string CanonicalLanguage(const std::string& code) {
  if (code == "python3") return "python";
  if (code == "c++") return "cpp";
  if (code == "pypy3") return "pypy";
  return code;
}

Result<void> PackageReader::ReadLanguages(const YamlDoc& doc, const YAML::Node& node) {
  if (!node) return {};
  auto languages = AsStringList(doc, node, "languages", /*split_scalar=*/IsLegacy());
  if (!languages) return tl::unexpected(languages.error());
  for (const std::string& language : *languages) {
    if (language == "all") return {};
    package_.languages.push_back(CanonicalLanguage(language));
  }
  return {};
}

Result<void> PackageReader::ReadKoodikoe(const YamlDoc& doc, const YAML::Node& node) {
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
      auto kind = AsWord(doc, entry.second, "koodikoe.kind", ExerciseKindWords());
      if (!kind) return tl::unexpected(kind.error());
      package_.kind = *kind;
    } else if (key == "conventions") {
      auto conventions = AsWord(doc, entry.second, "koodikoe.conventions", ConventionsWords());
      if (!conventions) return tl::unexpected(conventions.error());
      keys.conventions = *conventions;
    } else if (key == "validator_style") {
      auto style = AsWord(doc, entry.second, "koodikoe.validator_style", ValidatorStyleWords());
      if (!style) return tl::unexpected(style.error());
      keys.validator_style = *style;
    } else if (key == "disk") {
      auto mib = AsDouble(doc, entry.second, "koodikoe.disk");
      if (!mib) return tl::unexpected(mib.error());
      if (!(*mib >= 1) || std::isinf(*mib)) {
        return tl::unexpected(
            YamlError(doc, entry.second, "koodikoe.disk must be at least 1 (MiB)"));
      }
      package_.limits.disk_mib = static_cast<uint64_t>(std::ceil(*mib));
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
  if (auto ok = RequireMap(doc, node, "constants"); !ok) return ok;
  static const std::regex kName("[a-zA-Z_][a-zA-Z0-9_]*");
  for (const auto& entry : node) {
    const std::string name = entry.first.Scalar();
    if (!std::regex_match(name, kName)) {
      return tl::unexpected(YamlError(
          doc, entry.first, "constants: '" + name + "' is not a name ([a-zA-Z_][a-zA-Z0-9_]*)"));
    }
    auto value = AsString(doc, entry.second, "constants." + name);
    if (!value) return tl::unexpected(value.error());
    package_.constants[name] = *value;  // as written: 1e6 stays 1e6
  }
  return {};
}

}  // namespace judge
