// Issue 14, "Submission floods": one account may have only so many jobs waiting for their
// verdicts, and the judges take turns between accounts, so one person's flood does not hold
// up everyone else. Through the Storage interface and through a real `koodikoe serve`, once
// on SQLite and once on PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "pg_fixture.h"
#include "server_fixture.h"
#include "storage/storage.h"

namespace web_test {
namespace {

using web::Storage;

web::Submission Job(int64_t user, const std::string& kind = "submission") {
  web::Submission submission;
  submission.user_id = user;
  submission.exercise = "sum";
  submission.language = "python";
  submission.source = "print(3)";
  submission.kind = kind;
  submission.created_at = 10;
  return submission;
}

int64_t Queue(Storage& storage, int64_t user) { return storage.AddSubmission(Job(user)).value(); }

// Claims the next job and finishes it at once, as one worker would; its id, or 0.
int64_t JudgeNext(Storage& storage) {
  auto job = storage.ClaimNextQueued(100).value();
  if (!job) return 0;
  EXPECT_TRUE(storage.FinishSubmission(job->id, "accepted", 1, 1, "{}", 101).value());
  return job->id;
}

class QueueFairnessTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  std::unique_ptr<Storage> Fresh(const std::string& name) {
    url_ = NewStoreUrl(GetParam(), dir_.path(), name);
    if (url_.empty()) return nullptr;
    auto storage = web::OpenStorage(url_);
    EXPECT_TRUE(storage) << storage.error().Describe();
    return storage ? std::move(*storage) : nullptr;
  }

  // A server on a fresh store with candidates "ville" and "oona" (no demo data, whose queued
  // attempts would take part).
  std::unique_ptr<ServerProcess> Serve(const std::string& name,
                                       const std::vector<std::string>& extra) {
    url_ = NewStoreUrl(GetParam(), dir_.path(), name);
    if (url_.empty()) return nullptr;
    for (const char* user : {"ville", "oona"}) {
      auto [status, out] =
          RunKoodikoe({"user", "add", user, "--role", "candidate", "--db", url_}, "salasana-1\n");
      EXPECT_EQ(status, 0) << out;
    }
    log_ = dir_.path() + "/" + name + ".log";
    std::vector<std::string> args = {"--fake-judge"};
    args.insert(args.end(), extra.begin(), extra.end());
    return ServerProcess::Start(url_, args, log_);
  }

  // The ids of the jobs the server finished, in the order its log recorded them.
  std::vector<int64_t> FinishedInOrder() {
    std::ifstream in(log_);
    std::vector<int64_t> ids;
    std::string line;
    while (std::getline(in, line)) {
      size_t at = line.find("submission=");
      if (at == std::string::npos || line.find(" verdict=") == std::string::npos) continue;
      ids.push_back(std::stoll(line.substr(at + 11)));
    }
    return ids;
  }

  TempDir dir_;
  std::string url_;
  std::string log_;
};

Reply Send(Api& api, const std::string& path, const std::string& source) {
  return api.Post(path, {{"exercise", "sum"}, {"language", "python"}, {"source", source}});
}

TEST_P(QueueFairnessTest, Issue14AnAccountJustServedWaitsForTheOthers) {
  auto storage = Fresh("turns");
  ASSERT_TRUE(storage);
  int64_t ville = AddStoredUser(*storage, "ville");
  int64_t oona = AddStoredUser(*storage, "oona");
  std::vector<int64_t> flood;
  for (int i = 0; i < 4; ++i) flood.push_back(Queue(*storage, ville));
  EXPECT_EQ(JudgeNext(*storage), flood[0]);
  int64_t late = Queue(*storage, oona);
  EXPECT_EQ(JudgeNext(*storage), late) << "oona came later, but ville was just served";
  EXPECT_EQ(JudgeNext(*storage), flood[1]);
  // With jobs of both waiting, the two take turns.
  int64_t second = Queue(*storage, oona);
  int64_t third = Queue(*storage, oona);
  EXPECT_EQ(JudgeNext(*storage), second);
  EXPECT_EQ(JudgeNext(*storage), flood[2]);
  EXPECT_EQ(JudgeNext(*storage), third);
  EXPECT_EQ(JudgeNext(*storage), flood[3]);
  EXPECT_EQ(JudgeNext(*storage), 0);
}

TEST_P(QueueFairnessTest, Issue14TheAccountWithFewestJobsBeingJudgedGoesFirst) {
  auto storage = Fresh("judging");
  ASSERT_TRUE(storage);
  int64_t ville = AddStoredUser(*storage, "ville");
  int64_t oona = AddStoredUser(*storage, "oona");
  int64_t v1 = Queue(*storage, ville);
  Queue(*storage, ville);
  auto first = storage->ClaimNextQueued(100).value();  // ville's, still being judged
  ASSERT_TRUE(first);
  EXPECT_EQ(first->id, v1);
  int64_t o1 = Queue(*storage, oona);
  int64_t o2 = Queue(*storage, oona);
  EXPECT_EQ(JudgeNext(*storage), o1);
  // Oona's turn is newer than ville's, but ville has a job being judged and oona none.
  EXPECT_EQ(JudgeNext(*storage), o2);
}

TEST_P(QueueFairnessTest, Issue14TheCapCountsJobsWaitingForAFirstVerdict) {
  auto storage = Fresh("cap");
  ASSERT_TRUE(storage);
  int64_t ville = AddStoredUser(*storage, "ville");
  int64_t oona = AddStoredUser(*storage, "oona");
  for (int i = 0; i < 2; ++i) {
    auto admitted = storage->QueueSubmission(Job(ville), 3).value();
    EXPECT_NE(admitted.id, 0);
    EXPECT_EQ(admitted.waiting, i);
  }
  EXPECT_NE(storage->QueueSubmission(Job(ville, "run"), 3).value().id, 0) << "runs count too";
  auto refused = storage->QueueSubmission(Job(ville), 3).value();
  EXPECT_EQ(refused.id, 0);
  EXPECT_EQ(refused.waiting, 3);
  EXPECT_EQ(storage->CountQueued().value(), 3) << "nothing stored when refused";
  EXPECT_NE(storage->QueueSubmission(Job(oona), 3).value().id, 0);
  EXPECT_NE(storage->QueueSubmission(Job(ville), 0).value().id, 0) << "0: no cap";

  // A verdict frees a place; a rejudge of finished jobs takes none.
  while (JudgeNext(*storage) != 0) {
  }
  ASSERT_EQ(storage->RejudgeSubmissions("sum", std::nullopt, "v2").value().size(), 4u);
  for (int i = 0; i < 3; ++i) EXPECT_NE(storage->QueueSubmission(Job(ville), 3).value().id, 0);
  EXPECT_EQ(storage->QueueSubmission(Job(ville), 3).value().id, 0);
}

TEST_P(QueueFairnessTest, Issue14TheEleventhQueuedSubmissionIsRefused) {
  // Nothing judges here (--workers 0, no remote worker): every job stays queued.
  auto server = Serve("flood", {"--workers", "0"});
  ASSERT_NE(server, nullptr) << "see " << log_;
  Api ville(*server), oona(*server);
  ASSERT_EQ(ville.Login("ville", "salasana-1").status, 200);
  ASSERT_EQ(oona.Login("oona", "salasana-1").status, 200);
  for (int i = 0; i < 10; ++i) {
    Reply sent = Send(ville, "/api/v1/submissions", "print(3)  # " + std::to_string(i));
    ASSERT_EQ(sent.status, 202) << i << " " << sent.body.dump();
  }
  Reply refused = Send(ville, "/api/v1/submissions", "print(3)  # the eleventh");
  EXPECT_EQ(refused.status, 429) << refused.body.dump();
  EXPECT_EQ(refused.body.value("error", ""), "too_many_queued");
  std::string message = refused.body.value("message", "");
  EXPECT_NE(message.find("10"), std::string::npos) << "says how many wait: " << message;
  EXPECT_TRUE(refused.headers.count("Retry-After"));
  EXPECT_EQ(Send(ville, "/api/v1/runs", "print(3)").status, 429) << "a run is queued too";
  Reply other = Send(oona, "/api/v1/submissions", "print(3)");
  EXPECT_EQ(other.status, 202) << other.body.dump();
  auto listed = ville.Get("/api/v1/submissions");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.body.size(), 10u) << "the refused one was not stored";
}

TEST_P(QueueFairnessTest, Issue14ASecondCandidateIsJudgedBeforeTheFirstOnesLaterSubmissions) {
  auto server = Serve("turns-api", {"--workers", "1"});
  ASSERT_NE(server, nullptr) << "see " << log_;
  Api ville(*server), oona(*server);
  ASSERT_EQ(ville.Login("ville", "salasana-1").status, 200);
  ASSERT_EQ(oona.Login("oona", "salasana-1").status, 200);
  // Ville's first job keeps the one worker busy while the rest are queued.
  std::vector<int64_t> flood;
  for (int i = 0; i < 5; ++i) {
    Reply sent =
        Send(ville, "/api/v1/submissions",
             (i == 0 ? "SLEEP_MS=700\n" : "") + std::string("# ville ") + std::to_string(i));
    ASSERT_EQ(sent.status, 202) << sent.body.dump();
    flood.push_back(sent.body["id"]);
  }
  Reply late = Send(oona, "/api/v1/submissions", "# oona");
  ASSERT_EQ(late.status, 202) << late.body.dump();
  int64_t oona_id = late.body["id"];
  EXPECT_EQ(oona.WaitDone(oona_id, 120)["status"], "done");
  for (int64_t id : flood) EXPECT_EQ(ville.WaitDone(id, 120)["status"], "done");

  std::vector<int64_t> order = FinishedInOrder();
  ASSERT_EQ(order.size(), 6u) << "see " << log_;
  auto position = [&](int64_t id) {
    return std::find(order.begin(), order.end(), id) - order.begin();
  };
  for (size_t i = 1; i < flood.size(); ++i) {
    EXPECT_LT(position(oona_id), position(flood[i]))
        << "oona's submission waited for ville's later submission " << flood[i];
  }
}

INSTANTIATE_TEST_SUITE_P(Stores, QueueFairnessTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
