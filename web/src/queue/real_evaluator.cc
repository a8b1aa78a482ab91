// The judge-helper's real evaluator: judge::PackageJudge in this single-threaded process.
#include <stdlib.h>

#include <filesystem>
#include <memory>

#include "judge/languages.h"
#include "judge/package.h"
#include "judge/package_judge.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "projects/team_repos.h"
#include "queue/evaluator.h"

namespace web {

using koodikoe::ErrorCode;
using koodikoe::Fail;
using nlohmann::json;

namespace {

// A scratch directory for one job's source; removed when the job ends.
class ScratchDir {
 public:
  static Result<ScratchDir> Make() {
    const char* tmp = getenv("TMPDIR");
    std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/koodikoe-job-XXXXXX";
    if (!mkdtemp(pattern.data())) return koodikoe::FailErrno("mkdtemp " + pattern);
    return ScratchDir(pattern);
  }
  ScratchDir(ScratchDir&& other) noexcept : path_(std::exchange(other.path_, "")) {}
  ~ScratchDir() {
    if (!path_.empty()) (void)koodikoe::RemoveTree(path_);
  }
  const std::string& path() const { return path_; }

 private:
  explicit ScratchDir(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

// The file name the language expects: Java wants the public class's name.
Result<std::string> SourceFileName(const std::string& language_id, const std::string& source) {
  static const auto registry = judge::LanguageRegistry::LoadDefault();
  if (!registry) return tl::unexpected(registry.error());
  const judge::Language* language = registry->Find(language_id);
  if (!language || language->extensions.empty()) {
    return Fail(ErrorCode::kInvalidArgument, "unknown language '" + language_id + "'");
  }
  std::string stem = "main";
  if (language->entry == "java-class") {
    stem = judge::FindJavaMainClass(source);
    if (stem.empty()) stem = "Main";
  }
  return stem + "." + language->extensions.front();
}

// A finished test as it is sent while judging goes on. Replays go only with the final
// report, where the judge caps their total size.
json ProgressTest(const judge::TestResult& test) {
  judge::TestResult sent = test;
  sent.replay.clear();
  return json::parse(judge::TestJson(sent));
}

// A run on the candidate's own input is judged as a one-test package made for it: the same
// limits, the input as its only sample, and an output validator that accepts anything and
// hands the program's output back as the test's feedback (there is no answer to compare).
const char kEchoValidator[] = R"py(import os, sys
output = sys.stdin.buffer.read(60000)
with open(os.path.join(sys.argv[3], "judgemessage.txt"), "wb") as f:
    f.write(output)
sys.exit(42)
)py";

Result<std::string> MakeCustomInputPackage(const std::string& scratch, const JudgeJob& job) {
  judge::ReadOptions options;
  options.with_submissions = false;
  KOODIKOE_TRY(auto original, judge::ReadPackage(job.package_dir, options));
  if (original.koodikoe.kind != "batch" || original.interactive) {
    return Fail(ErrorCode::kUnsupported,
                "this exercise is not a plain input/output one, so it cannot be run on your "
                "own input; run it on the examples instead");
  }
  std::string dir = scratch + "/custom";
  std::string yaml = "name: custom input\nvalidation: custom\nlimits:\n  memory: " +
                     std::to_string(original.limits.memory_mib) +
                     "\n  output: " + std::to_string(original.limits.output_mib) + "\n";
  std::error_code ec;
  for (const char* sub : {"/data/sample", "/data/secret", "/output_validators/echo"}) {
    std::filesystem::create_directories(dir + sub, ec);
    if (ec) return Fail(ErrorCode::kSystem, "creating " + dir + sub + ": " + ec.message());
  }
  double time_limit = original.limits.time_limit.value_or(2.0);
  for (const auto& [path, text] : std::vector<std::pair<std::string, std::string>>{
           {"/problem.yaml", yaml},
           {"/.timelimit", std::to_string(time_limit) + "\n"},
           {"/data/sample/custom.in", *job.input},
           {"/data/sample/custom.ans", ""},
           {"/output_validators/echo/echo.py", kEchoValidator}}) {
    if (auto written = koodikoe::WriteFile(dir + path, text); !written) {
      return tl::unexpected(written.error());
    }
  }
  return dir;
}

// Where the job's program is: its one source file, or a team commit's tree (read-only).
Result<std::string> WriteSource(const std::string& scratch, const JudgeJob& job) {
  if (!job.tree_tar.empty()) {
    std::string tree = scratch + "/tree";
    KOODIKOE_TRY_VOID(UnpackTree(job.tree_tar, tree));
    return tree;
  }
  KOODIKOE_TRY(auto file_name, SourceFileName(job.language, job.source));
  std::string source_path = scratch + "/" + file_name;
  KOODIKOE_TRY_VOID(koodikoe::WriteFile(source_path, job.source));
  return source_path;
}

}  // namespace

JudgeOutcome JudgingError(std::string message) {
  judge::Report report = judge::JudgingErrorReport(std::move(message));
  return {judge::VerdictWord(report.verdict), 0, 0, judge::ReportJson(report)};
}

Result<json> EvaluateReal(const JudgeJob& job, int parallel_tests, const EmitProgress& emit) {
  // One judge for the life of the helper: its sandbox slots and compile cache are reused.
  static std::unique_ptr<judge::PackageJudge> package_judge;
  if (!package_judge) {
    judge::JudgeConfig config;
    config.slots = std::max(2, parallel_tests);
    KOODIKOE_TRY(auto created, judge::PackageJudge::Create(config));
    package_judge = std::move(created);
  }
  KOODIKOE_TRY(auto scratch, ScratchDir::Make());
  KOODIKOE_TRY(auto source_path, WriteSource(scratch.path(), job));
  judge::EvaluateRequest request;
  request.package_dir = job.package_dir;
  if (job.input) {
    KOODIKOE_TRY(auto custom, MakeCustomInputPackage(scratch.path(), job));
    request.package_dir = custom;
  }
  request.source_path = source_path;
  request.language = job.tree_tar.empty() ? job.language : "";
  request.samples_only = job.samples_only;
  // A team's commit: every scenario's verdict, not only up to the first that fails.
  request.run_all_tests = !job.tree_tar.empty();
  request.jobs = parallel_tests;
  auto report = package_judge->Evaluate(request, [&](const judge::Progress& progress) {
    emit(progress.done, progress.total, progress.last ? ProgressTest(*progress.last) : json());
  });
  if (!report) return tl::unexpected(report.error());
  json out = json::parse(judge::ReportJson(*report), nullptr, false);
  if (out.is_discarded()) return Fail(ErrorCode::kInternal, "the judge's report is not JSON");
  if (job.input) {
    // No answer exists: "accepted" only says the program ran within the limits; what counts
    // is what it printed.
    const json& tests = out["tests"];
    out["output"] = tests.empty() ? "" : tests[0].value("output", tests[0].value("feedback", ""));
  }
  return out;
}

}  // namespace web
