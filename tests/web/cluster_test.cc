// One machine behaving as a deployment would: a private PostgreSQL server, one `koodikoe
// serve` that judges nothing itself (--workers 0), three `koodikoe worker` processes on
// loopback fetching the exercise package by content hash. A burst of submissions, kill -9 of
// one worker in the middle: every submission gets exactly one final verdict, the killed
// worker's job is judged again once its lease ends.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kToken = "cluster-test-worker-token-0123456789";

struct Row {
  int64_t id;
  std::string status;
  int judged_count;
  int attempts;
  std::string version;
};

// The submissions from first_id on: the demo data holds earlier ones of its own.
std::vector<Row> ReadRows(const std::string& url, int64_t first_id) {
  std::vector<Row> rows;
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) == CONNECTION_OK) {
    std::string query =
        "SELECT id, status, judged_count, attempts, exercise_version FROM submissions "
        "WHERE id >= " +
        std::to_string(first_id) + " ORDER BY id";
    PGresult* r = PQexec(conn, query.c_str());
    for (int i = 0; PQresultStatus(r) == PGRES_TUPLES_OK && i < PQntuples(r); ++i) {
      rows.push_back({std::atoll(PQgetvalue(r, i, 0)), PQgetvalue(r, i, 1),
                      std::atoi(PQgetvalue(r, i, 2)), std::atoi(PQgetvalue(r, i, 3)),
                      PQgetvalue(r, i, 4)});
    }
    PQclear(r);
  }
  PQfinish(conn);
  return rows;
}

// A `koodikoe worker` child; killed (SIGTERM, then SIGKILL) when destroyed.
class WorkerProcess {
 public:
  WorkerProcess(const std::vector<std::string>& args, const std::string& log) {
    std::vector<std::string> all = {KOODIKOE_BINARY, "worker"};
    all.insert(all.end(), args.begin(), args.end());
    pid_ = ::fork();
    if (pid_ == 0) {
      int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      std::vector<char*> argv;
      for (auto& arg : all) argv.push_back(arg.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
  }
  ~WorkerProcess() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
      if (::waitpid(pid_, nullptr, WNOHANG) == pid_) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  void Kill9() {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }
  bool Running() const { return pid_ > 0 && ::waitpid(pid_, nullptr, WNOHANG) == 0; }

 private:
  pid_t pid_ = -1;
};

std::string PackageDir() { return std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/hello"; }

class ClusterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ::setenv("KOODIKOE_WORKER_TOKEN", kToken, 1);
    url_ = NewStoreUrl(StoreKind::kPostgres, dir_.path(), "cluster");
    ASSERT_FALSE(url_.empty());
    // The real hello package (so it has a content hash to fetch), judged by the fake
    // evaluator: the test is about the queue, not the sandbox.
    server_ = ServerProcess::Start(url_,
                                   {"--fake-judge", "--demo", "--workers", "0",
                                    "--queued-per-account", "0", "--exercises", PackageDir()},
                                   dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr) << "the server did not start; see " << dir_.path();
  }

  std::unique_ptr<WorkerProcess> StartWorker(int index) {
    std::string n = std::to_string(index);
    return std::make_unique<WorkerProcess>(
        std::vector<std::string>{"--db", url_, "--server",
                                 "http://127.0.0.1:" + std::to_string(server_->port()), "--jobs",
                                 "1", "--fake-judge", "--cache", dir_.path() + "/cache" + n},
        dir_.path() + "/worker" + n + ".log");
  }

  TempDir dir_;
  std::string url_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(ClusterTest, PackagesAreServedToWorkersByContentHashOnly) {
  Api api(*server_);
  ASSERT_EQ(api.Login("aino", "aino-demo").status, 200);
  Reply sent = api.Post("/api/v1/submissions",
                        {{"exercise", "hello"}, {"language", "python"}, {"source", "print(1)"}});
  ASSERT_EQ(sent.status, 202) << sent.body.dump();
  auto rows = ReadRows(url_, sent.body["id"].get<int64_t>());
  ASSERT_EQ(rows.size(), 1u);
  std::string hash = rows[0].version;
  ASSERT_EQ(hash.size(), 64u) << "the submission names its exercise version: " << hash;

  auto client = server_->Client();
  auto anonymous = client->Get("/api/v1/packages/" + hash);
  ASSERT_TRUE(anonymous);
  EXPECT_EQ(anonymous->status, 401);
  EXPECT_EQ(api.Get("/api/v1/packages/" + hash).status, 401) << "a user's token is not enough";
  httplib::Headers worker = {{"Authorization", std::string("Bearer ") + kToken}};
  auto wrong = client->Get("/api/v1/packages/" + std::string(64, 'a'), worker);
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 404);
  auto package = client->Get("/api/v1/packages/" + hash, worker);
  ASSERT_TRUE(package);
  EXPECT_EQ(package->status, 200);
  EXPECT_EQ(package->get_header_value("Content-Type"), "application/zip");
  EXPECT_EQ(package->body.substr(0, 2), "PK");

  // A worker judges it, with the package fetched into its cache under that hash.
  auto worker_process = StartWorker(1);
  json done = api.WaitDone(sent.body["id"], 60);
  EXPECT_EQ(done.value("status", ""), "done") << done.dump();
  EXPECT_EQ(done.value("verdict", ""), "accepted");
  EXPECT_TRUE(fs::exists(dir_.path() + "/cache1/" + hash + "/hello/problem.yaml"));

  // Judged on another process, followed live on the server: progress, then the verdict.
  Reply slow = api.Post(
      "/api/v1/submissions",
      {{"exercise", "hello"}, {"language", "python"}, {"source", "SLEEP_MS=700\n# followed"}});
  ASSERT_EQ(slow.status, 202);
  auto events = api.Events(slow.body["id"], 60);
  int progress = 0;
  for (const auto& [name, data] : events) progress += name == "progress";
  EXPECT_GE(progress, 2) << "progress events of the remote worker";
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().first, "done");
  EXPECT_EQ(events.back().second.value("verdict", ""), "accepted");
}

TEST_F(ClusterTest, ThreeWorkersKill9OneEverySubmissionJudgedOnce) {
  std::vector<std::unique_ptr<WorkerProcess>> workers;
  for (int i = 0; i < 3; ++i) workers.push_back(StartWorker(i));
  Api api(*server_);
  ASSERT_EQ(api.Login("aino", "aino-demo").status, 200);
  // About a second each (three tests of 300 ms), 36 of them: 12 s of work per worker.
  std::vector<int64_t> ids;
  for (int i = 0; i < 36; ++i) {
    Reply sent =
        api.Post("/api/v1/submissions", {{"exercise", "hello"},
                                         {"language", "python"},
                                         {"source", "SLEEP_MS=300\n# burst " + std::to_string(i)}});
    ASSERT_EQ(sent.status, 202) << sent.body.dump();
    ids.push_back(sent.body["id"]);
  }
  // Mid-burst: each worker has a job in hand while the queue is not empty.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  for (;;) {
    int done = 0;
    int judging = 0;
    for (const auto& row : ReadRows(url_, ids.front())) {
      done += row.status == "done";
      judging += row.status == "judging";
    }
    if ((done >= 3 && judging == 3) || std::chrono::steady_clock::now() > deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  workers[1]->Kill9();
  EXPECT_TRUE(workers[0]->Running());
  EXPECT_TRUE(workers[2]->Running());

  for (int64_t id : ids) {
    json submission = api.WaitDone(id, 120);
    EXPECT_EQ(submission.value("status", ""), "done") << id;
    EXPECT_EQ(submission.value("verdict", ""), "accepted") << id;
  }
  auto rows = ReadRows(url_, ids.front());
  ASSERT_EQ(rows.size(), ids.size());
  int judged_again = 0;
  for (const auto& row : rows) {
    EXPECT_EQ(row.status, "done") << row.id;
    EXPECT_EQ(row.judged_count, 1) << "submission " << row.id << " has one final verdict";
    judged_again += row.attempts > 1;
  }
  EXPECT_EQ(judged_again, 1) << "the killed worker's job, and only it, was judged again";
  Reply metrics = api.Get("/metrics");
  EXPECT_NE(metrics.body.get<std::string>().find("koodikoe_queue_depth 0"), std::string::npos);
}

}  // namespace
}  // namespace web_test
