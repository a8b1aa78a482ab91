// Both stores, SQLite and PostgreSQL, through the one Storage interface: migrations, the
// queue's exactly-once bookkeeping and leases, sessions, workshops.
#include "storage/storage.h"

#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

using web::Storage;
using web::Submission;

std::unique_ptr<Storage> Open(const std::string& url) {
  if (url.empty()) return nullptr;
  auto storage = web::OpenStorage(url);
  EXPECT_TRUE(storage) << storage.error().Describe();
  return storage ? std::move(*storage) : nullptr;
}

int64_t Queue(Storage& storage, int64_t user, const std::string& kind,
              const std::string& exercise = "sum") {
  Submission submission;
  submission.user_id = user;
  submission.exercise = exercise;
  submission.language = "python";
  submission.source = "print(3)";
  submission.kind = kind;
  submission.created_at = 10;
  submission.exercise_version = "ab12";
  return storage.AddSubmission(submission).value();
}

class StorageTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  // A fresh store of this test's kind.
  std::unique_ptr<Storage> Fresh(const std::string& name) {
    url_ = NewStoreUrl(GetParam(), dir_.path(), name);
    return Open(url_);
  }

  TempDir dir_;
  std::string url_;
};

TEST_P(StorageTest, MigrationsRunOnceAndReopen) {
  {
    auto storage = Fresh("s");
    ASSERT_TRUE(storage);
    AddStoredUser(*storage, "aino");
  }
  auto reopened = Open(url_);
  ASSERT_TRUE(reopened);
  auto user = reopened->FindUserByName("aino");
  ASSERT_TRUE(user && *user);
  EXPECT_EQ((*user)->role, web::Role::kCandidate);
  auto again = reopened->AddUser(**user);
  ASSERT_FALSE(again) << "usernames are unique";
  EXPECT_EQ(again.error().code, koodikoe::ErrorCode::kInvalidArgument);
  EXPECT_NE(again.error().context.find("taken"), std::string::npos);
}

TEST_P(StorageTest, ClaimFinishAndRequeue) {
  auto storage = Fresh("q");
  ASSERT_TRUE(storage);
  int64_t user = AddStoredUser(*storage, "aino");
  int64_t first = Queue(*storage, user, "submission");
  int64_t run = Queue(*storage, user, "run");
  EXPECT_EQ(storage->CountQueued().value(), 2);

  auto claimed = storage->ClaimNextQueued(20).value();
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, run) << "runs first: someone is waiting at the screen";
  EXPECT_EQ(claimed->attempts, 1);
  EXPECT_EQ(claimed->source, "print(3)");
  EXPECT_EQ(claimed->exercise_version, "ab12");
  EXPECT_EQ(claimed->lease_until, 20 + web::kLeaseSeconds);
  auto second = storage->ClaimNextQueued(20).value();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, first);
  EXPECT_FALSE(storage->ClaimNextQueued(20).value());

  ASSERT_TRUE(storage->RequeueSubmission(run));
  auto requeued = storage->ClaimNextQueued(25).value();
  ASSERT_TRUE(requeued);
  EXPECT_EQ(requeued->id, run);
  EXPECT_EQ(requeued->attempts, 2);
  EXPECT_TRUE(storage->FinishSubmission(run, "accepted", 1, 1, "{}", 26).value());
  EXPECT_FALSE(storage->FinishSubmission(run, "accepted", 1, 1, "{}", 27).value())
      << "a verdict is recorded once";
  auto done = storage->FindSubmission(run).value();
  EXPECT_EQ(done->status, "done");
  EXPECT_EQ(done->judged_count, 1);
  EXPECT_EQ(done->report_json, "{}");
  EXPECT_EQ(storage->ListSubmissions(user, "", 0).value().size(), 1u) << "runs are not listed";
  EXPECT_EQ(storage->ListSubmissions(user, "sum", 0).value().size(), 1u);
  EXPECT_EQ(storage->ListSubmissions(user, "other", 0).value().size(), 0u);
}

TEST_P(StorageTest, SubmissionsArePagedNewestFirst) {
  auto storage = Fresh("paged");
  ASSERT_TRUE(storage);
  int64_t user = AddStoredUser(*storage, "aino");
  const int total = Storage::kSubmissionPage + 3;
  std::vector<int64_t> ids;
  for (int i = 0; i < total; ++i) ids.push_back(Queue(*storage, user, "submission"));
  Queue(*storage, AddStoredUser(*storage, "veeti"), "submission");  // someone else's

  auto first = storage->ListSubmissions(user, "", 0).value();
  ASSERT_EQ(first.size(), static_cast<size_t>(Storage::kSubmissionPage));
  EXPECT_EQ(first.front().id, ids.back()) << "newest first";
  auto second = storage->ListSubmissions(user, "", first.back().id).value();
  ASSERT_EQ(second.size(), 3u);
  EXPECT_EQ(second.front().id, ids[2]);
  EXPECT_EQ(second.back().id, ids[0]);
  EXPECT_TRUE(storage->ListSubmissions(user, "", ids[0]).value().empty());
  EXPECT_EQ(storage->ListSubmissions(user, "sum", ids[1]).value().size(), 1u);
}

TEST_P(StorageTest, RequeueInterruptedAtStart) {
  auto storage = Fresh("interrupted");
  ASSERT_TRUE(storage);
  int64_t user = AddStoredUser(*storage, "aino");
  Queue(*storage, user, "submission");
  // Claimed long ago: its lease has ended, whatever the store.
  ASSERT_TRUE(storage->ClaimNextQueued(100).value());
  EXPECT_EQ(storage->RequeueInterrupted().value(), 1);
  auto again = storage->ClaimNextQueued(200).value();
  ASSERT_TRUE(again);
  EXPECT_EQ(again->attempts, 2);
}

// A worker that died (kill -9, machine gone) stops renewing; its job is taken again once
// the lease ends, and the dead attempt can no longer renew.
TEST_P(StorageTest, ExpiredLeaseIsTakenAgainAndHeartbeatsKeepIt) {
  auto storage = Fresh("lease");
  ASSERT_TRUE(storage);
  int64_t user = AddStoredUser(*storage, "aino");
  int64_t id = Queue(*storage, user, "submission");
  auto first = storage->ClaimNextQueued(1000).value();
  ASSERT_TRUE(first);
  EXPECT_FALSE(storage->ClaimNextQueued(1000 + web::kLeaseSeconds - 1).value())
      << "within the lease nobody else takes it";
  // Heartbeats move the lease on.
  EXPECT_TRUE(storage->RenewLease(id, first->attempts, 1020).value());
  EXPECT_FALSE(storage->ClaimNextQueued(1020 + web::kLeaseSeconds - 1).value());
  // The worker dies: after the lease, another takes it.
  auto second = storage->ClaimNextQueued(1020 + web::kLeaseSeconds + 1).value();
  ASSERT_TRUE(second);
  EXPECT_EQ(second->id, id);
  EXPECT_EQ(second->attempts, first->attempts + 1);
  EXPECT_FALSE(storage->RenewLease(id, first->attempts, 1060).value())
      << "the first attempt lost the job";
  EXPECT_TRUE(storage->RenewLease(id, second->attempts, 1060).value());
  EXPECT_TRUE(storage->FinishSubmission(id, "accepted", 1, 1, "{}", 1061).value());
  EXPECT_FALSE(storage->FinishSubmission(id, "wrong_answer", 0, 1, "{}", 1062).value());
  EXPECT_FALSE(storage->RenewLease(id, second->attempts, 1063).value()) << "done";
  auto done = storage->FindSubmission(id).value();
  EXPECT_EQ(done->verdict, "accepted");
  EXPECT_EQ(done->judged_count, 1);
}

// Many claimers at once (threads here; processes on many machines in a deployment): every
// job goes to exactly one of them.
TEST_P(StorageTest, ConcurrentClaimsTakeEachJobOnce) {
  auto storage = Fresh("concurrent");
  ASSERT_TRUE(storage);
  int64_t user = AddStoredUser(*storage, "aino");
  constexpr int kJobs = 60;
  for (int i = 0; i < kJobs; ++i) Queue(*storage, user, i % 3 ? "submission" : "run");
  std::mutex mutex;
  std::multiset<int64_t> claimed;
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&] {
      for (;;) {
        auto job = storage->ClaimNextQueued(50);
        if (!job) {
          ++errors;
          return;
        }
        if (!*job) return;
        std::lock_guard lock(mutex);
        claimed.insert((*job)->id);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(claimed.size(), static_cast<size_t>(kJobs));
  EXPECT_EQ(std::set<int64_t>(claimed.begin(), claimed.end()).size(), claimed.size())
      << "no job claimed twice";
  EXPECT_EQ(storage->CountQueued().value(), 0);
}

TEST_P(StorageTest, SessionsExpire) {
  auto storage = Fresh("sessions");
  ASSERT_TRUE(storage);
  int64_t user = AddStoredUser(*storage, "aino");
  ASSERT_TRUE(storage->AddSession({"hash", user, "csrf", 100, 200}));
  EXPECT_TRUE(storage->FindSession("hash", 150).value());
  EXPECT_FALSE(storage->FindSession("hash", 201).value());
  EXPECT_TRUE(storage->DeleteSession("hash"));
  EXPECT_FALSE(storage->FindSession("hash", 150).value());
}

TEST_P(StorageTest, WorkshopsMembersHelpAndComments) {
  auto storage = Fresh("workshops");
  ASSERT_TRUE(storage);
  web::User trainer;
  trainer.username = "mikko";
  trainer.password_hash = "x";
  trainer.role = web::Role::kTrainer;
  int64_t trainer_id = storage->AddUser(trainer).value();
  int64_t aino = AddStoredUser(*storage, "aino");
  int64_t yusuf = AddStoredUser(*storage, "yusuf");

  web::Workshop w;
  w.title = "Maanantai \"ja\" {tiistai}";
  w.trainer_id = trainer_id;
  w.join_code = "ABC123";
  w.exercises = {"hello", "sum", "hello", "quote\"d"};
  w.created_at = 5;
  int64_t id = storage->AddWorkshop(w).value();
  auto taken = storage->AddWorkshop(w);
  ASSERT_FALSE(taken);
  EXPECT_EQ(taken.error().code, koodikoe::ErrorCode::kInvalidArgument);

  auto found = storage->FindWorkshopByCode("ABC123").value();
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, id);
  EXPECT_EQ(found->title, w.title);
  EXPECT_EQ(found->exercises, (std::vector<std::string>{"hello", "sum", "quote\"d"}));
  EXPECT_EQ(storage->WorkshopsOfTrainer(trainer_id).value().size(), 1u);

  ASSERT_TRUE(storage->AddMember(id, aino, "Aino", 10));
  ASSERT_TRUE(storage->AddMember(id, aino, "Aino K", 11));
  EXPECT_EQ(storage->WorkshopsOfMember(aino).value().size(), 1u);
  EXPECT_TRUE(storage->WorkshopsOfMember(yusuf).value().empty());
  auto members = storage->Members(id).value();
  ASSERT_EQ(members.size(), 1u);
  EXPECT_EQ(members[0].nickname, "Aino K");
  EXPECT_TRUE(storage->AddExtraTime(id, aino, 15).value());
  EXPECT_FALSE(storage->AddExtraTime(id, yusuf, 15).value());
  EXPECT_EQ(storage->Members(id).value()[0].extra_minutes, 15);
  EXPECT_TRUE(storage->IsTrainerOf(trainer_id, aino).value());
  EXPECT_FALSE(storage->IsTrainerOf(trainer_id, yusuf).value());

  EXPECT_FALSE(storage->HintsReleasedFor(aino, "sum").value());
  ASSERT_TRUE(storage->ReleaseHints(id, "sum", 20));
  EXPECT_TRUE(storage->HintsReleasedFor(aino, "sum").value());
  EXPECT_EQ(storage->FindWorkshop(id).value()->hints_released, std::vector<std::string>{"sum"});

  int64_t help = storage->AddHelpRequest({0, id, aino, "", "", "sum", "apua", 30, false}).value();
  auto requests = storage->HelpRequests(id).value();
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].nickname, "Aino K");
  EXPECT_FALSE(requests[0].answered);
  EXPECT_TRUE(storage->AnswerHelpRequest(id, help, 31).value());
  EXPECT_TRUE(storage->AnswerHelpRequest(id, help, 32).value()) << "answering twice is fine";
  EXPECT_FALSE(storage->AnswerHelpRequest(id, help + 100, 32).value());
  EXPECT_TRUE(storage->HelpRequests(id).value()[0].answered);

  int64_t submission = Queue(*storage, aino, "submission", "sum");
  Queue(*storage, aino, "submission", "hello");
  Queue(*storage, yusuf, "submission", "sum");
  auto job = storage->ClaimNextQueued(40).value();
  ASSERT_TRUE(job);
  ASSERT_TRUE(storage->FinishSubmission(job->id, "accepted", 100, 100, "{\"r\":1}", 41).value());
  auto results = storage->ExerciseResults(aino).value();
  ASSERT_EQ(results.size(), 2u);
  for (const auto& result : results) {
    EXPECT_EQ(result.solved, result.exercise == "sum") << result.exercise;
    EXPECT_EQ(result.attempts, 1);
  }
  auto room = storage->SubmissionsFor({aino, yusuf}, {"sum", "quote\"d"}).value();
  ASSERT_EQ(room.size(), 2u);
  EXPECT_EQ(room[0].id, submission);
  EXPECT_EQ(room[0].report_json, "{\"r\":1}");
  EXPECT_TRUE(storage->SubmissionsFor({}, {"sum"}).value().empty());

  ASSERT_TRUE(storage->AddComment(
      {0, submission, trainer_id, "", web::Role::kCandidate, 3, "hyvä 'alku'", 50}));
  auto comments = storage->Comments(submission).value();
  ASSERT_EQ(comments.size(), 1u);
  EXPECT_EQ(comments[0].author, "mikko");
  EXPECT_EQ(comments[0].role, web::Role::kTrainer);
  EXPECT_EQ(comments[0].text, "hyvä 'alku'");
}

TEST_P(StorageTest, UsersAreUpdated) {
  auto storage = Fresh("users");
  ASSERT_TRUE(storage);
  int64_t id = AddStoredUser(*storage, "aino");
  auto user = storage->FindUser(id).value();
  ASSERT_TRUE(user);
  user->language = "en";
  user->nickname = "Aino 🙂";
  user->role = web::Role::kCompany;
  ASSERT_TRUE(storage->UpdateUser(*user));
  auto read = storage->FindUser(id).value();
  EXPECT_EQ(read->language, "en");
  EXPECT_EQ(read->nickname, "Aino 🙂");
  EXPECT_EQ(read->role, web::Role::kCompany);
  EXPECT_FALSE(storage->FindUser(id + 1000).value());
  EXPECT_TRUE(storage->Ping());
}

TEST_P(StorageTest, RejudgeAndExerciseAnalytics) {
  auto storage = Fresh("rejudge");
  ASSERT_TRUE(storage);
  int64_t aino = AddStoredUser(*storage, "aino");
  int64_t first = Queue(*storage, aino, "submission", "sum");
  int64_t second = Queue(*storage, aino, "submission", "sum");
  Queue(*storage, aino, "run", "sum");
  for (int i = 0; i < 3; ++i) {
    auto job = storage->ClaimNextQueued(60).value();
    ASSERT_TRUE(job);
    ASSERT_TRUE(storage->FinishSubmission(job->id, "accepted", 1, 1, "{}", 61).value());
  }
  auto all = storage->ExerciseSubmissions("sum").value();
  ASSERT_EQ(all.size(), 2u) << "runs are not analytics";
  EXPECT_EQ(all[0].id, first);
  EXPECT_EQ(all[0].report_json, "{}");

  auto one = storage->RejudgeSubmissions("sum", second, "v2").value();
  EXPECT_EQ(one, std::vector<int64_t>{second});
  auto both = storage->RejudgeSubmissions("sum", std::nullopt, "v3").value();
  EXPECT_EQ(both, std::vector<int64_t>{first}) << "the one queued already is not picked again";
  auto job = storage->ClaimNextQueued(70).value();
  ASSERT_TRUE(job);
  EXPECT_EQ(job->id, first);
  EXPECT_EQ(job->exercise_version, "v3");

  web::Workshop w;
  w.title = "W";
  w.trainer_id = aino;
  w.join_code = "XYZ";
  w.exercises = {"hello"};
  int64_t workshop = storage->AddWorkshop(w).value();
  EXPECT_TRUE(storage->AddWorkshopExercise(workshop, "sum").value());
  EXPECT_FALSE(storage->AddWorkshopExercise(workshop, "sum").value());
  EXPECT_EQ(storage->FindWorkshop(workshop).value()->exercises,
            (std::vector<std::string>{"hello", "sum"}));
}

INSTANTIATE_TEST_SUITE_P(Stores, StorageTest, ::testing::ValuesIn(AllStores()), StoreName);

TEST(StorageSchemaTest, UnreachablePostgresFailsWithTheReason) {
  // A port nobody listens on.
  auto storage =
      web::OpenStorage("postgresql://koodikoe@127.0.0.1:" + std::to_string(FreePort()) + "/x");
  ASSERT_FALSE(storage);
  EXPECT_NE(storage.error().context.find("connecting to PostgreSQL"), std::string::npos)
      << storage.error().context;
}

}  // namespace
}  // namespace web_test
