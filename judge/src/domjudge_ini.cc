// domjudge-problem.ini: DOMjudge's own file beside problem.yaml (name, timelimit, points...).
// A package that has one follows DOMjudge's conventions (judge/README.md) unless problem.yaml
// says `koodikoe: {conventions: kattis}`.
#include <map>

#include "package_reader.h"

namespace judge {

namespace {

std::string Trim(const std::string& text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(start, end - start + 1);
}

}  // namespace

// key = value lines; a value may be quoted ('...' or "...") and then span lines.
std::map<std::string, std::string> ParseDomjudgeIni(const std::string& text) {
  std::map<std::string, std::string> values;
  size_t at = 0;
  while (at < text.size()) {
    size_t line_end = text.find('\n', at);
    if (line_end == std::string::npos) line_end = text.size();
    size_t equals = text.find('=', at);
    if (equals == std::string::npos || equals > line_end) {
      at = line_end + 1;  // a blank line, a comment, or no setting
      continue;
    }
    std::string key = Trim(text.substr(at, equals - at));
    size_t value_start = text.find_first_not_of(" \t", equals + 1);
    if (value_start != std::string::npos && value_start < text.size() &&
        (text[value_start] == '\'' || text[value_start] == '"')) {
      size_t close = text.find(text[value_start], value_start + 1);
      if (close == std::string::npos) close = text.size();
      values[key] = text.substr(value_start + 1, close - value_start - 1);
      line_end = text.find('\n', close);
      if (line_end == std::string::npos) line_end = text.size();
    } else {
      values[key] = Trim(text.substr(equals + 1, line_end - equals - 1));
    }
    if (!key.empty() && key[0] == ';') values.erase(key);  // an ini comment
    at = line_end + 1;
  }
  return values;
}

Result<void> PackageReader::ReadDomjudgeIni() {
  const std::optional<Conventions>& chosen = package_.koodikoe.conventions;
  if (chosen) package_.conventions = *chosen;
  if (!Exists("domjudge-problem.ini")) return {};
  if (!chosen) package_.conventions = Conventions::kDomjudge;
  auto text = koodikoe::ReadFile(dir_ + "/domjudge-problem.ini", 64 << 10);
  if (!text) return PackageFail("domjudge-problem.ini", "cannot be read");
  for (const auto& [key, value] : ParseDomjudgeIni(*text)) {
    if (key == "name") {
      if (package_.names.empty()) package_.names["en"] = value;
    } else if (key == "timelimit") {
      auto seconds = koodikoe::ParseSeconds(value);
      if (!seconds || *seconds <= 0) {
        return PackageFail("domjudge-problem.ini",
                           "timelimit must be a positive number of seconds, not '" + value + "'");
      }
      if (!package_.limits.time_limit || package_.limits.time_limit_source == ".timelimit") {
        package_.limits.time_limit = *seconds;
        package_.limits.time_limit_from_file = true;
        package_.limits.time_limit_source = "domjudge-problem.ini";
      }
    } else if (key == "points") {
      auto points = koodikoe::ParseSeconds(value);  // a non-negative number
      if (!points) {
        return PackageFail("domjudge-problem.ini", "points must be a number, not '" + value + "'");
      }
      package_.points = *points;
    } else if (key == "special_compare" || key == "special_run") {
      if (!value.empty()) {
        package_.warnings.push_back("domjudge-problem.ini: " + key + " '" + value +
                                    "' names a DOMjudge executable outside the package; the "
                                    "package's own validators are used");
      }
    } else if (key != "probid" && key != "short-name" && key != "externalid" && key != "color" &&
               key != "allow_submit" && key != "allow_judge") {
      package_.warnings.push_back("domjudge-problem.ini: unknown key '" + key + "' ignored");
    }
  }
  return {};
}

}  // namespace judge
