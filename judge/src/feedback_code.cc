#include "judge/feedback_code.h"

#include <cstdio>
#include <functional>
#include <map>

#include "feedback_json.h"

namespace judge {

FeedbackCode& FeedbackCode::Put(const std::string& name, FeedbackValue value) {
  for (auto& [key, existing] : params) {
    if (key == name) {
      existing = std::move(value);
      return *this;
    }
  }
  params.emplace_back(name, std::move(value));
  return *this;
}

const FeedbackValue* FeedbackCode::Find(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return &value;
  }
  return nullptr;
}

namespace {

// A difference of numbers as the note writes it: three digits ("0.5", "1.23e+04").
std::string DifferenceText(const FeedbackCode& f) {
  const FeedbackValue* value = f.Find("difference");
  if (!value || !std::holds_alternative<double>(*value)) return f.Text("difference");
  char text[40];
  std::snprintf(text, sizeof text, "%.3g", std::get<double>(*value));
  return text;
}

// A text parameter quoted, its non-printable bytes (and backslashes) as \xNN.
std::string Quoted(const std::string& text) {
  std::string shown = "'";
  for (char byte : text) {
    unsigned char c = static_cast<unsigned char>(byte);
    if (c >= 0x20 && c < 0x7f && c != '\\') {
      shown += byte;
    } else {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\x%02x", c);
      shown += escaped;
    }
  }
  return shown + "'";
}

using Wording = std::function<std::string(const FeedbackCode&)>;

std::string Where(const FeedbackCode& f) {
  return "token " + f.Text("n") + " (line " + f.Text("line") + ")";
}

// The default output validator's notes.
const std::map<std::string_view, Wording>& ValidatorWordings() {
  static const std::map<std::string_view, Wording> wordings = {
      {"token_differs",
       [](const FeedbackCode& f) {
         return Where(f) + ": expected " + Quoted(f.Text("expected")) + ", got " +
                Quoted(f.Text("got"));
       }},
      {"number_expected",
       [](const FeedbackCode& f) {
         return Where(f) + ": expected a number near " + Quoted(f.Text("expected")) + ", got " +
                Quoted(f.Text("got"));
       }},
      {"number_differs",
       [](const FeedbackCode& f) {
         return Where(f) + ": expected " + Quoted(f.Text("expected")) + ", got " +
                Quoted(f.Text("got")) + ": differs by " + DifferenceText(f) +
                " from the expected value";
       }},
      {"whitespace_differs",
       [](const FeedbackCode& f) {
         return "whitespace differs before " + Where(f) + ": expected " +
                Quoted(f.Text("expected")) + ", got " + Quoted(f.Text("got"));
       }},
      {"extra_output",
       [](const FeedbackCode& f) {
         return "more output than expected: " + Where(f) + " is " + Quoted(f.Text("got")) +
                " after the answer's last token";
       }},
      {"output_ended",
       [](const FeedbackCode& f) {
         return "output ended after " + f.Text("n") + " tokens; expected " +
                Quoted(f.Text("expected")) + " next";
       }},
  };
  return wordings;
}

// What a scenario step found wrong in the service's answer (scenario_client.cc).
const std::map<std::string_view, Wording>& StepWordings() {
  static const std::map<std::string_view, Wording> wordings = {
      {"status_differs",
       [](const FeedbackCode& f) {
         return "expected status " + f.Text("expected") + ", got " + f.Text("got");
       }},
      {"header_missing",
       [](const FeedbackCode& f) {
         return "expected a " + f.Text("header") + " header, got none";
       }},
      {"header_differs",
       [](const FeedbackCode& f) {
         return "expected header " + f.Text("header") + " to match '" + f.Text("expected") +
                "', got '" + f.Text("got") + "'";
       }},
      {"body_differs",
       [](const FeedbackCode& f) { return "expected the body '" + f.Text("expected") + "'"; }},
      {"body_pattern_differs",
       [](const FeedbackCode& f) {
         return "expected the body to match '" + f.Text("expected") + "'";
       }},
      {"json_expected",
       [](const FeedbackCode&) {
         return std::string("expected a JSON body, got something that is not JSON");
       }},
      {"json_differs",
       [](const FeedbackCode& f) {
         return "the JSON differs at " + f.Text("where") + " (expected " + f.Text("expected") + ")";
       }},
      {"capture_header_missing",
       [](const FeedbackCode& f) {
         return "cannot capture " + f.Text("variable") + ": no " + f.Text("header") + " header";
       }},
      {"capture_not_json",
       [](const FeedbackCode& f) {
         return "cannot capture " + f.Text("variable") + ": the body is not JSON";
       }},
      {"field_missing",
       [](const FeedbackCode& f) {
         return "cannot capture " + f.Text("variable") + ": the body has no " + f.Text("field");
       }},
      {"step_timeout",
       [](const FeedbackCode& f) {
         return "no complete response within " + f.Text("seconds") + " s";
       }},
      {"connection_failed",
       [](const FeedbackCode& f) {
         return "no response: " + f.Text("error") + " (the connection was refused or closed)";
       }},
      {"response_too_large",
       [](const FeedbackCode&) { return std::string("the response body is larger than 1 MiB"); }},
      {"invalid_pattern",
       [](const FeedbackCode& f) {
         return "scenario error: '" + f.Text("pattern") + "' is not a valid regular expression";
       }},
  };
  return wordings;
}

std::string StepLabel(const FeedbackCode& f) {
  std::string label = "step " + f.Text("step");
  if (!f.Text("step_name").empty()) label += " '" + f.Text("step_name") + "'";
  return label;
}

// " during step 2 'name'" when the note names the step that was played.
std::string During(const FeedbackCode& f) { return f.Has("step") ? " during " + StepLabel(f) : ""; }

std::string ServiceLogText(const FeedbackCode& f) {
  return f.Text("log").empty() ? "" : "\nthe service wrote: " + f.Text("log");
}

// A failed step as the service's test reports it: which step, what was sent and received.
std::string StepText(const FeedbackCode& f, const Wording& wording) {
  std::string text;
  if (f.Has("step")) text = StepLabel(f) + ": ";
  if (f.Has("concurrency")) {
    text += f.Text("failed") + " of " + f.Text("concurrency") +
            " concurrent requests failed; the first: ";
  }
  text += wording(f);
  if (f.Has("request")) text += "\nsent: " + f.Text("request") + "\ngot: " + f.Text("response");
  return text + ServiceLogText(f);
}

// The service as a whole (service_run.cc).
const std::map<std::string_view, Wording>& ServiceWordings() {
  static const std::map<std::string_view, Wording> wordings = {
      {"steps_passed", [](const FeedbackCode& f) { return f.Text("n") + " steps passed"; }},
      {"no_listen",
       [](const FeedbackCode& f) {
         return "nothing accepted connections on 127.0.0.1:" + f.Text("port") +
                " (the port in $PORT) within " + f.Text("seconds") +
                " s; does the service listen on $PORT?" + ServiceLogText(f);
       }},
      {"scenario_timeout",
       [](const FeedbackCode& f) {
         return "the scenario took longer than " + f.Text("seconds") + " s" + ServiceLogText(f);
       }},
      {"service_wall_limit",
       [](const FeedbackCode& f) {
         return "the service ran longer than " + f.Text("seconds") + " s" + During(f);
       }},
      {"service_cpu_limit",
       [](const FeedbackCode& f) {
         return "the service used more than " + f.Text("seconds") + " s of CPU time" + During(f) +
                ServiceLogText(f);
       }},
      {"service_memory_limit",
       [](const FeedbackCode& f) {
         return "the service used more than " + f.Text("mib") + " MiB of memory" + During(f);
       }},
      {"service_output_limit",
       [](const FeedbackCode& f) {
         return "the service wrote more than " + f.Text("mib") + " MiB to stdout and stderr" +
                During(f);
       }},
      {"service_forbidden_call",
       [](const FeedbackCode& f) {
         return "the service made a forbidden system call" + During(f) + ServiceLogText(f);
       }},
      {"service_stopped",
       [](const FeedbackCode& f) {
         std::string how = f.Has("signal") ? "killed by signal " + f.Text("signal")
                                           : "exit code " + f.Text("exit_code");
         return "the service stopped (" + how + ")" + During(f) +
                "; a service must keep running until the scenario ends, in the foreground" +
                ServiceLogText(f);
       }},
  };
  return wordings;
}

}  // namespace

std::string FeedbackCode::Text(std::string_view name) const {
  const FeedbackValue* value = Find(name);
  if (!value) return "";
  if (auto* text = std::get_if<std::string>(value)) return *text;
  if (auto* integer = std::get_if<int64_t>(value)) return std::to_string(*integer);
  char text[40];
  std::snprintf(text, sizeof text, "%g", std::get<double>(*value));
  return text;
}

const std::vector<std::string_view>& FeedbackCodes() {
  static const std::vector<std::string_view> codes = [] {
    std::vector<std::string_view> all;
    for (const auto* wordings : {&ValidatorWordings(), &StepWordings(), &ServiceWordings()}) {
      for (const auto& [code, wording] : *wordings) all.push_back(code);
    }
    return all;
  }();
  return codes;
}

std::string FeedbackText(const FeedbackCode& feedback) {
  if (auto found = ValidatorWordings().find(feedback.code); found != ValidatorWordings().end()) {
    return found->second(feedback);
  }
  if (auto found = StepWordings().find(feedback.code); found != StepWordings().end()) {
    return StepText(feedback, found->second);
  }
  if (auto found = ServiceWordings().find(feedback.code); found != ServiceWordings().end()) {
    return found->second(feedback);
  }
  return "";
}

nlohmann::json FeedbackCodeJson(const FeedbackCode& feedback) {
  nlohmann::json params = nlohmann::json::object();
  for (const auto& param : feedback.params) {
    // The pair, not a structured binding: clang before 16 cannot capture a binding.
    std::visit([&params, &param](const auto& v) { params[param.first] = v; }, param.second);
  }
  return {{"code", feedback.code}, {"params", std::move(params)}};
}

FeedbackCode FeedbackCodeFromJson(const nlohmann::json& json) {
  FeedbackCode feedback;
  if (!json.is_object() || !json.contains("code") || !json["code"].is_string()) return feedback;
  feedback.code = json["code"].get<std::string>();
  if (!json.contains("params") || !json["params"].is_object()) return feedback;
  for (const auto& [name, value] : json["params"].items()) {
    if (value.is_number_integer()) {
      feedback.Set(name, value.get<int64_t>());
    } else if (value.is_number()) {
      feedback.Set(name, value.get<double>());
    } else if (value.is_string()) {
      feedback.Set(name, value.get<std::string>());
    }
  }
  return feedback;
}

}  // namespace judge
