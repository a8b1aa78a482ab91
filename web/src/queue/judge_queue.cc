#include "queue/judge_queue.h"

#include <nlohmann/json.hpp>

#include "base/log.h"
#include "base/time_util.h"

namespace web {

using nlohmann::json;

JudgeQueue::JudgeQueue(Storage& storage, const Catalog& catalog, EventHub& events, Metrics& metrics,
                       ClientFactory factory, int workers)
    : storage_(storage),
      catalog_(catalog),
      events_(events),
      metrics_(metrics),
      factory_(std::move(factory)),
      worker_count_(workers) {}

JudgeQueue::~JudgeQueue() { Stop(); }

void JudgeQueue::Start() {
  for (int i = 0; i < worker_count_; ++i) threads_.emplace_back([this, i] { WorkerLoop(i); });
  threads_.emplace_back([this] { HeartbeatLoop(); });
  if (storage_.NotifiesQueued()) threads_.emplace_back([this] { ListenLoop(); });
}

void JudgeQueue::ListenLoop() {
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) return;
    }
    auto queued = storage_.WaitForQueued(500);
    if (!queued) {
      LogError("waiting for queued jobs: " + queued.error().Describe());
      Idle(std::chrono::seconds(2));
    } else if (*queued) {
      Wake();
    }
  }
}

void JudgeQueue::HeartbeatLoop() {
  const auto period = std::chrono::seconds(kLeaseSeconds) / 3;
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    heartbeat_stop_.wait_for(lock, period, [&] { return stopping_; });
    if (stopping_) break;
    std::map<int64_t, int> jobs = judging_;
    lock.unlock();
    for (const auto& [id, attempt] : jobs) {
      auto renewed = storage_.RenewLease(id, attempt, UnixNow());
      if (!renewed) {
        LogError("submission=" + std::to_string(id) + " " + renewed.error().Describe());
      } else if (!*renewed) {
        // Finished meanwhile, or the lease ended (a stall longer than the lease) and another
        // worker took it: whoever records first gives the verdict.
        LogWarning("submission=" + std::to_string(id) + " attempt=" + std::to_string(attempt) +
                   " lease not renewed");
      }
    }
    lock.lock();
  }
}

void JudgeQueue::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  heartbeat_stop_.notify_all();
  for (auto& thread : threads_) thread.join();
  threads_.clear();
}

void JudgeQueue::Wake() {
  {
    std::lock_guard lock(mutex_);
    ++wake_generation_;
  }
  wake_.notify_one();
}

void JudgeQueue::Idle(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  uint64_t seen = wake_generation_;
  wake_.wait_for(lock, timeout, [&] { return stopping_ || wake_generation_ != seen; });
}

void JudgeQueue::WorkerLoop(int index) {
  std::unique_ptr<JudgeClient> client;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
    if (!client) {
      auto started = factory_();
      if (!started) {
        LogError("worker=" + std::to_string(index) +
                 " cannot start a judge helper: " + started.error().Describe());
        Idle(std::chrono::seconds(2));
        continue;
      }
      client = std::move(*started);
      ++live_helpers_;
    }
    auto job = storage_.ClaimNextQueued(UnixNow());
    if (!job) {
      LogError("worker=" + std::to_string(index) + " " + job.error().Describe());
      Idle(std::chrono::seconds(1));
      continue;
    }
    if (!*job) {
      // Polling as well as waking: another server sharing the database may queue jobs.
      Idle(std::chrono::seconds(1));
      continue;
    }
    {
      std::lock_guard lock(mutex_);
      judging_[(*job)->id] = (*job)->attempts;
    }
    bool client_ok = Process(*client, **job);
    {
      std::lock_guard lock(mutex_);
      judging_.erase((*job)->id);
    }
    if (!client_ok) {
      client.reset();
      --live_helpers_;
      metrics_.RecordHelperRestart();
    }
  }
  if (client) --live_helpers_;
}

bool JudgeQueue::Process(JudgeClient& client, const Submission& submission) {
  auto started = std::chrono::steady_clock::now();
  std::string package_dir;
  if (package_source_) {
    auto found = package_source_(submission);
    if (!found) {
      Unavailable(submission, "package", found.error());
      return true;
    }
    package_dir = *found;
  }
  std::string tree_tar;
  if (submission.team_id != 0) {
    Result<std::string> tree =
        koodikoe::Fail(ErrorCode::kInvalidArgument, "this judge cannot take a team's commit");
    if (tree_source_) tree = tree_source_(submission);
    if (!tree) {
      Unavailable(submission, "tree of commit " + submission.commit_sha, tree.error());
      return true;
    }
    tree_tar = std::move(*tree);
  }
  auto exercise = catalog_.Find(submission.exercise);
  if (!exercise && package_dir.empty()) {
    Finish(submission,
           JudgingError("the exercise '" + submission.exercise + "' is no longer on this server"),
           0);
    return true;
  }
  JudgeJob job;
  job.id = submission.id;
  // The version the submission was made on (or rejudged on), while the server has it.
  job.package_dir = !package_dir.empty()
                        ? package_dir
                        : catalog_.PackageDirFor(submission.exercise, submission.exercise_version);
  job.source = submission.source;
  job.language = submission.language;
  job.samples_only = submission.kind == "run";
  job.input = submission.input;
  job.tree_tar = std::move(tree_tar);
  auto outcome = client.Judge(job, [&](const JudgeProgress& step) {
    json data = {{"done", step.done}, {"total", step.total}};
    data["test"] = step.test_json.empty() ? json(nullptr) : json::parse(step.test_json);
    std::string text = data.dump();
    if (relay_events_) (void)storage_.PublishEvent(submission.id, text);
    events_.Publish(submission.id, std::move(text));
  });
  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (outcome) {
    Finish(submission, *outcome, seconds);
    return true;
  }
  LogError("submission=" + std::to_string(submission.id) +
           " attempt=" + std::to_string(submission.attempts) +
           " judge helper failed: " + outcome.error().Describe());
  if (submission.attempts >= kMaxAttempts) {
    Finish(submission,
           JudgingError("the judge failed " + std::to_string(submission.attempts) +
                        " times on this submission"),
           seconds);
  } else if (auto requeued = storage_.RequeueSubmission(submission.id); !requeued) {
    LogError("submission=" + std::to_string(submission.id) + " " + requeued.error().Describe());
  } else {
    Wake();
  }
  return false;
}

void JudgeQueue::Unavailable(const Submission& submission, const std::string& what,
                             const Error& error) {
  if (error.code == ErrorCode::kNotFound || error.code == ErrorCode::kInvalidArgument) {
    Finish(submission, JudgingError(error.Describe()), 0);
    return;
  }
  LogError("submission=" + std::to_string(submission.id) + " " + what +
           " not available yet: " + error.Describe());
  if (auto requeued = storage_.RequeueSubmission(submission.id); !requeued) {
    LogError("submission=" + std::to_string(submission.id) + " " + requeued.error().Describe());
  }
  Idle(std::chrono::seconds(2));
}

void JudgeQueue::Finish(const Submission& submission, const JudgeOutcome& outcome, double seconds) {
  auto recorded = storage_.FinishSubmission(submission.id, outcome.verdict, outcome.score,
                                            outcome.max_score, outcome.report_json, UnixNow());
  if (!recorded) {
    // The job stays "judging" and is queued again at the next start.
    LogError("submission=" + std::to_string(submission.id) + " " + recorded.error().Describe());
    return;
  }
  if (*recorded) {
    metrics_.RecordJudged(outcome.verdict, seconds);
    LogInfo("submission=" + std::to_string(submission.id) + " kind=" + submission.kind +
            " verdict=" + outcome.verdict + " seconds=" + std::to_string(seconds));
  }
  if (relay_events_) (void)storage_.PublishEvent(submission.id, "");
  events_.Finish(submission.id);
}

}  // namespace web
