// The judging queue: worker threads, each owning one judge client (a helper process), take
// queued submissions from storage (the queue *is* the database, so nothing queued is lost
// when the server dies), judge them, publish progress and record the verdict once.
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "base/metrics.h"
#include "base/thread_annotations.h"
#include "catalogue/catalog.h"
#include "queue/events.h"
#include "queue/judge_client.h"
#include "storage/storage.h"

namespace web {

class JudgeQueue {
 public:
  using ClientFactory = std::function<Result<std::unique_ptr<JudgeClient>>()>;

  // After this many helper failures on one job it is finished as judging_error, so one
  // poisonous submission cannot keep killing helpers.
  static constexpr int kMaxAttempts = 3;

  JudgeQueue(Storage& storage, const Catalog& catalog, EventHub& events, Metrics& metrics,
             ClientFactory factory, int workers);
  ~JudgeQueue();
  JudgeQueue(const JudgeQueue&) = delete;
  JudgeQueue& operator=(const JudgeQueue&) = delete;

  // Where a job's package comes from, instead of the catalog: a remote worker fetches the
  // submission's exercise version by content hash. An error of kNotFound or
  // kInvalidArgument finishes the job as judging_error (the version cannot be had); any other
  // error puts it back in the queue (e.g. the server is restarting). Set before Start().
  using PackageSource = std::function<Result<std::string>(const Submission&)>;
  void SetPackageSource(PackageSource source) { package_source_ = std::move(source); }
  // Where a team judging's tree comes from (a tar of the commit, see JudgeJob::tree_tar): the
  // team's repository on the server, fetched over HTTP by a remote worker. Errors as for
  // PackageSource. Without it a team's judging ends as judging_error. Set before Start().
  using TreeSource = std::function<Result<std::string>(const Submission&)>;
  void SetTreeSource(TreeSource source) { tree_source_ = std::move(source); }
  // Also publishes progress and "done" through Storage::PublishEvent, for the event streams
  // of a server in another process. Set before Start().
  void RelayEvents() { relay_events_ = true; }

  void Start();
  // Stops taking jobs and waits for the workers; jobs being judged stay "judging" and are
  // queued again at the next start.
  void Stop();
  // Something was queued.
  void Wake();

  int workers() const { return worker_count_; }
  // How many workers have a live helper right now.
  int live_helpers() const { return live_helpers_.load(); }

 private:
  void WorkerLoop(int index);
  // Renews the leases of the jobs being judged (Storage::RenewLease) every kLeaseSeconds / 3,
  // so that only the jobs of a dead process are taken again.
  void HeartbeatLoop();
  // Wakes an idle worker as soon as another process queues a job (Storage::WaitForQueued).
  void ListenLoop();
  // Judges one claimed job; false if the client failed and must be replaced.
  bool Process(JudgeClient& client, const Submission& submission);
  // Finishes (kNotFound, kInvalidArgument) or requeues (anything else) a job whose package or
  // tree could not be had.
  void Unavailable(const Submission& submission, const std::string& what, const Error& error);
  void Finish(const Submission& submission, const JudgeOutcome& outcome, double seconds);
  // Sleeps until woken, stopped or `timeout`.
  void Idle(std::chrono::milliseconds timeout);

  Storage& storage_;
  const Catalog& catalog_;
  EventHub& events_;
  Metrics& metrics_;
  const ClientFactory factory_;
  const int worker_count_;
  PackageSource package_source_;
  TreeSource tree_source_;
  bool relay_events_ = false;

  // Threading rule: the fields above are set before Start() and only read after it.
  // wake_generation_, stopping_ and judging_ are read and written only with mutex_ held
  // (workers, the heartbeat and the listener thread share them; GUARDED_BY says so to
  // clang's -Wthread-safety); live_helpers_ is atomic; threads_ belongs to the thread calling
  // Start() and Stop(). No storage call is made with mutex_ held, except that the
  // heartbeat copies judging_ under it and renews leases after letting it go, so a slow
  // database never blocks Wake() or a worker taking its next job.
  std::mutex mutex_;
  std::condition_variable wake_;
  std::condition_variable heartbeat_stop_;
  uint64_t wake_generation_ GUARDED_BY(mutex_) = 0;
  bool stopping_ GUARDED_BY(mutex_) = false;
  std::atomic<int> live_helpers_{0};
  // id -> attempt, of the jobs this queue is judging
  std::map<int64_t, int> judging_ GUARDED_BY(mutex_);
  std::vector<std::thread> threads_;
};

}  // namespace web
