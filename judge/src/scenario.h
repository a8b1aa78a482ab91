// Scenarios of `service` exercises: scenarios/*.yaml in a package, each an ordered list of HTTP
// steps with expectations, played against the candidate's service. Parsed by the package reader
// (to check them and read their points) and by the scenario client that plays them.
//
//   name: Create and read back          # optional; default: the file name
//   points: 2                           # default 1
//   sample: true                        # played by "run on the examples" (default false; if no
//                                       # scenario says so, the first one in file order is)
//   timeout: 2                          # seconds per request (default 2)
//   startup_timeout: 10                 # seconds until the port must accept (default 10)
//   steps:
//     - name: create                    # optional
//       method: POST                    # default GET
//       path: /todos
//       headers: {X-Trace: abc}
//       json: {title: milk}             # or body: "raw text"
//       timeout: 5                      # overrides the scenario's
//       concurrency: 10                 # N identical requests at once; all must meet expect
//       expect:
//         status: 201
//         headers: {Content-Type: json} # a regular expression searched in the value
//         body: "exact text"            # or body_regex: "^ok"
//         json: {title: milk}           # a subset of the response's JSON
//       capture: {id: json.id}          # json.PATH | json | header.NAME | body | status
//     - restart: true                   # stop the service and start it again; /box is kept
//
// ${name} in a path, header, body or expectation is replaced by a captured value.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "koodikoe/result.h"

namespace judge {

using koodikoe::Result;

using Variables = std::map<std::string, nlohmann::json>;

struct ScenarioExpect {
  std::optional<int> status;
  std::vector<std::pair<std::string, std::string>> headers;  // name -> regular expression
  std::optional<std::string> body;
  std::optional<std::string> body_regex;
  std::optional<nlohmann::json> json;  // subset
};

struct ScenarioStep {
  std::string name;
  int line = 0;
  bool restart = false;
  std::string method = "GET";
  std::string path = "/";
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<std::string> body;
  std::optional<nlohmann::json> json;  // sent with Content-Type: application/json
  double timeout = 0;                  // seconds; 0 = the scenario's
  int concurrency = 1;
  ScenarioExpect expect;
  std::vector<std::pair<std::string, std::string>> captures;  // variable -> source

  // "step 3 'create'" for messages.
  std::string Label(size_t index) const;
};

struct Scenario {
  std::string name;
  double points = 1;
  bool sample = false;  // one of the scenarios "run on the examples" plays
  double timeout = 2;
  double startup_timeout = 10;
  std::vector<ScenarioStep> steps;

  int Restarts() const;
  // Longest time playing it can take: startup waits plus every request's timeout.
  double WorstCaseSeconds() const;
};

inline constexpr int kMaxScenarioSteps = 500;
inline constexpr int kMaxConcurrency = 64;
inline constexpr int kMaxRestarts = 5;

// Parses a scenario. Errors name `display_name`, the line and the key.
Result<Scenario> ParseScenario(const std::string& text, const std::string& display_name);
Result<Scenario> LoadScenario(const std::string& path, const std::string& display_name);

// Replaces ${name} with the captured value (strings as they are, other JSON as dumped).
// Unknown names are left in place.
std::string Substitute(const std::string& text, const Variables& vars);
// The same inside JSON; a string that is exactly "${name}" takes the captured value's type.
nlohmann::json SubstituteJson(const nlohmann::json& value, const Variables& vars);

// Is `expected` a subset of `actual`? Objects: every expected key matches; arrays: the same
// length, matching element by element; scalars: equal (numbers by value). On a mismatch
// `where` names the first differing place ("items[1].done").
bool JsonSubset(const nlohmann::json& expected, const nlohmann::json& actual, std::string& where);

// The value at a dotted path ("items.0.id", "items[0].id"); nullopt if absent.
std::optional<nlohmann::json> JsonAtPath(const nlohmann::json& document, const std::string& path);

}  // namespace judge
