// The trainer's live view and the scoreboard from stored data, and the judging queue with a
// fake judge client.
#include <gtest/gtest.h>

#include <thread>

#include "base/time_util.h"
#include "http/api.h"
#include "server_fixture.h"

namespace web_test {
namespace {

using web::HelpRequest;
using web::Member;
using web::Submission;
using web::Workshop;

Submission Done(int64_t id, int64_t user, const std::string& exercise, const std::string& verdict,
                const std::string& failing_test, int64_t at) {
  Submission s;
  s.id = id;
  s.user_id = user;
  s.exercise = exercise;
  s.status = "done";
  s.verdict = verdict;
  s.score = verdict == "accepted" ? 1 : 0;
  s.created_at = at;
  json tests = json::array({{{"name", "sample/1"}, {"verdict", "accepted"}}});
  if (!failing_test.empty()) tests.push_back({{"name", failing_test}, {"verdict", verdict}});
  s.report_json = json{{"tests", tests}}.dump();
  return s;
}

TEST(LiveViewTest, ShowsWhereEachPersonIsAndWhatFails) {
  Workshop workshop;
  workshop.id = 1;
  workshop.exercises = {"hello", "sum"};
  std::vector<Member> members = {
      {1, "aino", "Aino", 0, 0}, {2, "yusuf", "Yu", 10, 0}, {3, "ville", "V", 0, 600}};
  std::vector<Submission> submissions = {
      Done(1, 1, "hello", "accepted", "", 60),
      Done(2, 1, "sum", "wrong_answer", "secret/2", 120),
      Done(3, 1, "sum", "wrong_answer", "secret/2", 1200),
      Done(4, 2, "sum", "wrong_answer", "secret/2", 300),
      Done(5, 2, "hello", "wrong_answer", "secret/1", 400),
      Done(6, 3, "sum", "wrong_answer", "secret/9", 100),  // before ville joined: not counted
  };
  std::vector<HelpRequest> help = {{7, 1, 2, "yusuf", "Yu", "hello", "", 500, false}};
  json view = web::BuildLiveView(workshop, members, submissions, help, 1800);
  ASSERT_EQ(view["participants"].size(), 3u);
  const json& aino = view["participants"][0];
  EXPECT_EQ(aino["exercise"], "sum");
  EXPECT_EQ(aino["attempts"], 2);
  EXPECT_EQ(aino["last_verdict"], "wrong_answer");
  EXPECT_EQ(aino["minutes_on_exercise"], (1800 - 120) / 60);
  EXPECT_EQ(aino["needs_help"], false);
  EXPECT_EQ(aino["last_submission_id"], 3) << "her latest submission, to open from the room";
  const json& yusuf = view["participants"][1];
  EXPECT_EQ(yusuf["exercise"], "hello");
  EXPECT_EQ(yusuf["needs_help"], true);
  EXPECT_EQ(yusuf["extra_minutes"], 10);
  const json& ville = view["participants"][2];
  EXPECT_TRUE(ville["exercise"].is_null());
  EXPECT_TRUE(ville["last_submission_id"].is_null());
  EXPECT_EQ(ville["minutes_on_exercise"], (1800 - 600) / 60);

  ASSERT_EQ(view["heatmap"].size(), 2u);
  EXPECT_EQ(view["heatmap"][0]["exercise"], "sum");
  EXPECT_EQ(view["heatmap"][0]["test"], "secret/2");
  EXPECT_EQ(view["heatmap"][0]["failures"], 2) << "latest submission of two people";
  ASSERT_EQ(view["help"].size(), 1u);
  EXPECT_EQ(view["help"][0]["submission_id"], 5) << "yusuf's latest code on hello";
  EXPECT_TRUE(view["help"][0]["answered_at"].is_null()) << "still waiting";

  json board = web::BuildScoreboard(workshop, members, submissions);
  ASSERT_EQ(board.size(), 3u);
  EXPECT_EQ(board[0]["nickname"], "Aino");
  EXPECT_EQ(board[0]["solved"], 1);
}

TEST(LiveViewTest, AnsweredHelpStaysWithTheCodeItWasAbout) {
  Workshop workshop;
  workshop.id = 1;
  workshop.exercises = {"hello"};
  std::vector<Member> members = {{2, "yusuf", "Yu", 0, 0}};
  std::vector<Submission> submissions = {Done(4, 2, "hello", "wrong_answer", "secret/1", 300),
                                         Done(5, 2, "hello", "accepted", "", 900)};
  HelpRequest asked = {7, 1, 2, "yusuf", "Yu", "hello", "why?", 400, true, 600};
  json view = web::BuildLiveView(workshop, members, submissions, {asked}, 1800);
  ASSERT_EQ(view["help"].size(), 1u);
  const json& request = view["help"][0];
  EXPECT_EQ(request["answered"], true);
  EXPECT_EQ(request["answered_at"], web::IsoTime(600));
  EXPECT_EQ(request["created_at"], web::IsoTime(400));
  EXPECT_EQ(request["submission_id"], 4) << "the code before the answer, not the later fix";
  EXPECT_EQ(view["participants"][0]["needs_help"], false);
}

// A judge client whose helper "dies" on chosen jobs.
class FakeClient : public web::JudgeClient {
 public:
  explicit FakeClient(std::atomic<int>& judged) : judged_(judged) {}
  web::Result<web::JudgeOutcome> Judge(
      const web::JudgeJob& job,
      const std::function<void(const web::JudgeProgress&)>& progress) override {
    if (job.source == "die") {
      return koodikoe::Fail(koodikoe::ErrorCode::kInternal, "the judge helper exited");
    }
    progress({0, 1, ""});
    progress({1, 1, R"({"name":"sample/1","verdict":"accepted"})"});
    ++judged_;
    return web::JudgeOutcome{"accepted", 1, 1, R"({"verdict":"accepted","tests":[]})"};
  }

 private:
  std::atomic<int>& judged_;
};

TEST(JudgeQueueTest, JudgesEachJobOnceAndGivesUpOnAPoisonousOne) {
  TempDir dir;
  auto storage = web::OpenSqliteStorage(dir.path() + "/queue.db").value();
  web::Catalog catalog;
  web::AddFakeExercises(catalog);
  web::EventHub events;
  web::Metrics metrics;
  std::atomic<int> judged{0};
  std::atomic<int> started{0};
  web::JudgeQueue queue(
      *storage, catalog, events, metrics,
      [&]() -> web::Result<std::unique_ptr<web::JudgeClient>> {
        ++started;
        return std::unique_ptr<web::JudgeClient>(new FakeClient(judged));
      },
      2);
  web::User user;
  user.username = "aino";
  user.password_hash = "x";
  int64_t user_id = storage->AddUser(user).value();
  std::vector<int64_t> ids;
  for (int i = 0; i < 20; ++i) {
    Submission s;
    s.user_id = user_id;
    s.exercise = i == 7 ? "gone" : "sum";
    s.language = "python";
    s.source = i == 3 ? "die" : "print(3)";
    ids.push_back(storage->AddSubmission(s).value());
  }
  queue.Start();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (storage->CountQueued().value() > 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  queue.Stop();
  for (int64_t id : ids) {
    auto s = storage->FindSubmission(id).value();
    ASSERT_TRUE(s);
    EXPECT_EQ(s->status, "done") << id;
    EXPECT_EQ(s->judged_count, 1) << id;
  }
  EXPECT_EQ(judged.load(), 18);
  auto poison = storage->FindSubmission(ids[3]).value();
  EXPECT_EQ(poison->verdict, "judging_error");
  EXPECT_EQ(poison->attempts, web::JudgeQueue::kMaxAttempts);
  EXPECT_EQ(storage->FindSubmission(ids[7]).value()->verdict, "judging_error");
  EXPECT_GE(started.load(), 2 + web::JudgeQueue::kMaxAttempts) << "a dead helper is replaced";

  auto batch = events.Wait(ids[0], 0, std::chrono::milliseconds(10));
  EXPECT_TRUE(batch.finished);
  EXPECT_EQ(batch.events.size(), 2u);
}

}  // namespace
}  // namespace web_test
