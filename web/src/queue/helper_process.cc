#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <nlohmann/json.hpp>

#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "queue/judge_client.h"

extern char** environ;

namespace web {

using koodikoe::ErrorCode;
using koodikoe::Fail;
using koodikoe::FailErrno;
using koodikoe::UniqueFd;
using nlohmann::json;

namespace {

constexpr size_t kMaxLineBytes = 64u << 20;  // a report with every test's feedback fits

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

struct Pipe {
  UniqueFd read;
  UniqueFd write;
};

Result<Pipe> MakePipe() {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return FailErrno("pipe2 for the judge helper");
  return Pipe{UniqueFd(fds[0]), UniqueFd(fds[1])};
}

}  // namespace

HelperProcess::HelperProcess(pid_t pid, UniqueFd to_helper, UniqueFd from_helper,
                             int job_timeout_seconds)
    : pid_(pid),
      to_helper_(std::move(to_helper)),
      from_helper_(std::move(from_helper)),
      job_timeout_seconds_(job_timeout_seconds) {}

HelperProcess::~HelperProcess() {
  to_helper_.Reset();
  ::kill(pid_, SIGKILL);
  int status = 0;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

Result<std::unique_ptr<HelperProcess>> HelperProcess::Start(const std::vector<std::string>& argv,
                                                            int job_timeout_seconds) {
  KOODIKOE_TRY(auto requests, MakePipe());
  KOODIKOE_TRY(auto replies, MakePipe());

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, requests.read.fd(), 0);
  posix_spawn_file_actions_adddup2(&actions, replies.write.fd(), 1);
  // Nothing else of the server (listening socket, database, client connections) may live on
  // in the helper: a restarted server must be able to bind its port again.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);

  std::vector<char*> args;
  for (const auto& arg : argv) args.push_back(const_cast<char*>(arg.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return FailErrno(rc, "starting the judge helper " + argv[0]);

  std::unique_ptr<HelperProcess> helper(new HelperProcess(
      pid, std::move(requests.write), std::move(replies.read), job_timeout_seconds));
  KOODIKOE_TRY(auto ready, helper->ReadLine(NowMs() + 30'000));
  json line = json::parse(ready, nullptr, false);
  if (line.is_discarded() || line.value("type", "") != "ready") {
    return Fail(ErrorCode::kInternal, "the judge helper did not say it was ready: " + ready);
  }
  return helper;
}

Result<std::string> HelperProcess::ReadLine(int64_t deadline_ms) {
  for (;;) {
    size_t newline = buffer_.find('\n');
    if (newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      return line;
    }
    if (buffer_.size() > kMaxLineBytes) {
      return Fail(ErrorCode::kInternal, "the judge helper wrote a line over 64 MiB");
    }
    int64_t left = deadline_ms - NowMs();
    if (left <= 0) return Fail(ErrorCode::kInternal, "the judge helper did not answer in time");
    pollfd pfd{from_helper_.fd(), POLLIN, 0};
    int ready = ::poll(&pfd, 1, static_cast<int>(std::min<int64_t>(left, 1000)));
    if (ready < 0 && errno != EINTR) return FailErrno("poll on the judge helper");
    if (ready <= 0) continue;
    char chunk[65536];
    ssize_t got = ::read(from_helper_.fd(), chunk, sizeof chunk);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) return FailErrno("reading from the judge helper");
    if (got == 0) return Fail(ErrorCode::kInternal, "the judge helper exited");
    buffer_.append(chunk, static_cast<size_t>(got));
  }
}

Result<JudgeOutcome> HelperProcess::Judge(
    const JudgeJob& job, const std::function<void(const JudgeProgress&)>& progress) {
  json request = {{"id", job.id},
                  {"package_dir", job.package_dir},
                  {"source", job.source},
                  {"language", job.language},
                  {"samples_only", job.samples_only}};
  if (job.input) request["input"] = *job.input;
  if (!job.tree_tar.empty()) {
    std::string encoded(
        sodium_base64_ENCODED_LEN(job.tree_tar.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(encoded.data(), encoded.size(),
                      reinterpret_cast<const unsigned char*>(job.tree_tar.data()),
                      job.tree_tar.size(), sodium_base64_VARIANT_ORIGINAL);
    encoded.resize(std::strlen(encoded.c_str()));
    request["tree_tar"] = std::move(encoded);
  }
  std::string line = request.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  KOODIKOE_TRY_VOID(koodikoe::WriteAll(to_helper_.fd(), line.data(), line.size()));
  int64_t deadline = NowMs() + int64_t{job_timeout_seconds_} * 1000;
  for (;;) {
    KOODIKOE_TRY(auto text, ReadLine(deadline));
    json reply = json::parse(text, nullptr, false);
    if (reply.is_discarded() || !reply.is_object()) {
      return Fail(ErrorCode::kInternal, "the judge helper wrote something that is not JSON");
    }
    std::string type = reply.value("type", "");
    if (type == "progress") {
      JudgeProgress step;
      step.done = reply.value("done", 0);
      step.total = reply.value("total", 0);
      if (reply.contains("test")) step.test_json = reply["test"].dump();
      progress(step);
    } else if (type == "report" && reply.contains("report") && reply["report"].is_object()) {
      const json& report = reply["report"];
      JudgeOutcome outcome;
      outcome.verdict = report.value("verdict", "judging_error");
      outcome.score = report.value("score", 0.0);
      outcome.max_score = report.value("max_score", 0.0);
      outcome.report_json = report.dump();
      return outcome;
    } else if (type == "error") {
      return JudgingError(reply.value("message", "the judge could not judge this submission"));
    } else {
      return Fail(ErrorCode::kInternal, "the judge helper wrote an unknown line: " + text);
    }
  }
}

}  // namespace web
