// Interactive tests judged through the real sandbox while both cores are busy: every one of
// 50 runs of the same pair gets the same verdict. The order of the two programs' ends decides
// between the validator's rejection and the submission's crash or timeout, and once flipped
// under load (issue 13); what each side writes after the other ended once decided too
// (issue 15). The programs are tests/packages/interactive_pipes'.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "judge/package_judge.h"
#include "koodikoe/files.h"

namespace judge {
namespace {

constexpr int kRuns = 50;
const std::string kPipes = std::string(KOODIKOE_TEST_PACKAGES) + "/interactive_pipes";

// Busy loops on every core for as long as the object lives.
class BusyCores {
 public:
  BusyCores() {
    unsigned cores = std::max(2u, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < cores; ++i) {
      pid_t pid = ::fork();
      if (pid == 0) {
        for (;;) asm volatile("" ::: "memory");
      }
      if (pid > 0) pids_.push_back(pid);
    }
  }
  ~BusyCores() {
    for (pid_t pid : pids_) ::kill(pid, SIGKILL);
    for (pid_t pid : pids_) ::waitpid(pid, nullptr, 0);
  }
  size_t count() const { return pids_.size(); }

 private:
  std::vector<pid_t> pids_;
};

void Write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

// interactive_pipes with kRuns secret tests alternating its two modes, and a time limit.
class LoadPackage {
 public:
  explicit LoadPackage(double time_limit) {
    char pattern[] = "/tmp/koodikoe-interactive-load-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    ::chmod(dir_.c_str(), 0755);  // the validator's box reads it as another user
    Write(dir_ + "/problem.yaml",
          "problem_format_version: 2025-09\ntype: interactive\nname: Double it\n"
          "uuid: 4f2d8c1a-6b3e-4a9d-9c7f-2e1b0a3d5c6f\nlimits:\n  time_limit: " +
              std::to_string(time_limit) + "\n");
    std::filesystem::create_directories(dir_ + "/output_validator");
    std::filesystem::copy_file(kPipes + "/output_validator/validator.c",
                               dir_ + "/output_validator/validator.c");
    for (int i = 0; i < kRuns; ++i) {
      char name[32];
      std::snprintf(name, sizeof name, "%02d", i);
      std::string stem = dir_ + "/data/secret/" + name;
      Write(stem + ".in", std::to_string(i + 1) + (i % 2 ? " linger\n" : " leave\n"));
      Write(stem + ".ans", "");
    }
  }
  ~LoadPackage() { (void)koodikoe::RemoveTree(dir_); }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

class InteractiveUnderLoad : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    JudgeConfig config;
    config.slots = 16;  // 8 pairs at once: the wall-clock kills wait side by side
    auto created = PackageJudge::Create(config);
    ASSERT_TRUE(created) << created.error().Describe();
    judge_ = std::move(*created);
  }
  static void TearDownTestSuite() { judge_.reset(); }

  // Judges `submission` on every test of `package` with the cores busy; every test must get
  // `expected`.
  void ExpectEveryRun(const LoadPackage& package, const std::string& submission, Verdict expected) {
    BusyCores busy;
    ASSERT_GE(busy.count(), 2u);
    EvaluateRequest request;
    request.package_dir = package.dir();
    request.source_path = kPipes + "/submissions/" + submission;
    request.run_all_tests = true;
    request.jobs = 16;
    auto report = judge_->Evaluate(request, nullptr);
    ASSERT_TRUE(report) << report.error().Describe();
    ASSERT_EQ(report->tests.size(), static_cast<size_t>(kRuns)) << report->message;
    int flipped = 0;
    for (const TestResult& test : report->tests) {
      if (test.verdict == expected) continue;
      ++flipped;
      ADD_FAILURE() << submission << " " << test.name << ": " << VerdictWord(test.verdict) << " ("
                    << test.feedback << "), expected " << VerdictWord(expected);
    }
    EXPECT_EQ(flipped, 0);
  }

  static std::unique_ptr<PackageJudge> judge_;
};

std::unique_ptr<PackageJudge> InteractiveUnderLoad::judge_;

TEST_F(InteractiveUnderLoad, ACrashBeforeAnsweringIsARunTimeError) {
  LoadPackage package(2);
  ExpectEveryRun(package, "run_time_error/segfault.c", Verdict::kRunTimeError);
}

TEST_F(InteractiveUnderLoad, APythonExceptionIsARunTimeError) {
  LoadPackage package(2);
  ExpectEveryRun(package, "run_time_error/exception.py", Verdict::kRunTimeError);
}

TEST_F(InteractiveUnderLoad, AWallClockKillIsATimeLimit) {
  LoadPackage package(0.5);  // the wall-clock limit is what is tested: 2 s
  ExpectEveryRun(package, "time_limit_exceeded/sleeps.c", Verdict::kTimeLimit);
}

TEST_F(InteractiveUnderLoad, WritingAfterTheOtherSideEndedIsAccepted) {
  LoadPackage package(2);
  ExpectEveryRun(package, "accepted/echo.c", Verdict::kAccepted);
}

TEST_F(InteractiveUnderLoad, ARejectionBeforeTheSubmissionCrashesIsAWrongAnswer) {
  LoadPackage package(2);
  ExpectEveryRun(package, "wrong_answer/gives_up.py", Verdict::kWrongAnswer);
  ExpectEveryRun(package, "wrong_answer/off_by_one.c", Verdict::kWrongAnswer);
}

}  // namespace
}  // namespace judge
