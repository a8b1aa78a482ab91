// `koodikoe worker`: a judge on another machine. It takes jobs from the shared database's
// queue (leases, heartbeats, LISTEN/NOTIFY: see Storage), fetches each exercise version by its
// content hash from the server and judges in its own judge-helper processes.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "authoring/packages.h"
#include "base/log.h"
#include "base/metrics.h"
#include "catalogue/catalog.h"
#include "http/server.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "projects/team_repos.h"
#include "queue/events.h"
#include "queue/judge_client.h"
#include "queue/judge_queue.h"
#include "storage/storage.h"

namespace web {

namespace {

constexpr const char* kWorkerUsage = R"(usage: koodikoe worker --db postgresql://... [options]
  --db URL            the server's database: postgresql://USER:PASSWORD@HOST:PORT/DB
                      (sqlite:PATH works too, for a worker on the server's own machine)
  --server URL        the koodikoe server exercise packages are fetched from, by content
                      hash (e.g. http://koodikoe:8080); needs the worker token
  --jobs N            submissions judged at once (default: --cores)
  --cores N           cores this worker may use, shared by its jobs' tests (default: the
                      machine's; set it to the container's CPU limit)
  --cache DIR         fetched packages, by content hash (default: koodikoe-worker-cache)
  --token-file FILE   the worker token (else the KOODIKOE_WORKER_TOKEN environment
                      variable); the same as the server's
  --job-timeout SEC   replace a judge helper silent this long on one job (default 600)
  --fake-judge        testing only: scripted verdicts, as koodikoe serve --fake-judge
Stops on SIGTERM or SIGINT after the jobs in hand; a worker that dies instead loses its
jobs to other workers when their leases end.
)";

struct WorkerOptions {
  std::string db;
  std::string server;
  int jobs = 0;   // 0 = cores
  int cores = 0;  // 0 = the machine's
  std::string cache_dir = "koodikoe-worker-cache";
  std::string token;
  int job_timeout_seconds = 600;
  bool fake_judge = false;
};

Result<WorkerOptions> ParseWorkerArgs(int argc, char** argv) {
  WorkerOptions options;
  std::string token_file;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--fake-judge") {
      options.fake_judge = true;
      continue;
    }
    if (i + 1 >= argc) {
      return koodikoe::Fail(ErrorCode::kInvalidArgument, arg.rfind("--", 0) == 0
                                                             ? arg + " needs a value"
                                                             : "unknown option '" + arg + "'");
    }
    const char* value = argv[++i];
    if (arg == "--db") {
      options.db = value;
    } else if (arg == "--server") {
      options.server = value;
      while (!options.server.empty() && options.server.back() == '/') options.server.pop_back();
    } else if (arg == "--cache") {
      options.cache_dir = value;
    } else if (arg == "--token-file") {
      token_file = value;
    } else if (arg == "--jobs" || arg == "--cores" || arg == "--job-timeout") {
      KOODIKOE_TRY(auto number, arg == "--job-timeout" ? koodikoe::ParseCount(arg, value, 1, 86400)
                                                       : koodikoe::ParseCount(arg, value, 1, 256));
      (arg == "--jobs"    ? options.jobs
       : arg == "--cores" ? options.cores
                          : options.job_timeout_seconds) = number;
    } else {
      return koodikoe::Fail(ErrorCode::kInvalidArgument, "unknown option '" + arg + "'");
    }
  }
  if (options.db.empty()) {
    return koodikoe::Fail(ErrorCode::kInvalidArgument, "--db is needed: the server's database");
  }
  if (!token_file.empty()) {
    std::ifstream in(token_file);
    if (!in || !std::getline(in, options.token)) {
      return koodikoe::Fail(ErrorCode::kInvalidArgument, "cannot read --token-file " + token_file);
    }
  } else if (const char* env = std::getenv("KOODIKOE_WORKER_TOKEN")) {
    options.token = env;
  }
  if (!options.server.empty() && options.token.empty()) {
    return koodikoe::Fail(ErrorCode::kInvalidArgument,
                          "--server needs the worker token: set KOODIKOE_WORKER_TOKEN or "
                          "--token-file (the same token the server has)");
  }
  if (options.cores == 0) {
    options.cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  if (options.jobs == 0) options.jobs = options.cores;
  std::error_code ec;
  options.cache_dir = std::filesystem::absolute(options.cache_dir, ec).lexically_normal().string();
  return options;
}

// GET /api/v1/teams/ID/trees/COMMIT with the worker token: the commit's tree as a tar.
Result<std::string> FetchTeamTree(const std::string& server, const std::string& token,
                                  int64_t team_id, const std::string& commit) {
  httplib::Client client(server);
  client.set_connection_timeout(10, 0);
  client.set_read_timeout(120, 0);
  std::string path = "/api/v1/teams/" + std::to_string(team_id) + "/trees/" + commit;
  auto reply = client.Get(path, {{"Authorization", "Bearer " + token}});
  if (!reply) {
    return koodikoe::Fail(ErrorCode::kSystem, "fetching " + path + " from " + server + ": " +
                                                  httplib::to_string(reply.error()));
  }
  if (reply->status == 404 || reply->status == 400) {
    return koodikoe::Fail(ErrorCode::kNotFound, "the server " + server + " cannot give commit " +
                                                    commit + ": " + reply->body.substr(0, 300));
  }
  if (reply->status != 200) {
    return koodikoe::Fail(ErrorCode::kSystem, "fetching " + path + " from " + server + ": HTTP " +
                                                  std::to_string(reply->status));
  }
  if (reply->body.size() > kMaxTreeBytes) {
    return koodikoe::Fail(
        ErrorCode::kInvalidArgument,
        "the tree of commit " + commit + " is over " + std::to_string(kMaxTreeBytes) + " bytes");
  }
  return reply->body;
}

std::string SelfPath() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("/proc/self/exe") : path.string();
}

// Stop signals are taken by the main thread only (sigwait); the set it waits for.
sigset_t BlockStopSignals() {
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
  return stop_signals;
}

}  // namespace

int WorkerCommand(int argc, char** argv) {
  if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    std::cout << kWorkerUsage;
    return 0;
  }
  auto parsed = ParseWorkerArgs(argc, argv);
  if (!parsed) {
    std::cerr << "koodikoe worker: " << parsed.error().context << "\n\n" << kWorkerUsage;
    return 2;
  }
  const WorkerOptions options = *parsed;
  if (!options.fake_judge && !HaveRealJudge()) {
    std::cerr << "koodikoe worker: this build has no judge module; only --fake-judge works\n";
    return 1;
  }
  const sigset_t stop_signals = BlockStopSignals();

  auto storage = OpenStorage(options.db);
  if (!storage) {
    std::cerr << "koodikoe worker: " << storage.error().Describe() << "\n";
    return 1;
  }
  Catalog catalog;
  if (options.fake_judge) AddFakeExercises(catalog);
  std::unique_ptr<PackageCache> cache;
  if (!options.server.empty()) {
    cache = std::make_unique<PackageCache>(options.cache_dir,
                                           HttpPackageFetcher(options.server, options.token));
  }

  std::vector<std::string> helper_argv = {SelfPath(), "judge-helper"};
  if (options.fake_judge) helper_argv.push_back("--fake");
  helper_argv.push_back("--jobs");
  // Each job's helper runs its tests on its share of the cores.
  helper_argv.push_back(std::to_string(std::max(1, options.cores / options.jobs)));
  EventHub events;  // unread here: progress goes to the server through the database
  Metrics metrics;
  JudgeQueue queue(
      **storage, catalog, events, metrics,
      [helper_argv,
       timeout = options.job_timeout_seconds]() -> Result<std::unique_ptr<JudgeClient>> {
        KOODIKOE_TRY(auto helper, HelperProcess::Start(helper_argv, timeout));
        return std::unique_ptr<JudgeClient>(std::move(helper));
      },
      options.jobs);
  PackageCache* packages = cache.get();
  queue.SetPackageSource([packages, &catalog](const Submission& s) -> Result<std::string> {
    if (packages && IsContentHash(s.exercise_version)) return packages->Get(s.exercise_version);
    // The built-in exercises of --fake-judge have no package to fetch.
    if (catalog.Find(s.exercise)) return catalog.PackageDirFor(s.exercise, s.exercise_version);
    return koodikoe::Fail(
        ErrorCode::kNotFound,
        packages ? "the submission names no exercise version this worker "
                   "can fetch ('" +
                       s.exercise_version + "')"
                 : "this worker has no --server to fetch exercise '" + s.exercise + "' from");
  });
  // A team's commit: its tree from the server that hosts the team's repository.
  queue.SetTreeSource([&options](const Submission& s) -> Result<std::string> {
    if (options.server.empty()) {
      return koodikoe::Fail(ErrorCode::kInvalidArgument,
                            "this worker has no --server to fetch the team's commit from");
    }
    return FetchTeamTree(options.server, options.token, s.team_id, s.commit_sha);
  });
  queue.RelayEvents();
  queue.Start();
  std::cout << "koodikoe worker: judging " << options.jobs << " at a time"
            << (options.server.empty() ? "" : ", packages from " + options.server) << "\n"
            << std::flush;
  int signal = 0;
  sigwait(&stop_signals, &signal);
  LogInfo("worker stopping on signal " + std::to_string(signal) + " after the jobs in hand");
  queue.Stop();
  return 0;
}

}  // namespace web
