// `koodikoe judge-helper`: the single-threaded process that judges for the server. It may
// fork sandboxes (it has one thread); the server talks to it over its stdin and stdout.
#include <signal.h>
#include <sodium.h>
#include <sys/prctl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

#include "koodikoe/files.h"
#include "queue/evaluator.h"

namespace web {
namespace {

using nlohmann::json;

// The protocol goes to a private copy of the original stdout; fd 1 itself is pointed at
// stderr so that nothing else printed in this process can corrupt a reply.
class ReplyChannel {
 public:
  ReplyChannel() : fd_(::dup(1)) { ::dup2(2, 1); }
  void Send(const json& line) {
    std::string text = line.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
    if (!koodikoe::WriteAll(fd_, text.data(), text.size())) std::exit(1);  // server gone
  }

 private:
  int fd_;
};

Result<JudgeJob> DecodeJob(const json& request) {
  if (!request.is_object() || !request.contains("source") || !request["source"].is_string()) {
    return koodikoe::Fail(koodikoe::ErrorCode::kInvalidArgument, "a job needs a source");
  }
  JudgeJob job;
  job.id = request.value("id", int64_t{0});
  job.package_dir = request.value("package_dir", "");
  job.source = request["source"].get<std::string>();
  job.language = request.value("language", "");
  job.samples_only = request.value("samples_only", false);
  if (request.contains("input") && request["input"].is_string()) {
    job.input = request["input"].get<std::string>();
  }
  if (request.contains("tree_tar") && request["tree_tar"].is_string()) {
    const std::string& encoded = request["tree_tar"].get_ref<const std::string&>();
    job.tree_tar.resize(encoded.size());
    size_t length = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(job.tree_tar.data()),
                          job.tree_tar.size(), encoded.data(), encoded.size(), nullptr, &length,
                          nullptr, sodium_base64_VARIANT_ORIGINAL) != 0) {
      return koodikoe::Fail(koodikoe::ErrorCode::kInvalidArgument, "a job's tree is not base64");
    }
    job.tree_tar.resize(length);
  }
  return job;
}

}  // namespace

Result<nlohmann::json> EvaluateFake(const JudgeJob& job, const EmitProgress& emit) {
  if (job.source.find("CRASH_HELPER") != std::string::npos) std::abort();
  int sleep_ms = 0;
  if (auto at = job.source.find("SLEEP_MS="); at != std::string::npos) {
    sleep_ms = std::atoi(job.source.c_str() + at + 9);
  }
  json report = {{"verdict", "accepted"},
                 {"score", 0},
                 {"max_score", 0},
                 {"compile", {{"status", "ok"}, {"output", ""}}},
                 {"tests", json::array()}};
  if (job.source.find("COMPILE_ERROR") != std::string::npos) {
    report["verdict"] = "compile_error";
    report["compile"] = {{"status", "compile_error"},
                         {"output", "main.cc:1:1: error: expected declaration"}};
    return report;
  }
  std::vector<std::string> names = {"sample/1"};
  if (job.input) {
    names = {"custom"};
  } else if (!job.samples_only) {
    names = {"sample/1", "secret/1", "secret/2"};
  }
  bool wrong = job.source.find("WRONG") != std::string::npos;
  int total = static_cast<int>(names.size());
  emit(0, total, json());
  double score = 0;
  for (int i = 0; i < total; ++i) {
    if (sleep_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(sleep_ms));
    bool fails = wrong && i == std::min(1, total - 1) && !job.input;
    std::string group = names[i].substr(0, names[i].find('/'));
    json test = {{"name", names[i]},
                 {"group", group},
                 {"verdict", fails ? "wrong_answer" : "accepted"},
                 {"score", fails ? 0 : 1},
                 {"cpu_ms", 1},
                 {"wall_ms", 2},
                 {"memory_kib", 1024},
                 {"feedback", fails ? "line 1: expected 3, got 4" : ""}};
    if (job.input) test["feedback"] = *job.input;
    score += fails ? 0 : 1;
    report["tests"].push_back(test);
    emit(i + 1, total, test);
  }
  report["score"] = score;
  report["max_score"] = total;
  if (wrong) report["verdict"] = "wrong_answer";
  if (job.input) report["output"] = *job.input;
  return report;
}

int JudgeHelperCommand(int argc, char** argv) {
  bool fake = false;
  int parallel_tests = 1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--fake") == 0) {
      fake = true;
    } else if (std::strcmp(argv[i], "--jobs") == 0 && i + 1 < argc) {
      parallel_tests = std::max(1, std::atoi(argv[++i]));
    } else {
      std::cerr << "usage: koodikoe judge-helper [--fake] [--jobs N]\n"
                   "  (internal: started by `koodikoe serve`, speaks JSON lines)\n";
      return 2;
    }
  }
  // Dies with the server, even on kill -9, so no helper outlives it.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  ::signal(SIGPIPE, SIG_IGN);
  ReplyChannel replies;
  replies.Send({{"type", "ready"}, {"fake", fake}});
  std::string line;
  while (std::getline(std::cin, line)) {
    json request = json::parse(line, nullptr, false);
    Result<JudgeJob> job =
        request.is_discarded()
            ? Result<JudgeJob>(
                  koodikoe::Fail(koodikoe::ErrorCode::kInvalidArgument, "a job line is not JSON"))
            : DecodeJob(request);
    if (!job) {
      replies.Send({{"type", "error"}, {"message", job.error().Describe()}});
      continue;
    }
    auto emit = [&](int done, int total, const json& test) {
      json progress = {{"type", "progress"}, {"id", job->id}, {"done", done}, {"total", total}};
      if (!test.is_null()) progress["test"] = test;
      replies.Send(progress);
    };
    auto report = fake ? EvaluateFake(*job, emit) : EvaluateReal(*job, parallel_tests, emit);
    if (!report) {
      std::cerr << "judge-helper: job=" << job->id << " error=\"" << report.error().Describe()
                << "\"\n";
      replies.Send({{"type", "error"}, {"id", job->id}, {"message", report.error().Describe()}});
    } else {
      replies.Send({{"type", "report"}, {"id", job->id}, {"report", *report}});
    }
  }
  return 0;
}

}  // namespace web
