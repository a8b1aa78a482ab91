// A burst of submissions, kill -9 of the server in the middle, a restart on the same
// database: every submission that was accepted gets exactly one verdict, and no judge helper
// outlives the killed server.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "server_fixture.h"

namespace web_test {
namespace {

std::vector<pid_t> ChildrenOf(pid_t pid) {
  std::vector<pid_t> children;
  std::error_code ec;
  for (const auto& task :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task", ec)) {
    std::ifstream file(task.path() / "children");
    pid_t child;
    while (file >> child) children.push_back(child);
  }
  return children;
}

bool Alive(pid_t pid) { return ::kill(pid, 0) == 0; }

struct Row {
  int64_t id;
  std::string status;
  int judged_count;
  int attempts;
};

std::vector<Row> ReadRows(const std::string& db_path) {
  sqlite3* db = nullptr;
  std::vector<Row> rows;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return rows;
  }
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT id, status, judged_count, attempts FROM submissions ORDER BY id",
                     -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    rows.push_back({sqlite3_column_int64(st, 0),
                    reinterpret_cast<const char*>(sqlite3_column_text(st, 1)),
                    sqlite3_column_int(st, 2), sqlite3_column_int(st, 3)});
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return rows;
}

TEST(CrashTest, EverySubmissionIsJudgedExactlyOnceAfterKill9) {
  TempDir dir;
  std::string db = dir.path() + "/crash.db";
  std::string log = dir.path() + "/server.log";
  auto server = ServerProcess::Start(
      db, {"--fake-judge", "--demo", "--workers", "2", "--queued-per-account", "0"}, log);
  ASSERT_NE(server, nullptr);
  Api api(*server);
  ASSERT_EQ(api.Login("aino", "aino-demo").status, 200);
  std::vector<pid_t> helpers = ChildrenOf(server->pid());
  EXPECT_EQ(helpers.size(), 2u) << "one judge helper per worker";

  // The burst: a client submitting as fast as it can until the server is gone.
  std::mutex mutex;
  std::vector<int64_t> accepted;
  std::atomic<bool> server_gone{false};
  std::thread burst([&] {
    Api client(*server);
    client.Login("aino", "aino-demo");
    for (int i = 0; i < 200 && !server_gone; ++i) {
      Reply reply = client.Post("/api/v1/submissions",
                                {{"exercise", "sum"},
                                 {"language", "python"},
                                 {"source", "SLEEP_MS=40\n# attempt " + std::to_string(i)}});
      if (reply.status != 202) break;
      std::lock_guard lock(mutex);
      accepted.push_back(reply.body["id"]);
    }
  });
  // Kill while jobs are queued and being judged.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (;;) {
    size_t count;
    {
      std::lock_guard lock(mutex);
      count = accepted.size();
    }
    int done = 0;
    for (const auto& row : ReadRows(db)) done += row.status == "done";
    if ((count >= 30 && done >= 3) || std::chrono::steady_clock::now() > deadline) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  server->Kill9();
  server_gone = true;
  burst.join();
  ASSERT_GE(accepted.size(), 30u);

  auto before = ReadRows(db);
  int unfinished = 0;
  for (const auto& row : before) unfinished += row.status != "done";
  EXPECT_GT(unfinished, 0) << "the kill should come mid-way through the burst";

  // The helpers die with the server (their parent-death signal).
  auto wait_until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (pid_t helper : helpers) {
    while (Alive(helper) && std::chrono::steady_clock::now() < wait_until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    EXPECT_FALSE(Alive(helper)) << "judge helper " << helper << " outlived the server";
  }

  server = ServerProcess::Start(db, {"--fake-judge", "--workers", "2", "--queued-per-account", "0"},
                                log);
  ASSERT_NE(server, nullptr) << "restart on the same database";
  Api after(*server);
  ASSERT_EQ(after.Login("aino", "aino-demo").status, 200);
  for (int64_t id : accepted) {
    json submission = after.WaitDone(id, 120);
    EXPECT_EQ(submission.value("status", ""), "done") << id;
    EXPECT_EQ(submission.value("verdict", ""), "accepted") << id;
  }
  auto rows = ReadRows(db);
  ASSERT_GE(rows.size(), accepted.size());
  int judged_again = 0;
  for (const auto& row : rows) {
    // Also rows committed just before the kill whose 202 never reached the client.
    auto wait = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    Row current = row;
    while (current.status != "done" && std::chrono::steady_clock::now() < wait) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
      for (const auto& fresh : ReadRows(db)) {
        if (fresh.id == row.id) current = fresh;
      }
    }
    EXPECT_EQ(current.status, "done") << current.id;
    EXPECT_EQ(current.judged_count, 1) << "submission " << current.id << " judged once";
    judged_again += current.attempts > 1;
  }
  EXPECT_GE(judged_again, 1) << "jobs being judged at the kill are judged again";
}

}  // namespace
}  // namespace web_test
