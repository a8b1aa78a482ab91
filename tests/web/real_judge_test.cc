// The whole path with the real judge: server -> judge-helper -> judge -> sandbox, on the
// hello package of tests/packages.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "server_fixture.h"

namespace web_test {
namespace {

std::string PackageFile(const std::string& relative) {
  std::ifstream file(std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/hello/" + relative);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

class RealJudgeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start(dir_.path() + "/real.db",
                                   {"--demo", "--workers", "1", "--exercises",
                                    std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/hello"},
                                   dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr) << "see " << dir_.path() << "/server.log";
    api_ = std::make_unique<Api>(*server_);
    ASSERT_EQ(api_->Login("aino", "aino-demo").status, 200);
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<Api> api_;
};

TEST_F(RealJudgeTest, CorrectAndCrashingSolutionsGetTheirVerdictsLive) {
  std::string source = PackageFile("submissions/accepted/hello.py");
  ASSERT_FALSE(source.empty());
  Reply submitted = api_->Post("/api/v1/submissions",
                               {{"exercise", "hello"}, {"language", "python"}, {"source", source}});
  ASSERT_EQ(submitted.status, 202) << submitted.body.dump();
  auto events = api_->Events(submitted.body["id"], 120);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().first, "done");
  const json& done = events.back().second;
  EXPECT_EQ(done["verdict"], "accepted") << done.dump();
  EXPECT_FALSE(done["tests"].empty());
  EXPECT_GE(events.size(), 2u) << "progress before the verdict";
  // The program's output and the expected output are shown for the samples only.
  for (const auto& test : done["tests"]) {
    bool sample = test["group"] == "sample";
    for (const char* key : {"output", "stderr", "expected"}) {
      EXPECT_EQ(test.contains(key), sample) << key << " in " << test.dump();
    }
  }

  Reply crash = api_->Post("/api/v1/submissions",
                           {{"exercise", "hello"},
                            {"language", "python"},
                            {"source", PackageFile("submissions/run_time_error/crash.py")}});
  ASSERT_EQ(crash.status, 202);
  json crashed = api_->WaitDone(crash.body["id"], 120);
  EXPECT_EQ(crashed["verdict"], "run_time_error") << crashed.dump();
}

TEST_F(RealJudgeTest, RunsOnSamplesAndOnOwnInput) {
  std::string source = PackageFile("submissions/accepted/hello.py");
  Reply run = api_->Post("/api/v1/runs",
                         {{"exercise", "hello"}, {"language", "python"}, {"source", source}});
  ASSERT_EQ(run.status, 202);
  json samples = api_->WaitDone(run.body["id"], 120);
  EXPECT_EQ(samples["verdict"], "accepted") << samples.dump();
  for (const auto& test : samples["tests"]) {
    EXPECT_EQ(test["group"], "sample");
    EXPECT_EQ(test.value("output", ""), "Hello, World!\n") << test.dump();
    EXPECT_EQ(test.value("expected", ""), "Hello, World!\n") << test.dump();
  }

  Reply echo = api_->Post("/api/v1/runs", {{"exercise", "hello"},
                                           {"language", "python"},
                                           {"source", "print(input()[::-1])"},
                                           {"input", "abc\n"}});
  ASSERT_EQ(echo.status, 202);
  json output = api_->WaitDone(echo.body["id"], 120);
  EXPECT_NE(output.value("output", "").find("cba"), std::string::npos) << output.dump();
  EXPECT_TRUE(api_->Get("/api/v1/submissions").body.empty());
}

// A game's replay is served with its test: for runs on the samples and for submissions, on the
// sample and on the secret group with full feedback only (tests/packages/corridor_game).
class GameReplayTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ =
        ServerProcess::Start(dir_.path() + "/game.db",
                             {"--demo", "--workers", "1", "--exercises",
                              std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/corridor_game"},
                             dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr) << "see " << dir_.path() << "/server.log";
    api_ = std::make_unique<Api>(*server_);
    ASSERT_EQ(api_->Login("aino", "aino-demo").status, 200);
  }

  json Judge(const std::string& path, const std::string& source) {
    Reply sent = api_->Post(
        path, {{"exercise", "corridor_game"}, {"language", "python"}, {"source", source}});
    EXPECT_EQ(sent.status, 202) << sent.body.dump();
    return api_->WaitDone(sent.body["id"], 120);
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<Api> api_;
};

TEST_F(GameReplayTest, RunsAndSubmissionsCarryTheReplaysTheFeedbackRulesAllow) {
  const std::string walk =
      "goal = int(input().split()[1])\nfor _ in range(goal):\n"
      "    print('MOVE', flush=True)\n    input()\n";
  json run = Judge("/api/v1/runs", walk);
  EXPECT_EQ(run["verdict"], "accepted") << run.dump();
  ASSERT_EQ(run["tests"].size(), 1u) << run.dump();
  const json& replay = run["tests"][0]["replay"];
  EXPECT_EQ(replay["format"], "koodikoe-replay");
  EXPECT_EQ(replay["world"]["kind"], "grid");
  EXPECT_EQ(replay["frames"].size(), 4u);
  EXPECT_EQ(replay["outcome"]["result"], "success");

  json crash = Judge("/api/v1/runs", "input()\nprint('JUMP', flush=True)\ninput()\n");
  EXPECT_EQ(crash["verdict"], "wrong_answer");
  EXPECT_EQ(crash["tests"][0]["replay"]["frames"].back()["move"], "JUMP");

  json submission = Judge("/api/v1/submissions", walk);
  EXPECT_EQ(submission["verdict"], "accepted") << submission.dump();
  std::map<std::string, bool> has_replay;
  for (const json& test : submission["tests"]) {
    has_replay[test["name"]] = test.contains("replay") && test["replay"].is_object();
  }
  EXPECT_TRUE(has_replay["sample/1"]);
  EXPECT_TRUE(has_replay["secret/open/1"]);
  EXPECT_FALSE(has_replay["secret/hidden/1"]);
  EXPECT_EQ(submission.dump().find("HIDDEN-WORLD"), std::string::npos);
}

TEST_F(GameReplayTest, AGameCountsLikeEveryExercise) {
  // In the catalogue with its kind and track, in progress, as a credential, and as a track set.
  bool listed = false;
  for (const json& exercise : api_->Get("/api/v1/exercises").body) {
    if (exercise["id"] != "corridor_game") continue;
    listed = true;
    EXPECT_EQ(exercise["kind"], "game");
    EXPECT_EQ(exercise["track"], "games");
  }
  EXPECT_TRUE(listed);
  json done = Judge("/api/v1/submissions",
                    "goal = int(input().split()[1])\nfor _ in range(goal):\n"
                    "    print('MOVE', flush=True)\n    input()\n");
  ASSERT_EQ(done["verdict"], "accepted") << done.dump();
  json progress = api_->Get("/api/v1/progress").body;
  EXPECT_EQ(progress["by_track"]["games"]["solved"], 1) << progress.dump();
  Reply credential = api_->Get("/api/v1/credentials/corridor_game");
  EXPECT_EQ(credential.status, 200) << credential.body.dump();
  EXPECT_NE(credential.body.dump().find("OpenBadgeCredential"), std::string::npos);
  Api trainer(*server_);
  ASSERT_EQ(trainer.Login("mikko", "mikko-demo").status, 200);
  bool track_set = false;
  for (const json& set : trainer.Get("/api/v1/exercise-sets").body) {
    track_set = track_set || set["id"] == "track-games";
  }
  EXPECT_TRUE(track_set);
}

}  // namespace
}  // namespace web_test
