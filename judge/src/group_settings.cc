// The keys of testdata.yaml (legacy, inherited downward) and test_group.yaml (2023-07,
// 2025-09): how a group scores, and the arguments its cases pass on.
#include <cstdlib>
#include <map>

#include "koodikoe/try.h"
#include "package_reader.h"

namespace judge {

namespace {

// A key handled, not this handler's key, or a malformed package.
using Handled = Result<bool>;

Result<double> Number(const YamlDoc& doc, const YAML::Node& value, const std::string& key) {
  return AsDouble(doc, value, key);
}

Result<void> ApplyGraderFlags(const YamlDoc& doc, const YAML::Node& value,
                              GroupSettings& settings) {
  static const std::map<std::string, VerdictMode> kModes = {
      {"first_error", VerdictMode::kFirstError},
      {"worst_error", VerdictMode::kWorstError},
      {"always_accept", VerdictMode::kAlwaysAccept}};
  static const std::map<std::string, Aggregation> kAggregations = {{"sum", Aggregation::kSum},
                                                                   {"avg", Aggregation::kAvg},
                                                                   {"min", Aggregation::kMin},
                                                                   {"max", Aggregation::kMax}};
  KOODIKOE_TRY(auto text, AsString(doc, value, "grader_flags"));
  for (const std::string& flag : SplitFlags(text)) {
    if (auto mode = kModes.find(flag); mode != kModes.end()) {
      settings.verdict_mode = mode->second;
    } else if (auto aggregation = kAggregations.find(flag); aggregation != kAggregations.end()) {
      settings.legacy_aggregation = aggregation->second;
    } else if (flag == "ignore_sample") {
      settings.ignore_sample = true;
    } else if (flag == "accept_if_any_accepted") {
      settings.accept_if_any_accepted = true;
    } else {
      return tl::unexpected(YamlError(doc, value, "unknown grader flag '" + flag + "'"));
    }
  }
  return {};
}

Result<void> ApplyRange(const YamlDoc& doc, const YAML::Node& value, GroupSettings& settings) {
  KOODIKOE_TRY(auto parts, AsStringList(doc, value, "range", /*split_scalar=*/true));
  if (parts.size() != 2) {
    return tl::unexpected(YamlError(doc, value, "range must be two numbers: \"0 100\""));
  }
  double bounds[2];
  for (int i = 0; i < 2; ++i) {
    const std::string& text = parts[i];
    char* end = nullptr;
    bounds[i] = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0') {
      return tl::unexpected(YamlError(doc, value, "range: '" + text + "' is not a number"));
    }
  }
  settings.range_low = bounds[0];
  settings.range_high = bounds[1];
  return {};
}

// Legacy grading: on_reject, grading, grader_flags, accept_score, reject_score, range.
Handled ApplyLegacyKey(const YamlDoc& doc, const std::string& key, const YAML::Node& value,
                       GroupSettings& settings) {
  if (key == "on_reject") {
    KOODIKOE_TRY(auto text, AsString(doc, value, key));
    if (text != "break" && text != "continue") {
      return tl::unexpected(YamlError(doc, value, "on_reject must be break or continue"));
    }
    settings.break_on_reject = text == "break";
  } else if (key == "grading") {
    KOODIKOE_TRY(auto text, AsString(doc, value, key));
    settings.custom_grading = text == "custom";
  } else if (key == "grader_flags") {
    KOODIKOE_TRY_VOID(ApplyGraderFlags(doc, value, settings));
  } else if (key == "accept_score" || key == "reject_score") {
    KOODIKOE_TRY(auto number, Number(doc, value, key));
    (key == "accept_score" ? settings.accept_score : settings.reject_score) = number;
  } else if (key == "range") {
    KOODIKOE_TRY_VOID(ApplyRange(doc, value, settings));
  } else {
    return false;
  }
  return true;
}

Result<void> ApplyMaxScore(const YamlDoc& doc, const YAML::Node& value, const std::string& key,
                           GroupSettings& settings) {
  if (value.IsScalar() && value.Scalar() == "unbounded") {
    settings.max_score.reset();
    return {};
  }
  KOODIKOE_TRY(auto number, Number(doc, value, key));
  if (number < 0) {
    return tl::unexpected(YamlError(doc, value, key + " must be >= 0 or unbounded"));
  }
  settings.max_score = number;
  return {};
}

Result<void> ApplyAggregation(const YamlDoc& doc, const YAML::Node& value, const std::string& key,
                              GroupSettings& settings) {
  static const std::map<std::string, Aggregation> kAggregations = {
      {"pass-fail", Aggregation::kPassFail},
      {"sum", Aggregation::kSum},
      {"min", Aggregation::kMin}};
  KOODIKOE_TRY(auto text, AsString(doc, value, key));
  auto found = kAggregations.find(text);
  if (found == kAggregations.end()) {
    return tl::unexpected(YamlError(doc, value, key + " must be pass-fail, sum or min"));
  }
  settings.aggregation = found->second;
  return {};
}

// 2025-09 max_score, score_aggregation, require_pass; 2023-07's `scoring:` map of score,
// aggregation and require_pass.
Handled ApplyScoringKey(const YamlDoc& doc, const std::string& key, const YAML::Node& value,
                        GroupSettings& settings) {
  Result<void> ok;
  if (key == "max_score" || key == "scoring.score") {
    ok = ApplyMaxScore(doc, value, key, settings);
  } else if (key == "score_aggregation" || key == "scoring.aggregation") {
    ok = ApplyAggregation(doc, value, key, settings);
  } else if (key == "require_pass" || key == "scoring.require_pass") {
    KOODIKOE_TRY(auto names, AsStringList(doc, value, key, /*split_scalar=*/false));
    settings.require_pass = names;
  } else if (key == "scoring") {
    KOODIKOE_TRY_VOID(RequireMap(doc, value, key));
    for (const auto& entry : value) {
      KOODIKOE_TRY(auto handled,
                   ApplyScoringKey(doc, "scoring." + entry.first.Scalar(), entry.second, settings));
      if (!handled) {
        return tl::unexpected(
            YamlError(doc, entry.first, "unknown key 'scoring." + entry.first.Scalar() + "'"));
      }
    }
  } else {
    return false;
  }
  if (!ok) return tl::unexpected(ok.error());
  return true;
}

Result<std::vector<std::string>> Words(const YamlDoc& doc, const YAML::Node& value,
                                       const std::string& key) {
  return AsStringList(doc, value, key, /*split_scalar=*/true);
}

// What a group passes on to its cases: arguments and feedback.
Handled ApplyCaseKey(const YamlDoc& doc, const std::string& key, const YAML::Node& value,
                     GroupSettings& settings) {
  if (key == "output_validator_flags" || key == "output_validator_args") {
    KOODIKOE_TRY(auto flags, Words(doc, value, key));
    settings.output_validator_args = flags;
  } else if ((key == "input_validator_flags" || key == "input_validator_args") && value.IsMap()) {
    settings.input_validator_args_by_name.clear();
    for (const auto& item : value) {
      KOODIKOE_TRY(auto flags, Words(doc, item.second, key));
      settings.input_validator_args_by_name[item.first.Scalar()] = flags;
    }
  } else if (key == "input_validator_flags" || key == "input_validator_args") {
    KOODIKOE_TRY(auto flags, Words(doc, value, key));
    settings.input_validator_args = flags;
  } else if (key == "args") {
    KOODIKOE_TRY(auto args, AsStringList(doc, value, key, /*split_scalar=*/false));
    settings.args = args;
  } else if (key == "full_feedback") {
    KOODIKOE_TRY(auto flag, AsBool(doc, value, key));
    settings.full_feedback = flag;
  } else {
    return false;
  }
  return true;
}

bool IsIgnoredKey(const std::string& key) {
  // Not used by judging.
  return key == "static_validation_score" || key == "static_validator_args" ||
         key == "static_validation" || key == "input_visualizer_args" ||
         key == "output_visualizer_args" || key == "description" || key == "hint";
}

}  // namespace

Result<void> PackageReader::ApplyGroupKeys(const YamlDoc& doc, GroupSettings& settings) {
  KOODIKOE_TRY_VOID(RequireMap(doc, doc.root, doc.file));
  for (const auto& entry : doc.root) {
    const std::string key = entry.first.Scalar();
    if (IsIgnoredKey(key)) continue;
    bool known = false;
    for (auto* apply : {&ApplyLegacyKey, &ApplyScoringKey, &ApplyCaseKey}) {
      KOODIKOE_TRY(auto handled, (*apply)(doc, key, entry.second, settings));
      if ((known = handled)) break;
    }
    if (!known) return tl::unexpected(YamlError(doc, entry.first, "unknown key '" + key + "'"));
  }
  return {};
}

}  // namespace judge
