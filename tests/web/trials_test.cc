// Coding trials against a real server (fake judge, demo accounts): a company builds a trial,
// candidates open the invitation (each window starts then), results per candidate count only
// what was sent inside the window, CSV export, and who may see what.
#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <thread>

#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

class TrialsTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  static void SetUpTestSuite() { dir_ = new TempDir(); }
  static void TearDownTestSuite() {
    for (auto& [kind, server] : servers_) delete server;
    servers_.clear();
    delete dir_;
  }
  // One server per store for the whole suite, started by its first test.
  void SetUp() override {
    ServerProcess*& server = servers_[GetParam()];
    if (!server) {
      std::string name = GetParam() == StoreKind::kSqlite ? "trials-sqlite" : "trials-postgres";
      std::string db = NewStoreUrl(GetParam(), dir_->path(), name);
      ASSERT_FALSE(db.empty());
      server =
          ServerProcess::Start(db, {"--fake-judge", "--demo"}, dir_->path() + "/" + name + ".log")
              .release();
    }
    ASSERT_NE(server, nullptr) << "the server did not start; see its log in " << dir_->path();
    server_ = server;
  }
  Api As(const std::string& username) {
    Api api(*server_);
    EXPECT_EQ(api.Login(username, username + "-demo").status, 200);
    return api;
  }
  static TempDir* dir_;
  static std::map<StoreKind, ServerProcess*> servers_;
  ServerProcess* server_ = nullptr;
};

TempDir* TrialsTest::dir_ = nullptr;
std::map<StoreKind, ServerProcess*> TrialsTest::servers_;

void Submit(Api& api, const std::string& exercise, const std::string& source) {
  Reply sent = api.Post("/api/v1/submissions",
                        {{"exercise", exercise}, {"language", "python"}, {"source", source}});
  ASSERT_EQ(sent.status, 202) << sent.body.dump();
  api.WaitDone(sent.body["id"].get<int64_t>(), 30);
}

TEST_P(TrialsTest, CompanyBuildsATrialAndSeesResultsPerCandidate) {
  Api sari = As("sari");
  Api aino = As("aino");
  EXPECT_EQ(aino.Post("/api/v1/trials", {{"title", "x"}, {"exercises", {"hello"}}, {"minutes", 30}})
                .status,
            403)
      << "a candidate does not build trials";
  EXPECT_EQ(sari.Post("/api/v1/trials", {{"title", "x"}, {"exercises", {"nope"}}, {"minutes", 30}})
                .status,
            400);
  // Sent before the trial: must not count.
  Submit(aino, "hello", "print('Hello, world!')  # before\n");

  Reply trial =
      sari.Post("/api/v1/trials",
                {{"title", "Backend trial"}, {"exercises", {"hello", "sum"}}, {"minutes", 30}});
  ASSERT_EQ(trial.status, 200) << trial.body.dump();
  std::string code = trial.body["code"];
  std::string id = std::to_string(trial.body["id"].get<int64_t>());
  EXPECT_EQ(trial.body["invite"], "/trials/open/" + code);
  ASSERT_EQ(sari.Get("/api/v1/trials").body.size(), 1u);

  Reply results = sari.Get("/api/v1/trials/" + id + "/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_TRUE(results.body["candidates"].empty()) << "nobody has opened it";
  // Issue 17: each column's title in every language, for the table in the reader's language.
  EXPECT_EQ(
      results.body["columns"][0],
      json({{"id", "hello"}, {"title", "Hello"}, {"titles", {{"en", "Hello"}, {"fi", "Hei"}}}}));

  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  Reply opened = aino.Post("/api/v1/trials/open", {{"code", code}});
  ASSERT_EQ(opened.status, 200) << opened.body.dump();
  EXPECT_EQ(opened.body["exercises"], json::array({"hello", "sum"}));
  EXPECT_GT(opened.body["seconds_left"].get<int>(), 30 * 60 - 10);
  std::string started = opened.body["opened_at"];
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  Reply again = aino.Post("/api/v1/trials/open", {{"code", code}});
  EXPECT_EQ(again.body["opened_at"], started) << "the window starts once";
  EXPECT_EQ(aino.Post("/api/v1/trials/open", {{"code", "wrong"}}).status, 404);
  EXPECT_EQ(sari.Post("/api/v1/trials/open", {{"code", code}}).status, 403);

  results = sari.Get("/api/v1/trials/" + id + "/results");
  ASSERT_EQ(results.body["candidates"].size(), 1u);
  EXPECT_EQ(results.body["candidates"][0]["total"], 0) << "the earlier submission is outside";

  Submit(aino, "hello", "print('Hello, world!')  # in the trial\n");
  Submit(aino, "sum", "print(3)  # WRONG\n");
  results = sari.Get("/api/v1/trials/" + id + "/results");
  const json& row = results.body["candidates"][0];
  EXPECT_EQ(row["username"], "aino");
  EXPECT_EQ(row["exercises"]["hello"]["score"], 3);
  EXPECT_EQ(row["exercises"]["hello"]["verdict"], "accepted");
  EXPECT_EQ(row["exercises"]["sum"]["verdict"], "wrong_answer");
  // The total is on a common scale: each exercise's % of its maximum (3 of 3, 2 of 3), the mean.
  EXPECT_EQ(row["exercises"]["hello"]["percent"], 100);
  EXPECT_DOUBLE_EQ(row["exercises"]["sum"]["percent"].get<double>(), 66.7);
  EXPECT_DOUBLE_EQ(row["total"].get<double>(), 83.3);
  EXPECT_EQ(results.body["total_scale"], "percent");
  ASSERT_EQ(results.body["distribution"]["hello"].size(), 1u);

  Reply csv = sari.Get("/api/v1/trials/" + id + "/results.csv");
  ASSERT_EQ(csv.status, 200);
  ASSERT_TRUE(csv.body.is_string());
  std::string text = csv.body.get<std::string>();
  EXPECT_EQ(text.rfind("candidate,username,opened_at,ends_at,hello (% of max),sum (% of max),"
                       "total (mean % of max)\r\n",
                       0),
            0u)
      << text;
  EXPECT_NE(text.find(",aino,"), std::string::npos) << text;
  EXPECT_NE(text.find(",100,66.7,83.3\r\n"), std::string::npos) << text;

  // Nobody else sees the trial's results.
  Api mikko = As("mikko");
  EXPECT_EQ(mikko.Get("/api/v1/trials/" + id + "/results").status, 404);
  EXPECT_EQ(aino.Get("/api/v1/trials/" + id + "/results").status, 404);
  EXPECT_EQ(aino.Get("/api/v1/trials/" + id + "/results.csv").status, 404);
  Reply similar = sari.Get("/api/v1/trials/" + id + "/similarity");
  ASSERT_EQ(similar.status, 200);
  EXPECT_TRUE(similar.body["pairs"].empty());
}

// Issue 17: totals on a common scale. An exercise never sent counts 0 % and the total is the
// mean of the exercises' shares of their maximum, in the JSON and in the CSV alike.
TEST_P(TrialsTest, Issue17TotalsAreOnACommonScale) {
  Api sari = As("sari");
  Api yusuf = As("yusuf");
  Reply trial = sari.Post(
      "/api/v1/trials",
      {{"title", "Two exercises, one solved"}, {"exercises", {"hello", "sum"}}, {"minutes", 20}});
  ASSERT_EQ(trial.status, 200) << trial.body.dump();
  std::string code = trial.body["code"];
  std::string id = std::to_string(trial.body["id"].get<int64_t>());
  ASSERT_EQ(yusuf.Post("/api/v1/trials/open", {{"code", code}}).status, 200);

  Submit(yusuf, "hello", "print('Hello, world!')  # trial 2\n");
  Reply results = sari.Get("/api/v1/trials/" + id + "/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_EQ(results.body["total_scale"], "percent");
  const json* row = nullptr;
  for (const auto& c : results.body["candidates"]) {
    if (c["username"] == "yusuf") row = &c;
  }
  ASSERT_NE(row, nullptr) << results.body.dump();
  EXPECT_EQ((*row)["exercises"]["hello"]["percent"], 100);
  EXPECT_EQ((*row)["exercises"]["sum"]["percent"], 0);
  EXPECT_EQ((*row)["total"], 50) << "the mean of 100 % and 0 %, not the raw sum of points";

  Reply csv = sari.Get("/api/v1/trials/" + id + "/results.csv");
  ASSERT_EQ(csv.status, 200);
  std::string text = csv.body.get<std::string>();
  EXPECT_NE(text.find(",hello (% of max),sum (% of max),total (mean % of max)\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find(",yusuf,"), std::string::npos) << text;
  EXPECT_NE(text.find(",100,0,50\r\n"), std::string::npos) << text;
}

// Issue 17: before the trial starts the candidate sees what it is, how long it takes and whose
// it is, without starting it; once started, the same look shows the running window.
TEST_P(TrialsTest, Issue17TheLandingPageStartsNothing) {
  Api sari = As("sari");
  Api aino = As("aino");
  Reply trial =
      sari.Post("/api/v1/trials",
                {{"title", "Look first"}, {"exercises", {"hello", "sum"}}, {"minutes", 20}});
  ASSERT_EQ(trial.status, 200) << trial.body.dump();
  std::string code = trial.body["code"];
  std::string id = std::to_string(trial.body["id"].get<int64_t>());

  Reply preview = aino.Post("/api/v1/trials/open", {{"code", code}, {"preview", true}});
  ASSERT_EQ(preview.status, 200) << preview.body.dump();
  EXPECT_EQ(preview.body["title"], "Look first");
  EXPECT_EQ(preview.body["owner"], "sari");
  EXPECT_EQ(preview.body["minutes"], 20);
  EXPECT_EQ(preview.body["exercises"], json::array({"hello", "sum"}));
  EXPECT_EQ(preview.body["opened"], false);
  EXPECT_FALSE(preview.body.contains("ends_at"));
  EXPECT_FALSE(preview.body.contains("code")) << "the candidate is not given the owner's view";
  EXPECT_TRUE(sari.Get("/api/v1/trials/" + id + "/results").body["candidates"].empty())
      << "a preview starts no window";
  EXPECT_EQ(sari.Post("/api/v1/trials/open", {{"code", code}, {"preview", true}}).status, 403);

  Reply opened = aino.Post("/api/v1/trials/open", {{"code", code}});
  ASSERT_EQ(opened.status, 200);
  EXPECT_EQ(opened.body["opened"], true);
  preview = aino.Post("/api/v1/trials/open", {{"code", code}, {"preview", true}});
  EXPECT_EQ(preview.body["opened"], true);
  EXPECT_EQ(preview.body["ends_at"], opened.body["ends_at"]) << "Back shows the running trial";
}

INSTANTIATE_TEST_SUITE_P(Stores, TrialsTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
