#include "scenario.h"

#include <cmath>
#include <cstdlib>
#include <regex>
#include <set>

#include "koodikoe/try.h"
#include "yaml_util.h"

namespace judge {

namespace {

constexpr int kMaxJsonDepth = 64;

using Json = nlohmann::json;

// A plain YAML scalar gets the type YAML gives it; a quoted one stays a string.
Json ScalarToJson(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() == "!") return text;
  if (text == "null" || text == "~" || text.empty()) return nullptr;
  if (text == "true" || text == "True") return true;
  if (text == "false" || text == "False") return false;
  char* end = nullptr;
  long long integer = std::strtoll(text.c_str(), &end, 10);
  if (*end == '\0' && end != text.c_str()) return integer;
  double number = std::strtod(text.c_str(), &end);
  if (*end == '\0' && end != text.c_str() && std::isfinite(number)) return number;
  return text;
}

Result<Json> ToJson(const YamlDoc& doc, const YAML::Node& node, int depth) {
  if (depth > kMaxJsonDepth) {
    return tl::unexpected(YamlError(doc, node, "nested more than 64 levels deep"));
  }
  if (!node || node.IsNull()) return Json(nullptr);
  if (node.IsScalar()) return ScalarToJson(node);
  if (node.IsSequence()) {
    Json array = Json::array();
    for (const auto& item : node) {
      auto value = ToJson(doc, item, depth + 1);
      if (!value) return value;
      array.push_back(std::move(*value));
    }
    return array;
  }
  Json object = Json::object();
  for (const auto& entry : node) {
    if (!entry.first.IsScalar())
      return tl::unexpected(YamlError(doc, entry.first, "keys must be text"));
    auto value = ToJson(doc, entry.second, depth + 1);
    if (!value) return value;
    object[entry.first.Scalar()] = std::move(*value);
  }
  return object;
}

Result<std::vector<std::pair<std::string, std::string>>> StringMap(const YamlDoc& doc,
                                                                   const YAML::Node& node,
                                                                   const std::string& key) {
  if (auto ok = RequireMap(doc, node, key); !ok) return tl::unexpected(ok.error());
  std::vector<std::pair<std::string, std::string>> pairs;
  for (const auto& entry : node) {
    if (!entry.first.IsScalar())
      return tl::unexpected(YamlError(doc, entry.first, key + ": keys must be text"));
    KOODIKOE_TRY(auto value, AsString(doc, entry.second, key + "." + entry.first.Scalar()));
    pairs.emplace_back(entry.first.Scalar(), value);
  }
  return pairs;
}

Result<double> Seconds(const YamlDoc& doc, const YAML::Node& node, const std::string& key,
                       double max) {
  auto value = AsDouble(doc, node, key);
  if (!value) return value;
  if (!(*value > 0) || *value > max) {
    return tl::unexpected(YamlError(
        doc, node,
        key + " must be more than 0 and at most " + std::to_string(int(max)) + " seconds"));
  }
  return value;
}

// A pattern is checked now unless captures are substituted into it later.
Result<void> CheckRegex(const YamlDoc& doc, const YAML::Node& node, const std::string& pattern) {
  if (pattern.find("${") != std::string::npos) return {};
  try {
    std::regex compiled(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    return tl::unexpected(
        YamlError(doc, node, "'" + pattern + "' is not a valid regular expression"));
  }
  return {};
}

Result<void> ReadExpect(const YamlDoc& doc, const YAML::Node& node, ScenarioExpect& expect) {
  if (auto ok = RequireMap(doc, node, "expect"); !ok) return ok;
  for (const auto& entry : node) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "status") {
      KOODIKOE_TRY(auto status, AsDouble(doc, value, "expect.status"));
      if (status < 100 || status > 599 || status != std::floor(status)) {
        return tl::unexpected(
            YamlError(doc, value, "expect.status must be an HTTP status, 100 to 599"));
      }
      expect.status = static_cast<int>(status);
    } else if (key == "headers") {
      KOODIKOE_TRY(auto headers, StringMap(doc, value, "expect.headers"));
      for (const auto& [name, pattern] : headers) {
        if (auto ok = CheckRegex(doc, value, pattern); !ok) return ok;
      }
      expect.headers = headers;
    } else if (key == "body" || key == "body_regex") {
      KOODIKOE_TRY(auto text, AsString(doc, value, "expect." + key));
      if (key == "body_regex") {
        if (auto ok = CheckRegex(doc, value, text); !ok) return ok;
      }
      (key == "body" ? expect.body : expect.body_regex) = text;
    } else if (key == "json") {
      KOODIKOE_TRY(auto json, ToJson(doc, value, 0));
      expect.json = std::move(json);
    } else {
      return tl::unexpected(YamlError(
          doc, entry.first,
          "unknown key expect." + key + " (known: status, headers, body, body_regex, json)"));
    }
  }
  return {};
}

bool ValidCaptureSource(const std::string& source) {
  return source == "json" || source == "body" || source == "status" ||
         (source.rfind("json.", 0) == 0 && source.size() > 5) ||
         (source.rfind("header.", 0) == 0 && source.size() > 7);
}

Result<void> ReadRequestKey(const YamlDoc& doc, const std::string& key, const YAML::Node& value,
                            ScenarioStep& step) {
  static const std::set<std::string> kMethods = {"GET",    "POST", "PUT",    "PATCH",
                                                 "DELETE", "HEAD", "OPTIONS"};
  if (key == "method") {
    KOODIKOE_TRY(auto method, AsString(doc, value, "method"));
    for (char& c : method) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
    if (!kMethods.count(method)) {
      return tl::unexpected(
          YamlError(doc, value, "method must be GET, POST, PUT, PATCH, DELETE, HEAD or OPTIONS"));
    }
    step.method = method;
  } else if (key == "path") {
    KOODIKOE_TRY(auto path, AsString(doc, value, "path"));
    if (path.empty() || path[0] != '/' || path.find_first_of(" \r\n\t") != std::string::npos) {
      return tl::unexpected(YamlError(doc, value, "path must start with / and hold no spaces"));
    }
    step.path = path;
  } else if (key == "headers") {
    KOODIKOE_TRY(auto headers, StringMap(doc, value, "headers"));
    for (const auto& [name, text] : headers) {
      if (name.empty() || name.find_first_of(" :\r\n") != std::string::npos ||
          text.find_first_of("\r\n") != std::string::npos) {
        return tl::unexpected(YamlError(doc, value, "header '" + name + "' is not a valid header"));
      }
    }
    step.headers = headers;
  } else if (key == "body") {
    KOODIKOE_TRY(auto body, AsString(doc, value, "body"));
    step.body = body;
  } else if (key == "json") {
    KOODIKOE_TRY(auto json, ToJson(doc, value, 0));
    step.json = std::move(json);
  } else {
    return tl::unexpected(YamlError(doc, value, "unknown key '" + key + "'"));
  }
  return {};
}

// Reads into `out` what one of the As... readers gave, or passes its error on.
template <class T>
Result<void> Assign(Result<T> read, T& out) {
  if (!read) return tl::unexpected(read.error());
  out = std::move(*read);
  return {};
}

Result<void> ReadStepKey(const YamlDoc& doc, const std::string& key, const YAML::Node& value,
                         ScenarioStep& step) {
  if (key == "name") return Assign(AsString(doc, value, "name"), step.name);
  if (key == "restart") return Assign(AsBool(doc, value, "restart"), step.restart);
  if (key == "timeout") return Assign(Seconds(doc, value, "timeout", 60), step.timeout);
  if (key == "concurrency") {
    KOODIKOE_TRY(auto count, AsDouble(doc, value, "concurrency"));
    if (count < 1 || count > kMaxConcurrency || count != std::floor(count)) {
      return tl::unexpected(
          YamlError(doc, value, "concurrency must be a whole number from 1 to 64"));
    }
    step.concurrency = static_cast<int>(count);
    return {};
  }
  if (key == "expect") return ReadExpect(doc, value, step.expect);
  if (key == "capture") {
    KOODIKOE_TRY(auto captures, StringMap(doc, value, "capture"));
    for (const auto& [name, source] : captures) {
      if (!ValidCaptureSource(source)) {
        return tl::unexpected(
            YamlError(doc, value,
                      "capture." + name + ": '" + source +
                          "' is not json, json.PATH, header.NAME, body or status"));
      }
    }
    step.captures = captures;
    return {};
  }
  return ReadRequestKey(doc, key, value, step);
}

Result<ScenarioStep> ReadStep(const YamlDoc& doc, const YAML::Node& node) {
  ScenarioStep step;
  step.line = node.Mark().line + 1;
  if (auto ok = RequireMap(doc, node, "a step"); !ok) return tl::unexpected(ok.error());
  if (node.size() == 0) return tl::unexpected(YamlError(doc, node, "a step cannot be empty"));
  for (const auto& entry : node) {
    if (auto ok = ReadStepKey(doc, entry.first.Scalar(), entry.second, step); !ok) {
      return tl::unexpected(ok.error());
    }
  }
  if (step.body && step.json) {
    return tl::unexpected(YamlError(doc, node, "a step sends either body or json, not both"));
  }
  if (step.restart && node.size() > (node["name"] ? 2u : 1u)) {
    return tl::unexpected(YamlError(doc, node, "a restart step takes only `name`"));
  }
  return step;
}

Result<Scenario> ReadScenario(const YamlDoc& doc) {
  Scenario scenario;
  if (auto ok = RequireMap(doc, doc.root, doc.file); !ok) return tl::unexpected(ok.error());
  for (const auto& entry : doc.root) {
    const std::string key = entry.first.Scalar();
    const YAML::Node& value = entry.second;
    if (key == "name") {
      if (auto ok = Assign(AsString(doc, value, "name"), scenario.name); !ok) {
        return tl::unexpected(ok.error());
      }
    } else if (key == "points") {
      KOODIKOE_TRY(auto points, AsDouble(doc, value, "points"));
      if (!(points >= 0) || points > 1e6) {
        return tl::unexpected(YamlError(doc, value, "points must be from 0 to 1000000"));
      }
      scenario.points = points;
    } else if (key == "timeout" || key == "startup_timeout") {
      KOODIKOE_TRY(auto seconds, Seconds(doc, value, key, 60));
      (key == "timeout" ? scenario.timeout : scenario.startup_timeout) = seconds;
    } else if (key == "steps") {
      if (!value.IsSequence() || value.size() == 0) {
        return tl::unexpected(YamlError(doc, value, "steps must be a non-empty list"));
      }
      if (value.size() > static_cast<size_t>(kMaxScenarioSteps)) {
        return tl::unexpected(YamlError(doc, value, "at most 500 steps"));
      }
      for (const auto& item : value) {
        KOODIKOE_TRY(auto step, ReadStep(doc, item));
        scenario.steps.push_back(std::move(step));
      }
    } else if (key == "sample") {
      KOODIKOE_TRY(auto sample, AsBool(doc, value, "sample"));
      scenario.sample = sample;
    } else if (key == "description") {
    } else {
      return tl::unexpected(YamlError(doc, entry.first,
                                      "unknown key '" + key +
                                          "' (known: name, points, sample, timeout, "
                                          "startup_timeout, steps)"));
    }
  }
  if (scenario.steps.empty()) {
    return tl::unexpected(YamlError(doc, doc.root, "`steps` is required"));
  }
  if (scenario.Restarts() > kMaxRestarts) {
    return tl::unexpected(YamlError(doc, doc.root, "at most 5 restart steps"));
  }
  return scenario;
}

void AppendValue(std::string& out, const Json& value) {
  if (value.is_string()) {
    out += value.get<std::string>();
  } else {
    out += value.dump();
  }
}

bool NumbersEqual(const Json& a, const Json& b) {
  return a.is_number() && b.is_number() && a.get<double>() == b.get<double>();
}

bool Subset(const Json& expected, const Json& actual, const std::string& here, std::string& where) {
  if (expected.is_object()) {
    if (!actual.is_object()) {
      where = here.empty() ? "the body" : here;
      return false;
    }
    for (const auto& [key, value] : expected.items()) {
      std::string child = here.empty() ? key : here + "." + key;
      auto found = actual.find(key);
      if (found == actual.end()) {
        where = child + " (missing)";
        return false;
      }
      if (!Subset(value, *found, child, where)) return false;
    }
    return true;
  }
  if (expected.is_array()) {
    if (!actual.is_array() || actual.size() != expected.size()) {
      where = (here.empty() ? std::string("the body") : here) +
              (actual.is_array() ? " (" + std::to_string(actual.size()) + " items, expected " +
                                       std::to_string(expected.size()) + ")"
                                 : "");
      return false;
    }
    for (size_t i = 0; i < expected.size(); ++i) {
      if (!Subset(expected[i], actual[i], here + "[" + std::to_string(i) + "]", where))
        return false;
    }
    return true;
  }
  if (expected == actual || NumbersEqual(expected, actual)) return true;
  where = here.empty() ? "the body" : here;
  return false;
}

}  // namespace

std::string ScenarioStep::Label(size_t index) const {
  std::string label = "step " + std::to_string(index + 1);
  if (!name.empty()) label += " '" + name + "'";
  return label;
}

int Scenario::Restarts() const {
  int restarts = 0;
  for (const ScenarioStep& step : steps) restarts += step.restart ? 1 : 0;
  return restarts;
}

double Scenario::WorstCaseSeconds() const {
  double total = startup_timeout * (1 + Restarts());
  for (const ScenarioStep& step : steps) total += step.timeout > 0 ? step.timeout : timeout;
  return total;
}

namespace {

// The scenario of a parsed (or unparsable) document; yaml-cpp throws on some malformed input.
Result<Scenario> ReadScenarioOf(const Result<YamlDoc>& doc, const std::string& display_name) {
  if (!doc) return tl::unexpected(doc.error());
  try {
    return ReadScenario(*doc);
  } catch (const YAML::Exception& e) {
    return koodikoe::Fail(koodikoe::ErrorCode::kInvalidArgument,
                          display_name + ": could not be read: " + e.what());
  }
}

}  // namespace

Result<Scenario> ParseScenario(const std::string& text, const std::string& display_name) {
  return ReadScenarioOf(ParseYaml(text, display_name), display_name);
}

Result<Scenario> LoadScenario(const std::string& path, const std::string& display_name) {
  return ReadScenarioOf(LoadYaml(path, display_name), display_name);
}

std::string Substitute(const std::string& text, const Variables& vars) {
  std::string out;
  size_t at = 0;
  while (at < text.size()) {
    size_t open = text.find("${", at);
    if (open == std::string::npos) break;
    size_t close = text.find('}', open + 2);
    if (close == std::string::npos) break;
    out.append(text, at, open - at);
    auto found = vars.find(text.substr(open + 2, close - open - 2));
    if (found == vars.end()) {
      out.append(text, open, close + 1 - open);
    } else {
      AppendValue(out, found->second);
    }
    at = close + 1;
  }
  out.append(text, at, std::string::npos);
  return out;
}

Json SubstituteJson(const Json& value, const Variables& vars) {
  if (value.is_string()) {
    const std::string& text = value.get_ref<const std::string&>();
    if (text.size() > 3 && text.rfind("${", 0) == 0 && text.back() == '}' &&
        text.find('}') == text.size() - 1) {
      auto found = vars.find(text.substr(2, text.size() - 3));
      if (found != vars.end()) return found->second;
    }
    return Substitute(text, vars);
  }
  if (value.is_array()) {
    Json array = Json::array();
    for (const Json& item : value) array.push_back(SubstituteJson(item, vars));
    return array;
  }
  if (value.is_object()) {
    Json object = Json::object();
    for (const auto& [key, item] : value.items()) object[key] = SubstituteJson(item, vars);
    return object;
  }
  return value;
}

bool JsonSubset(const Json& expected, const Json& actual, std::string& where) {
  return Subset(expected, actual, "", where);
}

std::optional<Json> JsonAtPath(const Json& document, const std::string& path) {
  const Json* current = &document;
  std::string part;
  auto step = [&](const std::string& key) -> bool {
    if (key.empty()) return true;
    if (current->is_object()) {
      auto found = current->find(key);
      if (found == current->end()) return false;
      current = &*found;
      return true;
    }
    if (current->is_array()) {
      char* end = nullptr;
      unsigned long index = std::strtoul(key.c_str(), &end, 10);
      if (*end != '\0' || index >= current->size()) return false;
      current = &(*current)[index];
      return true;
    }
    return false;
  };
  for (char c : path) {
    if (c == '.' || c == '[' || c == ']') {
      if (!step(part)) return std::nullopt;
      part.clear();
    } else {
      part += c;
    }
  }
  if (!step(part)) return std::nullopt;
  return *current;
}

}  // namespace judge
