// The web side of judging: a job goes to a single-threaded `koodikoe judge-helper` process
// over pipes (JSON lines), because the multithreaded server must never fork sandboxes itself.
#pragma once

#include <sys/types.h>

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"

namespace web {

using koodikoe::Result;

struct JudgeJob {
  int64_t id = 0;
  std::string package_dir;
  std::string source;
  std::string language;
  bool samples_only = false;
  std::optional<std::string> input;  // run once on this input and report the output
  // A team's commit (issue 20): its tree as a tar, unpacked read-only into the directory the
  // judge reads as a multi-file submission; `source` is then unused. Sent to the helper in
  // base64.
  std::string tree_tar;
};

struct JudgeProgress {
  int done = 0;
  int total = 0;
  std::string test_json;  // the finished test in the contract's format, "" for the first call
};

struct JudgeOutcome {
  std::string verdict;
  double score = 0;
  double max_score = 0;
  std::string report_json;  // the contract's report object
};

// The outcome of a job that was not judged (its package is gone, the judge failed on it too
// often): judging_error, finished rather than retried forever; `message` says why.
JudgeOutcome JudgingError(std::string message);

class JudgeClient {
 public:
  virtual ~JudgeClient() = default;
  // Judges one job. A verdict of "judging_error" is an outcome (the package or the judge
  // could not judge this job); an Error means the helper itself failed and the job should be
  // judged again elsewhere.
  [[nodiscard]] virtual Result<JudgeOutcome> Judge(
      const JudgeJob& job, const std::function<void(const JudgeProgress&)>& progress) = 0;
};

// One helper child process, started with posix_spawn (no fork of the threaded server) and
// killed and reaped when this object goes. Not thread-safe: one worker thread owns it.
class HelperProcess final : public JudgeClient {
 public:
  // Starts `argv` (argv[0] an absolute path) and waits for its "ready" line.
  static Result<std::unique_ptr<HelperProcess>> Start(const std::vector<std::string>& argv,
                                                      int job_timeout_seconds);
  ~HelperProcess() override;

  Result<JudgeOutcome> Judge(const JudgeJob& job,
                             const std::function<void(const JudgeProgress&)>& progress) override;
  pid_t pid() const { return pid_; }

 private:
  HelperProcess(pid_t pid, koodikoe::UniqueFd to_helper, koodikoe::UniqueFd from_helper,
                int job_timeout_seconds);
  // Next line from the helper, waiting at most until the deadline (a steady-clock time in ms).
  Result<std::string> ReadLine(int64_t deadline_ms);

  pid_t pid_;
  koodikoe::UniqueFd to_helper_;
  koodikoe::UniqueFd from_helper_;
  std::string buffer_;
  const int job_timeout_seconds_;
};

// The `koodikoe judge-helper [--fake]` command: reads jobs from stdin, one JSON object a
// line, and answers each with progress lines and a final report line on stdout.
int JudgeHelperCommand(int argc, char** argv);

}  // namespace web
