#include "service_run.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "feedback_json.h"
#include "fs_util.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "koodikoe/unique_fd.h"
#include "run_spec.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

constexpr const char* kClientName = "koodikoe-scenario-client";
constexpr const char* kClientInside = "/judge/koodikoe-scenario-client";
constexpr const char* kScenariosInside = "/scenarios";
constexpr size_t kFeedbackBytes = 1500;
constexpr size_t kLogTailBytes = 400;

std::string DirOf(const std::string& path) { return path.substr(0, path.rfind('/')); }

bool IsExecutable(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && ::access(path.c_str(), X_OK) == 0;
}

// The last `max_bytes` of a file the judge wrote, from a line start where possible.
std::string Tail(const std::string& path, size_t max_bytes) {
  koodikoe::UniqueFd fd(::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
  struct stat st;
  if (!fd.ok() || ::fstat(fd.fd(), &st) != 0 || !S_ISREG(st.st_mode)) return "";
  off_t start = st.st_size > static_cast<off_t>(max_bytes) ? st.st_size - max_bytes : 0;
  std::string text(static_cast<size_t>(st.st_size - start), '\0');
  ssize_t n = ::pread(fd.fd(), text.data(), text.size(), start);
  text.resize(n > 0 ? static_cast<size_t>(n) : 0);
  if (start > 0) {
    size_t newline = text.find('\n');
    if (newline != std::string::npos && newline + 1 < text.size()) text = text.substr(newline + 1);
    text = "..." + text;
  }
  while (!text.empty() && isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
  return text;
}

}  // namespace

Result<std::string> ScenarioClientPath(const std::string& configured) {
  std::vector<std::string> candidates;
  if (!configured.empty()) candidates.push_back(configured);
  if (const char* env = std::getenv("KOODIKOE_SCENARIO_CLIENT"); env && *env) {
    candidates.push_back(env);
  }
  char self[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    std::string dir = DirOf(std::string(self, static_cast<size_t>(n)));
    candidates.push_back(dir + "/" + kClientName);
    candidates.push_back(dir + "/../libexec/koodikoe/" + kClientName);
  }
#ifdef KOODIKOE_SCENARIO_CLIENT_BUILD_PATH
  candidates.push_back(KOODIKOE_SCENARIO_CLIENT_BUILD_PATH);
#endif
  for (const std::string& candidate : candidates) {
    char resolved[PATH_MAX];
    if (::realpath(candidate.c_str(), resolved) != nullptr && IsExecutable(resolved)) {
      return std::string(resolved);
    }
    if (&candidate == &candidates.front() && !configured.empty()) break;
  }
  return Fail(ErrorCode::kNotFound,
              std::string("cannot judge a service exercise: ") + kClientName +
                  " was not found next to this program or in ../libexec/koodikoe; install it "
                  "there or set KOODIKOE_SCENARIO_CLIENT to its path");
}

ServiceRun::ServiceRun(const RunContext& context, const TestCase& test, int index)
    : context_(context), test_(test), index_(index), outcome_(CaseOutcome::Of(test)) {}

ServiceRun::~ServiceRun() { RemoveWorkDir(dir_); }

Result<void> ServiceRun::Prepare() {
  KOODIKOE_TRY(auto scenario, LoadScenario(test_.input_path, test_.name + ".yaml"));
  scenario_ = std::move(scenario);
  dir_ = context_.work_dir + "/t" + std::to_string(index_);
  service_dir_ = dir_ + "/service";
  client_dir_ = dir_ + "/client";
  out_dir_ = dir_ + "/out";
  if (auto ok = MakeBoxDirs({dir_, service_dir_, client_dir_, out_dir_}); !ok) return ok;
  // A program of several files runs where it was built.
  if (context_.submission->multi_file) return CopyTree(context_.submission->dir, service_dir_);
  return {};
}

double ServiceRun::SegmentSeconds() const {
  // Generous: a segment may hold every step; the client stops at its own timeouts first.
  return scenario_->WorstCaseSeconds() + 5;
}

runner::RunSpec ServiceRun::ServiceSpec() const {
  const BuiltProgram& program = *context_.submission;
  const Limits& limits = context_.package->limits;
  runner::RunSpec spec = BoxSpec(BoxRole::kService, program.language, limits, context_.time_limit);
  spec.argv = program.RunArgv(limits.memory_mib);
  spec.env.push_back("PORT=" + std::to_string(kServicePort));
  spec.box_dir = service_dir_;
  spec.binds.push_back({program.dir, kProgramMount, false});
  // A namespace of its own with only lo up: the service reaches nothing outside, not even the
  // host's 127.0.0.1.
  spec.network = runner::Network::kLoopback;
  spec.limits.wall_seconds = SegmentSeconds() + 5;
  std::string stem = out_dir_ + "/service." + std::to_string(segment_);
  spec.stdout_stream = runner::FilePath{stem + ".stdout"};
  spec.stderr_stream = runner::FilePath{stem + ".stderr"};
  return spec;
}

runner::RunSpec ServiceRun::ClientSpec() const {
  runner::RunSpec spec = ScenarioClientSpec(SegmentSeconds(), kMaxConcurrency);
  std::string file = test_.input_path.substr(test_.input_path.rfind('/') + 1);
  spec.argv = {kClientInside, std::string(kScenariosInside) + "/" + file,
               std::to_string(kServicePort), "/box/state.json", "/box/result.json"};
  spec.box_dir = client_dir_;
  spec.binds.push_back({context_.scenario_client, kClientInside, false});
  spec.binds.push_back({context_.package->scenarios_dir, kScenariosInside, false});
  spec.stdout_stream = runner::Capture{};
  spec.stderr_stream = runner::Capture{};
  return spec;
}

Result<std::vector<runner::RunSpec>> ServiceRun::NextStep() {
  if (finished_) return std::vector<runner::RunSpec>{};
  if (running_) {
    running_ = false;
    AfterSegment();
    if (finished_) return std::vector<runner::RunSpec>{};
    ++segment_;  // a restart
  } else if (dir_.empty()) {
    if (auto ok = Prepare(); !ok) {
      Finish(Verdict::kJudgingError, ok.error().Describe());
      return std::vector<runner::RunSpec>{};
    }
  }
  // The next segment may run as other box users: they must be able to use what the last
  // one left (the service's files, the client's state).
  OpenUpTree(service_dir_, /*writable=*/true);
  OpenUpTree(client_dir_, /*writable=*/true);
  koodikoe::UniqueFd client_dir(::open(client_dir_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (client_dir.ok()) ::unlinkat(client_dir.fd(), "result.json", 0);
  service_.reset();
  client_.reset();
  service_ended_first_ = false;
  running_ = true;
  return std::vector<runner::RunSpec>{ServiceSpec(), ClientSpec()};
}

bool ServiceRun::OnBoxFinished(int member, const runner::Outcome& outcome) {
  bool first = !service_ && !client_;
  if (member == 0) {
    service_ = outcome;
    service_ended_first_ = first;
    // A service that ends before the scenario does has failed; the client would only wait.
    return first;
  }
  client_ = outcome;
  return first;  // the scenario is over: stop the service
}

std::string ServiceRun::LogTail() const {
  std::string stem = out_dir_ + "/service." + std::to_string(segment_);
  std::string log = Tail(stem + ".stderr", kLogTailBytes);
  if (log.empty()) log = Tail(stem + ".stdout", kLogTailBytes);
  return log;
}

void ServiceRun::AfterServiceEnded(const FeedbackCode& at_step) {
  const runner::Outcome& service = *service_;
  FeedbackCode note = at_step;
  switch (service.status) {
    case runner::Status::kTimeLimit:
      if (service.limit == "wall") {
        note.code = "service_wall_limit";
        return Finish(Verdict::kTimeLimit, note.Set("seconds", SegmentSeconds() + 5), false);
      }
      note.code = "service_cpu_limit";
      return Finish(Verdict::kTimeLimit, note.Set("seconds", context_.time_limit));
    case runner::Status::kMemoryLimit:
      note.code = "service_memory_limit";
      return Finish(Verdict::kMemoryLimit,
                    note.Set("mib", static_cast<int64_t>(context_.package->limits.memory_mib)),
                    false);
    case runner::Status::kOutputLimit:
      note.code = "service_output_limit";
      return Finish(Verdict::kOutputLimit,
                    note.Set("mib", static_cast<int64_t>(context_.package->limits.output_mib)),
                    false);
    case runner::Status::kSecurityViolation:
      note.code = "service_forbidden_call";
      return Finish(Verdict::kRunTimeError, std::move(note));
    case runner::Status::kInternalError:
      return Finish(Verdict::kJudgingError, "the sandbox failed: " + service.message);
    case runner::Status::kOk:
    case runner::Status::kRuntimeError:
      break;
  }
  note.code = "service_stopped";
  if (service.signal != 0) {
    note.Set("signal", SignalName(service.signal));
  } else {
    note.Set("exit_code", service.exit_code);
  }
  Finish(Verdict::kRunTimeError, std::move(note));
}

void ServiceRun::AfterSegment() {
  const runner::Outcome& service = *service_;
  const runner::Outcome& client = *client_;
  outcome_.result.cpu_ms += service.cpu_ms;
  outcome_.result.wall_ms += service.wall_ms;
  outcome_.result.memory_kib = std::max(outcome_.result.memory_kib, service.memory_kib);

  auto result = nlohmann::json::parse(ReadBeneath(client_dir_, "result.json", 64 << 10), nullptr,
                                      /*allow_exceptions=*/false);
  if (!result.is_object()) result = nlohmann::json::object();
  const std::string status = result.value("status", "");
  const std::string label = result.value("label", "");
  FeedbackCode at_step;
  if (!label.empty() && result.contains("step") && result["step"].is_number_unsigned()) {
    at_step.Set("step", result["step"].get<int64_t>() + 1);
    if (!result.value("step_name", "").empty())
      at_step.Set("step_name", result["step_name"].get<std::string>());
  }

  // The client may see the connection close before the service's own end is reaped; a service
  // that the judge did not stop (SIGKILL after the client) ended by itself either way.
  bool stopped_by_judge =
      service.status == runner::Status::kRuntimeError && service.signal == SIGKILL;
  bool service_ended = service_ended_first_ || !stopped_by_judge;
  if (service_ended && status != "pass") return AfterServiceEnded(at_step);
  if (status.empty() || status == "running") {
    if (client.status == runner::Status::kTimeLimit) {
      return Finish(Verdict::kTimeLimit,
                    FeedbackCode{"scenario_timeout", {}}.Set("seconds", SegmentSeconds()));
    }
    std::string errors = client.stderr_data.substr(0, 300);
    return Finish(Verdict::kJudgingError,
                  "the scenario client failed (" + std::string(runner::StatusWord(client.status)) +
                      ", " + DescribeExit(client) + ")" + (errors.empty() ? "" : ": " + errors));
  }
  if (status == "pass") {
    return Finish(Verdict::kAccepted,
                  FeedbackCode{"steps_passed", {}}.Set("n", result.value("steps_passed", 0)),
                  false);
  }
  if (status == "restart") {
    if (segment_ >= kMaxRestarts) {
      return Finish(Verdict::kJudgingError, "too many restarts in the scenario");
    }
    return;  // NextStep starts the next segment
  }
  FeedbackCode code = FeedbackCodeFromJson(result.value("feedback_code", nlohmann::json()));
  if (status == "no_listen") return Finish(Verdict::kTimeLimit, std::move(code));
  const std::string kind = result.value("kind", "");
  if (kind == "scenario") {
    // The package's fault: for its authors, in English.
    return Finish(Verdict::kJudgingError,
                  "package error: " + label + ": " + result.value("message", "") +
                      "\nsent: " + result.value("sent", "") + "\ngot: " + result.value("got", ""));
  }
  for (const auto& [name, value] : at_step.params) code.Set(name, value);
  code.Set("request", result.value("sent", "")).Set("response", result.value("got", ""));
  if (kind == "mismatch") return Finish(Verdict::kWrongAnswer, std::move(code));
  if (kind == "timeout") return Finish(Verdict::kTimeLimit, std::move(code));
  // A response too large is no failure of the service: its log is left out.
  if (kind == "too_large") return Finish(Verdict::kOutputLimit, std::move(code), false);
  Finish(Verdict::kRunTimeError, std::move(code));
}

void ServiceRun::Finish(Verdict verdict, std::string feedback) {
  if (feedback.size() > kFeedbackBytes) feedback = feedback.substr(0, kFeedbackBytes) + "...";
  outcome_.result.verdict = verdict;
  outcome_.result.feedback = std::move(feedback);
  outcome_.judge_message = outcome_.result.feedback;
  outcome_.ran = true;
  finished_ = true;
}

void ServiceRun::Finish(Verdict verdict, FeedbackCode feedback, bool with_log) {
  std::string log = with_log ? LogTail() : "";
  if (!log.empty()) feedback.Set("log", log);
  Finish(verdict, FeedbackText(feedback));
  outcome_.result.feedback_code = std::move(feedback);
}

CaseOutcome ServiceRun::TakeOutcome() { return std::move(outcome_); }

}  // namespace judge
