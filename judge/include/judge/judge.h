// judge::Judge is the seam the web platform uses: it evaluates one submission against one
// exercise package and reports test by test. It knows nothing of HTTP or users.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "judge/feedback_code.h"
#include "koodikoe/result.h"

namespace judge {

using koodikoe::Error;
using koodikoe::Result;

// Verdict words of the contract: "accepted", "wrong_answer", "time_limit_exceeded",
// "memory_limit_exceeded", "output_limit_exceeded", "run_time_error", "compile_error",
// "judging_error".
enum class Verdict {
  kAccepted,
  kWrongAnswer,
  kTimeLimit,
  kMemoryLimit,
  kOutputLimit,
  kRunTimeError,
  kCompileError,
  kJudgingError,
};
const char* VerdictWord(Verdict verdict);
// The verdict a contract word names; nullopt for any other word.
std::optional<Verdict> VerdictFromWord(std::string_view word);

// The compile step of a report: "ok", "compile_error", or "skipped" (nothing was compiled:
// the submission could not be judged at all).
enum class CompileStatus { kOk, kCompileError, kSkipped };
const char* CompileStatusWord(CompileStatus status);

struct TestResult {
  std::string name;   // "secret/group1/003"
  std::string group;  // "sample", "secret", "secret/group1"
  Verdict verdict = Verdict::kJudgingError;
  double score = 0;
  int64_t cpu_ms = 0;
  int64_t wall_ms = 0;
  int64_t memory_kib = 0;
  std::string feedback;  // what differed, trimmed; never hidden data beyond a short excerpt
  // The same as a code with parameters where the judge wrote the note (the default output
  // validator, a service's scenario): "feedback_code" in the report. Empty for free text.
  FeedbackCode feedback_code;
  // `game` kind: the checked replay (a JSON object's text, judge/PACKAGES.md); "" = none, as
  // for a secret test whose group gives no full feedback.
  std::string replay;
  // What the program printed on stdout and stderr and the expected answer, each cut to 4 KiB
  // ("... (N more bytes)" says how much was left out). Set for sample tests and groups with
  // full_feedback only: elsewhere they are hidden data and stay unset.
  std::optional<std::string> output;
  std::optional<std::string> error_output;
  std::optional<std::string> expected;
  // A sample, or a secret test whose group gives full feedback (test_group.yaml): what the
  // test saw and printed may be shown to the candidate. The report says so
  // ("full_feedback": true) so that the platform can hide the rest.
  bool full_feedback = false;
  // A sample test (data/sample, or a service's sample scenario): its feedback is the
  // statement's own example, shown to whoever sees the report, in a trial too ("sample": true).
  bool sample = false;
};

struct Report {
  Verdict verdict = Verdict::kJudgingError;
  double score = 0;
  double max_score = 0;
  CompileStatus compile_status = CompileStatus::kSkipped;
  std::string compile_output;  // trimmed compiler message
  std::vector<TestResult> tests;
  std::string message;    // why the verdict is judging_error, or other notes ("" = none)
  double time_limit = 0;  // seconds, as used
  std::string language;   // language id used
};

// The contract's JSON object. Every report of the judge, wherever it is made, is written by
// these two: the web platform stores and relays their text as it is.
std::string ReportJson(const Report& report);
// One element of the report's "tests", as it is also sent while a submission is judged.
std::string TestJson(const TestResult& test);

// The report of a submission that was not judged (its package is gone, the judge failed on it
// again and again): judging_error, nothing compiled or run, `message` saying why.
Report JudgingErrorReport(std::string message);

struct EvaluateRequest {
  std::string package_dir;
  std::string source_path;  // a file, or a directory with build/run scripts
  std::string language;     // "" = from the file extension
  bool samples_only = false;
  bool run_all_tests = false;  // do not stop at the first failing secret test
  int jobs = 0;                // parallel boxes; 0 = the number of cores
};

// Called as each test finishes (in test order) and once with the total count first.
struct Progress {
  int done = 0;
  int total = 0;
  const TestResult* last = nullptr;
};
using ProgressFn = std::function<void(const Progress&)>;

class Judge {
 public:
  virtual ~Judge() = default;
  [[nodiscard]] virtual Result<Report> Evaluate(const EvaluateRequest& request,
                                                const ProgressFn& progress) = 0;
};

}  // namespace judge
