// The SQLite store: migrations, the queue's exactly-once bookkeeping, sessions.
#include "web/storage.h"

#include <gtest/gtest.h>

#include "server_fixture.h"

namespace web_test {
namespace {

using web::Storage;
using web::Submission;

std::unique_ptr<Storage> Open(const std::string& path) {
  auto storage = web::OpenSqliteStorage(path);
  EXPECT_TRUE(storage) << storage.error().Describe();
  return storage ? std::move(*storage) : nullptr;
}

int64_t AddCandidate(Storage& storage, const std::string& name) {
  web::User user;
  user.username = name;
  user.password_hash = "x";
  user.created_at = 1;
  return storage.AddUser(user).value();
}

int64_t Queue(Storage& storage, int64_t user, const std::string& kind) {
  Submission submission;
  submission.user_id = user;
  submission.exercise = "sum";
  submission.language = "python";
  submission.source = "print(3)";
  submission.kind = kind;
  submission.created_at = 10;
  return storage.AddSubmission(submission).value();
}

TEST(StorageTest, MigrationsRunOnceAndReopen) {
  TempDir dir;
  std::string path = dir.path() + "/s.db";
  {
    auto storage = Open(path);
    ASSERT_TRUE(storage);
    AddCandidate(*storage, "aino");
  }
  auto reopened = Open(path);
  ASSERT_TRUE(reopened);
  auto user = reopened->FindUserByName("aino");
  ASSERT_TRUE(user && *user);
  EXPECT_EQ((*user)->role, web::Role::kCandidate);
  EXPECT_FALSE(reopened->AddUser(**user)) << "usernames are unique";
}

TEST(StorageTest, ClaimFinishAndRequeue) {
  TempDir dir;
  auto storage = Open(dir.path() + "/q.db");
  int64_t user = AddCandidate(*storage, "aino");
  int64_t first = Queue(*storage, user, "submission");
  int64_t run = Queue(*storage, user, "run");
  EXPECT_EQ(storage->CountQueued().value(), 2);

  auto claimed = storage->ClaimNextQueued(20).value();
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, run) << "runs first: someone is waiting at the screen";
  EXPECT_EQ(claimed->attempts, 1);
  auto second = storage->ClaimNextQueued(20).value();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, first);
  EXPECT_FALSE(storage->ClaimNextQueued(20).value());

  // The server dies: both are queued again on the next start.
  EXPECT_EQ(storage->RequeueInterrupted().value(), 2);
  auto again = storage->ClaimNextQueued(30).value();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 2);
  EXPECT_TRUE(storage->FinishSubmission(again->id, "accepted", 1, 1, "{}", 31).value());
  EXPECT_FALSE(storage->FinishSubmission(again->id, "accepted", 1, 1, "{}", 32).value())
      << "a verdict is recorded once";
  auto done = storage->FindSubmission(again->id).value();
  EXPECT_EQ(done->status, "done");
  EXPECT_EQ(done->judged_count, 1);
  EXPECT_EQ(storage->ListSubmissions(user, "").value().size(), 1u) << "runs are not listed";
}

TEST(StorageTest, SessionsExpire) {
  TempDir dir;
  auto storage = Open(dir.path() + "/sessions.db");
  int64_t user = AddCandidate(*storage, "aino");
  ASSERT_TRUE(storage->AddSession({"hash", user, "csrf", 100, 200}));
  EXPECT_TRUE(storage->FindSession("hash", 150).value());
  EXPECT_FALSE(storage->FindSession("hash", 201).value());
  EXPECT_TRUE(storage->DeleteSession("hash"));
  EXPECT_FALSE(storage->FindSession("hash", 150).value());
}

TEST(StorageTest, PostgresIsRefusedClearly) {
  auto storage = web::OpenStorage("postgresql://db/koodikoe");
  ASSERT_FALSE(storage);
  EXPECT_NE(storage.error().context.find("sqlite:"), std::string::npos);
}

}  // namespace
}  // namespace web_test
