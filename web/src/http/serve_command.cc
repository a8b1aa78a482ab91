// `koodikoe serve`: storage, exercises, the judging queue and the HTTP server, put together.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "base/log.h"
#include "base/time_util.h"
#include "evidence/credentials.h"
#include "http/api.h"
#include "http/connection_gate.h"
#include "http/request_guard.h"
#include "http/static_files.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"
#include "projects/team_repos.h"

namespace web {

namespace {

constexpr const char* kServeUsage = R"(usage: koodikoe serve [options]
  --port N            HTTP port (default 8080)
  --bind ADDRESS      address to listen on (default 0.0.0.0)
  --db URL            sqlite:PATH (default sqlite:koodikoe.db) or postgresql://...
  --exercises DIR     a package, a directory of packages or of tracks (repeatable)
  --workers N         judge helper processes (default: the number of cores); 0 judges
                      nothing here: `koodikoe worker`s on other machines do (PostgreSQL)
  --worker-token-file FILE
                      the token remote workers fetch exercise packages with (else the
                      KOODIKOE_WORKER_TOKEN environment variable; unset: no remote workers)
  --demo              demo accounts, the bundled exercises and a demo workshop
  --data DIR          imported packages (default: koodikoe-data next to the database)
  --ui DIR            the built browser UI (default: web/ui/dist of the source tree)
  --secure-cookies    mark cookies Secure (automatic behind a proxy sending
                      X-Forwarded-Proto: https)
  --job-timeout SEC   replace a judge helper silent this long on one job (default 600)
  --queued-per-account N
                      submissions and runs one account may have waiting for their
                      verdicts; more get 429 too_many_queued (default 10; 0 = no cap)
  --fake-judge        testing the web layer only: scripted verdicts, built-in exercises
)";

struct DemoAccount {
  const char* username;
  const char* password;
  Role role;
  const char* nickname;
};

constexpr DemoAccount kDemoAccounts[] = {
    {"mikko", "mikko-demo", Role::kTrainer, "Mikko"},
    {"aino", "aino-demo", Role::kCandidate, "Aino"},
    {"yusuf", "yusuf-demo", Role::kCandidate, "Yusuf"},
    {"sari", "sari-demo", Role::kCompany, "Sari"},
    {"admin", "admin-demo", Role::kAdmin, "Admin"},
};
constexpr const char* kDemoWorkshopTitle = "Maanantain työpaja";
constexpr const char* kDemoJoinCode = "DEMO42";

Result<ServerOptions> ParseServeArgs(int argc, char** argv) {
  ServerOptions options;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto value = [&]() -> Result<const char*> {
      if (i + 1 >= argc) {
        return koodikoe::Fail(ErrorCode::kInvalidArgument, arg + " needs a value");
      }
      return argv[++i];
    };
    if (arg == "--demo") {
      options.demo = true;
    } else if (arg == "--fake-judge") {
      options.fake_judge = true;
    } else if (arg == "--secure-cookies") {
      options.secure_cookies = true;
    } else if (arg == "--port" || arg == "--workers" || arg == "--job-timeout") {
      KOODIKOE_TRY(const char* text, value());
      KOODIKOE_TRY(auto number, arg == "--port"      ? koodikoe::ParseCount(arg, text, 0, 65535)
                                : arg == "--workers" ? koodikoe::ParseCount(arg, text, 0, 256)
                                                     : koodikoe::ParseCount(arg, text, 1, 86400));
      (arg == "--port"      ? options.port
       : arg == "--workers" ? options.workers
                            : options.job_timeout_seconds) = number;
    } else if (arg == "--queued-per-account") {
      KOODIKOE_TRY(const char* text, value());
      KOODIKOE_TRY(auto number, koodikoe::ParseCount(arg, text, 0, 1000000));
      options.queued_per_account = number;
    } else if (arg == "--worker-token-file") {
      KOODIKOE_TRY(const char* text, value());
      std::ifstream in(text);
      if (!in || !std::getline(in, options.worker_token)) {
        return koodikoe::Fail(ErrorCode::kInvalidArgument,
                              std::string("cannot read --worker-token-file ") + text);
      }
    } else if (arg == "--db" || arg == "--exercises" || arg == "--ui" || arg == "--bind" ||
               arg == "--data") {
      KOODIKOE_TRY(const char* text, value());
      if (arg == "--db") options.db = text;
      if (arg == "--exercises") options.exercise_dirs.push_back(text);
      if (arg == "--ui") options.ui_dir = text;
      if (arg == "--bind") options.bind_address = text;
      if (arg == "--data") options.data_dir = text;
    } else {
      return koodikoe::Fail(ErrorCode::kInvalidArgument, "unknown option '" + arg + "'");
    }
  }
  if (options.data_dir.empty()) {
    // Next to an SQLite file by default, so one directory holds a whole installation.
    std::string db_path = options.db.rfind("sqlite:", 0) == 0 ? options.db.substr(7) : "";
    std::filesystem::path base =
        db_path.empty() ? std::filesystem::path(".") : std::filesystem::path(db_path).parent_path();
    options.data_dir = (base.empty() ? std::filesystem::path(".") : base) / "koodikoe-data";
  }
  std::error_code ec;
  options.data_dir = std::filesystem::absolute(options.data_dir, ec).lexically_normal().string();
  if (options.workers < 0) {
    options.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  if (options.worker_token.empty()) {
    if (const char* token = std::getenv("KOODIKOE_WORKER_TOKEN")) options.worker_token = token;
  }
  if (!options.worker_token.empty() && options.worker_token.size() < 16) {
    return koodikoe::Fail(ErrorCode::kInvalidArgument,
                          "the worker token is too short: use at least 16 random characters");
  }
  return options;
}

std::string SelfExecutable() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("/proc/self/exe") : path.string();
}

// The bundled exercise sets of the source tree: what --demo serves. The test packages of
// tests/packages are not for learners; a test that needs one passes it with --exercises.
const std::string kBundledExercises = std::string(KOODIKOE_SOURCE_DIR) + "/exercises";

std::vector<std::string> DemoExerciseDirs() {
  std::error_code ec;
  if (!std::filesystem::is_directory(kBundledExercises, ec)) return {};
  return {kBundledExercises};
}

bool IsBundled(const Exercise& exercise) {
  return exercise.package_dir.rfind(kBundledExercises + "/", 0) == 0;
}

// postgresql://user:SECRET@host/db -> postgresql://user:***@host/db, for the log.
std::string WithoutPassword(const std::string& url) {
  size_t scheme = url.find("://");
  size_t at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

void PrintBanner(const ServerOptions& options, const Catalog& catalog) {
  std::string host = options.bind_address == "0.0.0.0" ? "localhost" : options.bind_address;
  std::cout << "koodikoe is running at http://" << host << ":" << options.port << "/\n"
            << "  " << catalog.size() << " exercises, " << options.workers
            << " judge workers, database " << WithoutPassword(options.db) << "\n";
  if (options.demo) {
    std::cout << "Demo accounts (username / password):\n";
    for (const auto& account : kDemoAccounts) {
      std::cout << "  " << RoleName(account.role)
                << std::string(10 - std::strlen(RoleName(account.role)), ' ') << account.username
                << " / " << account.password << "\n";
    }
    std::cout << "Demo workshop \"" << kDemoWorkshopTitle << "\": join code " << kDemoJoinCode
              << "\n";
  }
  std::cout << std::flush;
}

// SIGINT/SIGTERM end the server cleanly; they are blocked in every thread and taken by one.
void BlockStopSignals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  ::signal(SIGPIPE, SIG_IGN);
}

std::thread WaitForStopSignal(GatedServer& server, EventHub& events) {
  return std::thread([&server, &events] {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    int signal = 0;
    sigwait(&set, &signal);
    if (signal == 0) return;
    LogInfo("stopping on signal " + std::to_string(signal));
    events.Close();
    server.stop();
  });
}

// The exercises the server offers: bundled (--demo), --exercises and the trainers' stored ones.
Result<void> LoadCatalog(const ServerOptions& options, ExerciseStore& store, Catalog& catalog) {
  std::error_code ec;
  std::filesystem::create_directories(store.root(), ec);
  if (ec) {
    return koodikoe::Fail(ErrorCode::kSystem, "cannot create " + store.root() + ": " +
                                                  ec.message() +
                                                  " (choose another place with --data)");
  }
  std::vector<std::string> dirs = options.exercise_dirs;
  if (options.demo) {
    for (const auto& dir : DemoExerciseDirs()) dirs.push_back(dir);
  }
  if (options.fake_judge) {
    AddFakeExercises(catalog);
  } else if (!HaveRealJudge()) {
    return koodikoe::Fail(ErrorCode::kInvalidArgument,
                          "this build has no judge module; only --fake-judge works");
  }
  for (const auto& warning : LoadExercises(dirs, catalog)) LogWarning("exercises: " + warning);
  // Imported and authored exercises, newest versions (a stored id replaces a bundled one).
  for (const auto& problem : store.AdoptOldImports(options.data_dir + "/imported")) {
    LogWarning("earlier imports: " + problem);
  }
  for (const auto& warning : store.Load(catalog)) LogWarning("stored exercises: " + warning);
  return {};
}

// Limits, headers and routes of the HTTP server.
void ConfigureHttp(GatedServer& server, Services& services) {
  server.set_payload_max_length(services.options.max_body_bytes);
  // A reply goes out in more than one write: with Nagle's algorithm on, the last part waits
  // for the client's delayed ACK, 40 ms on every keep-alive request.
  server.set_tcp_nodelay(true);
  server.set_default_headers(SecurityHeaders());
  AddHstsOverTls(server, services.options.secure_cookies);
  RefuseEncodedBodies(server);
  std::string ui_dir = DefaultUiDir(services.options.ui_dir);
  MountUi(server, ui_dir);
  RegisterRoutes(server, services, ui_dir);
}

// Every connection is a file descriptor: the soft limit (often 1024) up to the hard one.
void AllowManyConnections() {
  rlimit files{};
  if (::getrlimit(RLIMIT_NOFILE, &files) == 0 && files.rlim_cur < files.rlim_max) {
    files.rlim_cur = files.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &files);
  }
}

// Starts a judge helper process for the queue (a fake one under --fake-judge).
std::function<Result<std::unique_ptr<JudgeClient>>()> HelperStarter(const ServerOptions& options) {
  std::vector<std::string> argv = {SelfExecutable(), "judge-helper"};
  if (options.fake_judge) argv.push_back("--fake");
  argv.push_back("--jobs");
  argv.push_back(
      std::to_string(std::max(1u, std::thread::hardware_concurrency() /
                                      static_cast<unsigned>(std::max(1, options.workers)))));
  return [argv, timeout = options.job_timeout_seconds]() -> Result<std::unique_ptr<JudgeClient>> {
    KOODIKOE_TRY(auto helper, HelperProcess::Start(argv, timeout));
    return std::unique_ptr<JudgeClient>(std::move(helper));
  };
}

// Progress of jobs judged by `koodikoe worker`s, for the event streams, while `relaying`.
void RelayWorkerEvents(Storage& storage, EventHub& events, const std::atomic<bool>& relaying) {
  while (relaying) {
    auto got = storage.WaitForEvents(500);
    if (!got) {
      LogError("worker events: " + got.error().Describe());
      std::this_thread::sleep_for(std::chrono::seconds(2));
      continue;
    }
    for (auto& [id, data] : *got) {
      if (data.empty()) {
        events.Finish(id);
      } else {
        events.Publish(id, std::move(data));
      }
    }
  }
}

}  // namespace

Result<void> SeedDemo(Storage& storage, const Catalog& catalog) {
  int64_t trainer_id = 0;
  for (const auto& account : kDemoAccounts) {
    KOODIKOE_TRY(auto existing, storage.FindUserByName(account.username));
    int64_t id = 0;
    if (existing) {
      id = existing->id;
    } else {
      KOODIKOE_TRY(auto created,
                   CreateUser(storage, account.username, account.password, account.role));
      id = created;
      auto user = storage.FindUser(id);
      if (user && *user) {
        (*user)->nickname = account.nickname;
        KOODIKOE_TRY_VOID(storage.UpdateUser(**user));
      }
    }
    if (account.role == Role::kTrainer) trainer_id = id;
  }
  KOODIKOE_TRY_VOID(SeedDemoEvidence(storage, catalog));
  KOODIKOE_TRY(auto workshop, storage.FindWorkshopByCode(kDemoJoinCode));
  if (workshop) return SeedDemoProgramme(storage, catalog);
  Workshop demo;
  demo.title = kDemoWorkshopTitle;
  demo.trainer_id = trainer_id;
  demo.join_code = kDemoJoinCode;
  demo.created_at = UnixNow();
  // The easier bundled exercises: a workshop for beginners.
  for (const auto& exercise : catalog.All()) {
    if (exercise->tier <= 2 && IsBundled(*exercise) && demo.exercises.size() < 20) {
      demo.exercises.push_back(exercise->id);
    }
  }
  KOODIKOE_TRY_VOID(storage.AddWorkshop(demo));
  return SeedDemoProgramme(storage, catalog);
}

// Submissions that were being judged when the server stopped go back into the queue.
bool RequeueInterrupted(Storage& storage) {
  auto requeued = storage.RequeueInterrupted();
  if (!requeued) {
    std::cerr << "koodikoe serve: " << requeued.error().Describe() << "\n";
    return false;
  }
  if (*requeued > 0) {
    LogInfo("queued again " + std::to_string(*requeued) +
            " submissions that were being judged when the server stopped");
  }
  return true;
}

int ServeCommand(int argc, char** argv) {
  if (argc > 1 && (std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0)) {
    std::cout << kServeUsage;
    return 0;
  }
  auto parsed = ParseServeArgs(argc, argv);
  if (!parsed) {
    std::cerr << "koodikoe serve: " << parsed.error().context << "\n\n" << kServeUsage;
    return 2;
  }
  const ServerOptions options = *parsed;
  BlockStopSignals();
  AllowManyConnections();

  auto storage = OpenStorage(options.db);
  if (!storage) {
    std::cerr << "koodikoe serve: " << storage.error().Describe() << "\n";
    return 1;
  }
  if (!RequeueInterrupted(**storage)) return 1;

  Catalog catalog;
  ExerciseStore store(options.data_dir + "/exercises", SelfExecutable());
  if (auto loaded = LoadCatalog(options, store, catalog); !loaded) {
    std::cerr << "koodikoe serve: " << loaded.error().context << "\n";
    return 1;
  }

  if (options.demo) {
    if (auto seeded = SeedDemo(**storage, catalog); !seeded) {
      std::cerr << "koodikoe serve: seeding the demo: " << seeded.error().Describe() << "\n";
      return 1;
    }
  }

  EventHub events;
  Metrics metrics;
  LoginRateLimiter limiter;
  JudgeQueue queue(**storage, catalog, events, metrics, HelperStarter(options), options.workers);
  queue.SetTreeSource([data_dir = options.data_dir](const Submission& s) {
    return ArchiveTeamCommit(data_dir, s.team_id, s.commit_sha);
  });
  ExerciseSets sets(options.data_dir + "/sets");
  auto key = PlatformKey::LoadOrCreate(options.data_dir);
  if (!key) {
    std::cerr << "koodikoe serve: the platform's signing key: " << key.error().Describe()
              << " (choose another place with --data)\n";
    return 1;
  }
  Services services{**storage, catalog, queue, events,  metrics,
                    limiter,   store,   sets,  options, *key};

  GatedServer server;
  ConfigureHttp(server, services);
  if (!server.Bind(options.bind_address, options.port)) {
    std::cerr << "koodikoe serve: cannot listen on " << options.bind_address << ":" << options.port
              << " (is another server using the port? choose one with --port)\n";
    return 1;
  }
  queue.Start();
  std::atomic<bool> relaying{(*storage)->NotifiesQueued()};
  std::thread relay([&] { RelayWorkerEvents(**storage, events, relaying); });
  std::thread stopper = WaitForStopSignal(server, events);
  PrintBanner(options, catalog);
  server.Serve();
  queue.Stop();
  relaying = false;
  relay.join();
  // The stop thread is still in sigwait if the server ended for another reason.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  LogInfo("stopped");
  return 0;
}

}  // namespace web
