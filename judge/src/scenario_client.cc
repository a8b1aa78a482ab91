// koodikoe-scenario-client: plays one scenario of a `service` exercise against the candidate's
// service. The judge runs it in a sandbox box of its own that joins the service box's network
// namespace (runner::RunSpec::join_network_of), so it reaches the service on 127.0.0.1:$PORT
// and nothing else.
//
// Why a separate sandboxed program rather than an HTTP client inside the judge (a forked child
// that setns()es into the service's namespace): responses are untrusted input, so the code that
// parses them runs unprivileged, under seccomp and limits, like everything else that touches
// candidate output; the judge only reads a small JSON result. It needs no new runner API (a
// setns child would need the box's pid and privilege), cannot leave anything behind the sandbox
// does not clean, and the judge's own process stays single-threaded (concurrency steps use
// threads, here).
//
// usage: koodikoe-scenario-client SCENARIO PORT STATE RESULT
//   STATE   JSON written at a restart step and read back by the next run (next step, captures)
//   RESULT  JSON: {"status": "pass"|"fail"|"restart"|"no_listen", "step", "label",
//           "step_name", "kind", "feedback_code", "message", "sent", "got", "steps_passed"};
//           "feedback_code" is what failed as a code (judge/feedback_code.h), "message" the
//           same in English
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "feedback_json.h"
#include "scenario.h"

namespace judge {
namespace {

using Json = nlohmann::json;
using Clock = std::chrono::steady_clock;

constexpr size_t kMaxBody = 1 << 20;
constexpr size_t kShownBody = 300;

std::string Shorten(const std::string& text, size_t max = kShownBody) {
  std::string out;
  for (char c : text.substr(0, max)) {
    out += (c == '\n' || c == '\r' || c == '\t') ? ' ' : c;
  }
  if (text.size() > max) out += "... (" + std::to_string(text.size()) + " bytes)";
  return out;
}

struct Exchange {
  bool ok = false;
  std::string kind;  // when !ok: "timeout" | "connection" | "too_large"
  FeedbackCode error;
  int status = 0;
  httplib::Headers headers;
  std::string body;
};

struct Prepared {
  std::string method, path, body, content_type;
  httplib::Headers headers;
  double timeout = 2;

  std::string Describe() const {
    std::string text = method + " " + path;
    if (!body.empty()) text += " " + Shorten(body, 200);
    return text;
  }
};

Exchange Send(int port, const Prepared& request) {
  Exchange exchange;
  httplib::Client client("127.0.0.1", port);
  auto timeout = std::chrono::duration<double>(request.timeout);
  auto as_micro = std::chrono::duration_cast<std::chrono::microseconds>(timeout);
  client.set_connection_timeout(as_micro);
  client.set_read_timeout(as_micro);
  client.set_write_timeout(as_micro);
  client.set_keep_alive(false);
  httplib::Request req;
  req.method = request.method;
  req.path = request.path;
  req.headers = request.headers;
  req.body = request.body;
  if (!request.content_type.empty() && !req.has_header("Content-Type")) {
    req.headers.emplace("Content-Type", request.content_type);
  }
  const auto started = Clock::now();
  const auto deadline = started + timeout;
  bool too_large = false, too_slow = false;
  req.content_receiver = [&](const char* data, size_t size, uint64_t, uint64_t) {
    if (exchange.body.size() + size > kMaxBody) {
      too_large = true;
      return false;
    }
    if (Clock::now() > deadline) {
      too_slow = true;
      return false;
    }
    exchange.body.append(data, size);
    return true;
  };
  httplib::Response response;
  httplib::Error error = httplib::Error::Success;
  bool sent = client.send(req, response, error);
  double elapsed = std::chrono::duration<double>(Clock::now() - started).count();
  if (too_large) {
    exchange.kind = "too_large";
    exchange.error.code = "response_too_large";
    return exchange;
  }
  if (!sent || too_slow) {
    bool timed_out = too_slow || elapsed >= request.timeout * 0.95;
    exchange.kind = timed_out ? "timeout" : "connection";
    if (timed_out) {
      exchange.error = FeedbackCode{"step_timeout", {}}.Set("seconds", request.timeout);
    } else {
      exchange.error =
          FeedbackCode{"connection_failed", {}}.Set("error", httplib::to_string(error));
    }
    return exchange;
  }
  exchange.ok = true;
  exchange.status = response.status;
  exchange.headers = response.headers;
  return exchange;
}

std::string DescribeResponse(const Exchange& exchange) {
  if (!exchange.ok) return FeedbackText(exchange.error);
  std::string text = std::to_string(exchange.status);
  auto type = exchange.headers.find("Content-Type");
  if (type != exchange.headers.end()) text += " (" + type->second + ")";
  text += exchange.body.empty() ? " with an empty body" : " " + Shorten(exchange.body);
  return text;
}

FeedbackCode Code(std::string code) { return FeedbackCode{std::move(code), {}}; }

// Checks a response against the step's expectations; nullopt if it meets them.
std::optional<FeedbackCode> Check(const ScenarioStep& step, const Exchange& exchange,
                                  const Variables& vars) {
  const ScenarioExpect& expect = step.expect;
  if (expect.status && *expect.status != exchange.status) {
    return Code("status_differs").Set("expected", *expect.status).Set("got", exchange.status);
  }
  for (const auto& [name, pattern] : expect.headers) {
    auto found = exchange.headers.find(name);
    if (found == exchange.headers.end()) return Code("header_missing").Set("header", name);
    std::string wanted = Substitute(pattern, vars);
    try {
      if (!std::regex_search(found->second,
                             std::regex(wanted, std::regex::ECMAScript | std::regex::icase))) {
        return Code("header_differs")
            .Set("header", name)
            .Set("expected", wanted)
            .Set("got", Shorten(found->second, 100));
      }
    } catch (const std::regex_error&) {
      return Code("invalid_pattern").Set("pattern", wanted);
    }
  }
  auto trim = [](std::string text) {
    while (!text.empty() && isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    return text;
  };
  if (expect.body) {
    std::string wanted = Substitute(*expect.body, vars);
    if (trim(wanted) != trim(exchange.body))
      return Code("body_differs").Set("expected", Shorten(wanted, 100));
  }
  if (expect.body_regex) {
    std::string wanted = Substitute(*expect.body_regex, vars);
    try {
      if (!std::regex_search(exchange.body, std::regex(wanted, std::regex::ECMAScript))) {
        return Code("body_pattern_differs").Set("expected", wanted);
      }
    } catch (const std::regex_error&) {
      return Code("invalid_pattern").Set("pattern", wanted);
    }
  }
  if (expect.json) {
    Json actual = Json::parse(exchange.body, nullptr, /*allow_exceptions=*/false);
    if (actual.is_discarded()) return Code("json_expected");
    std::string where;
    Json wanted = SubstituteJson(*expect.json, vars);
    if (!JsonSubset(wanted, actual, where)) {
      return Code("json_differs").Set("where", where).Set("expected", Shorten(wanted.dump(), 150));
    }
  }
  return std::nullopt;
}

// Captures values of a response into `vars`; nullopt on success, else what was missing.
std::optional<FeedbackCode> Capture(const ScenarioStep& step, const Exchange& exchange,
                                    Variables& vars) {
  for (const auto& [name, source] : step.captures) {
    if (source == "body") {
      vars[name] = exchange.body;
    } else if (source == "status") {
      vars[name] = exchange.status;
    } else if (source.rfind("header.", 0) == 0) {
      auto found = exchange.headers.find(source.substr(7));
      if (found == exchange.headers.end())
        return Code("capture_header_missing").Set("variable", name).Set("header", source.substr(7));
      vars[name] = found->second;
    } else {
      Json body = Json::parse(exchange.body, nullptr, false);
      if (body.is_discarded()) return Code("capture_not_json").Set("variable", name);
      auto value =
          source == "json" ? std::optional<Json>(body) : JsonAtPath(body, source.substr(5));
      if (!value) return Code("field_missing").Set("variable", name).Set("field", source.substr(5));
      vars[name] = *value;
    }
  }
  return std::nullopt;
}

Prepared Prepare(const Scenario& scenario, const ScenarioStep& step, const Variables& vars) {
  Prepared request;
  request.method = step.method;
  request.path = Substitute(step.path, vars);
  for (const auto& [name, value] : step.headers)
    request.headers.emplace(name, Substitute(value, vars));
  if (step.json) {
    request.body = SubstituteJson(*step.json, vars).dump();
    request.content_type = "application/json";
  } else if (step.body) {
    request.body = Substitute(*step.body, vars);
    request.content_type = "text/plain";
  }
  request.timeout = step.timeout > 0 ? step.timeout : scenario.timeout;
  return request;
}

bool PortAccepts(int port) {
  int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return false;
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  ::close(fd);
  return ok;
}

bool WaitForPort(int port, double seconds) {
  auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < deadline) {
    if (PortAccepts(port)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return PortAccepts(port);
}

struct StepFailure {
  std::string kind;  // mismatch | timeout | connection | too_large | scenario
  FeedbackCode code;
  std::string sent, got;
};

// Plays one request step (all its concurrent copies); nullopt when it passed.
std::optional<StepFailure> PlayStep(const Scenario& scenario, const ScenarioStep& step, int port,
                                    Variables& vars) {
  Prepared request = Prepare(scenario, step, vars);
  std::vector<Exchange> exchanges(static_cast<size_t>(step.concurrency));
  if (step.concurrency == 1) {
    exchanges[0] = Send(port, request);
  } else {
    std::vector<std::thread> threads;
    for (auto& exchange : exchanges) {
      threads.emplace_back([&exchange, &request, port] { exchange = Send(port, request); });
    }
    for (auto& thread : threads) thread.join();
  }
  int failed = 0;
  std::optional<StepFailure> first;
  for (const Exchange& exchange : exchanges) {
    std::optional<FeedbackCode> problem =
        exchange.ok ? Check(step, exchange, vars) : std::optional(exchange.error);
    if (!problem) continue;
    ++failed;
    if (!first) {
      std::string kind = exchange.ok ? "mismatch" : exchange.kind;
      if (problem->code == "invalid_pattern") kind = "scenario";
      first =
          StepFailure{kind, std::move(*problem), request.Describe(), DescribeResponse(exchange)};
    }
  }
  if (first) {
    if (step.concurrency > 1)
      first->code.Set("failed", failed).Set("concurrency", step.concurrency);
    return first;
  }
  if (auto problem = Capture(step, exchanges[0], vars)) {
    return StepFailure{"mismatch", std::move(*problem), request.Describe(),
                       DescribeResponse(exchanges[0])};
  }
  return std::nullopt;
}

// Written aside and renamed into place: the judge may stop this client at any moment (the
// service died) and must then read the last whole result, never a truncated one.
bool WriteJson(const std::string& path, const Json& json) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::trunc);
    out << json.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
    if (!out.flush()) return false;
  }
  return std::rename(partial.c_str(), path.c_str()) == 0;
}

int Run(const std::string& scenario_path, int port, const std::string& state_path,
        const std::string& result_path) {
  auto scenario = LoadScenario(scenario_path, scenario_path.substr(scenario_path.rfind('/') + 1));
  if (!scenario) {
    std::fprintf(stderr, "%s\n", scenario.error().Describe().c_str());
    return 2;
  }
  size_t next = 0;
  Variables vars;
  {
    std::ifstream in(state_path);
    if (in) {
      std::stringstream text;
      text << in.rdbuf();
      Json state = Json::parse(text.str(), nullptr, false);
      if (state.is_object()) {
        next = state.value("next", size_t{0});
        if (state.contains("vars") && state["vars"].is_object()) {
          for (const auto& [name, value] : state["vars"].items()) vars[name] = value;
        }
      }
    }
  }
  Json result = {{"status", "pass"}, {"steps_passed", next}};
  if (!WaitForPort(port, scenario->startup_timeout)) {
    result["status"] = "no_listen";
    result["step"] = next;
    FeedbackCode code{"no_listen", {}};
    code.Set("port", port).Set("seconds", scenario->startup_timeout);
    result["feedback_code"] = FeedbackCodeJson(code);
    result["message"] = FeedbackText(code);
    return WriteJson(result_path, result) ? 0 : 3;
  }
  for (size_t i = next; i < scenario->steps.size(); ++i) {
    const ScenarioStep& step = scenario->steps[i];
    result["step"] = i;
    result["label"] = step.Label(i);
    result["step_name"] = step.name;
    // Progress, in case the service dies under this step and the judge stops this client.
    result["status"] = "running";
    result["steps_passed"] = i;
    if (!WriteJson(result_path, result)) return 3;
    if (step.restart) {
      Json state = {{"next", i + 1}, {"vars", Json::object()}};
      for (const auto& [name, value] : vars) state["vars"][name] = value;
      if (!WriteJson(state_path, state)) return 3;
      result["status"] = "restart";
      result["steps_passed"] = i + 1;
      return WriteJson(result_path, result) ? 0 : 3;
    }
    if (auto failure = PlayStep(*scenario, step, port, vars)) {
      result["status"] = "fail";
      result["kind"] = failure->kind;
      result["feedback_code"] = FeedbackCodeJson(failure->code);
      result["message"] = FeedbackText(failure->code);
      result["sent"] = failure->sent;
      result["got"] = failure->got;
      result["steps_passed"] = i;
      return WriteJson(result_path, result) ? 0 : 3;
    }
  }
  result.erase("step");
  result.erase("label");
  result.erase("step_name");
  result["status"] = "pass";
  result["steps_passed"] = scenario->steps.size();
  return WriteJson(result_path, result) ? 0 : 3;
}

}  // namespace
}  // namespace judge

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: koodikoe-scenario-client SCENARIO PORT STATE RESULT\n");
    return 2;
  }
  int port = std::atoi(argv[2]);
  if (port <= 0 || port > 65535) {
    std::fprintf(stderr, "koodikoe-scenario-client: bad port %s\n", argv[2]);
    return 2;
  }
  return judge::Run(argv[1], port, argv[3], argv[4]);
}
