// Judging a team's commit (issue 20) against a real `koodikoe serve` with the real judge and
// sandbox, on both stores: two members push with the real `git` client, a member judges main
// or a chosen commit through the submission queue, and the team's judgings show each
// scenario's verdict to the team and the workshop's trainer only.
#include <gtest/gtest.h>

#include "git_shell.h"
#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

const std::string kHealth = std::string(KOODIKOE_SOURCE_DIR) + "/exercises/fullstack/health";

class TeamJudgeTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    std::string db = NewStoreUrl(GetParam(), dir_.path(), "judge");
    ASSERT_FALSE(db.empty());
    server_ = ServerProcess::Start(
        db, {"--demo", "--workers", "1", "--data", dir_.path() + "/data", "--exercises", kHealth},
        dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr) << "see " << dir_.path() << "/server.log";
  }

  Api As(const std::string& username) {
    Api api(*server_);
    Reply login = api.Login(username, username + "-demo");
    EXPECT_EQ(login.status, 200) << login.body.dump();
    return api;
  }

  // A team of aino and yusuf on the `health` service exercise, trained by mikko. Aino pushes
  // a service without the /version route, yusuf adds it on top.
  void FormTeamAndPush() {
    Api mikko = As("mikko");
    for (const char* who : {"aino", "yusuf"}) {
      ASSERT_EQ(As(who).Post("/api/v1/workshops/join", {{"code", "DEMO42"}}).status, 200);
    }
    int64_t workshop = mikko.Get("/api/v1/workshops").body[0]["id"];
    Reply project = mikko.Post("/api/v1/workshops/" + std::to_string(workshop) + "/projects",
                               {{"exercise", "health"}});
    ASSERT_EQ(project.status, 200) << project.body.dump();
    Reply team =
        mikko.Post("/api/v1/projects/" + std::to_string(project.body.value("id", 0)) + "/teams",
                   {{"name", "Crew"}, {"members", {"aino", "yusuf"}}});
    ASSERT_EQ(team.status, 200) << team.body.dump();
    team_ = "/api/v1/teams/" + std::to_string(team.body.value("id", 0));
    std::string url = team.body.value("clone_url", "");
    std::string work = dir_.path();

    ASSERT_EQ(Shell(work, "git clone -q '" + UrlAs(url, "aino", "aino-demo") + "' a").status, 0);
    Ran aino = Shell(work + "/a",
                     "sed '/\"\\/version\"/d' '" + kHealth +
                         "/submissions/accepted/health.py' > app.py && printf "
                         "'#!/bin/sh\\nexec python3 app.py\\n' > run && chmod +x run && "
                         "git add app.py run && git commit -qm 'Aino: health' && git push -q && "
                         "git rev-parse HEAD",
                     "aino");
    ASSERT_EQ(aino.status, 0) << aino.output;
    aino_commit_ = aino.output.substr(0, 40);

    ASSERT_EQ(Shell(work, "git clone -q '" + UrlAs(url, "yusuf", "yusuf-demo") + "' b").status, 0);
    Ran yusuf = Shell(work + "/b",
                      "cp '" + kHealth +
                          "/submissions/accepted/health.py' app.py && git commit -qam "
                          "'Yusuf: version' && git push -q && git rev-parse HEAD",
                      "yusuf");
    ASSERT_EQ(yusuf.status, 0) << yusuf.output;
    head_ = yusuf.output.substr(0, 40);
  }

  // The scenario verdicts of a judging in the list, by name.
  static std::map<std::string, std::string> Verdicts(const json& judging) {
    std::map<std::string, std::string> out;
    for (const auto& scenario : judging["scenarios"]) out[scenario["name"]] = scenario["verdict"];
    return out;
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::string team_;
  std::string aino_commit_;
  std::string head_;
};

TEST_P(TeamJudgeTest, AMemberJudgesMainOrACommitAndGetsEachScenariosVerdict) {
  ASSERT_NO_FATAL_FAILURE(FormTeamAndPush());
  Api aino = As("aino");
  Api yusuf = As("yusuf");
  Reply head = yusuf.Post(team_ + "/judge", json::object());
  ASSERT_EQ(head.status, 202) << head.body.dump();
  EXPECT_EQ(head.body.value("commit", ""), head_);
  EXPECT_EQ(head.body.value("kind", ""), "team");
  Reply chosen = aino.Post(team_ + "/judge", {{"commit", aino_commit_}});
  ASSERT_EQ(chosen.status, 202) << chosen.body.dump();
  EXPECT_EQ(chosen.body.value("commit", ""), aino_commit_);

  // Followed as any submission, by every member of the team.
  json judged = aino.WaitDone(head.body["id"], 240);
  EXPECT_EQ(judged.value("verdict", ""), "accepted") << judged.dump();
  EXPECT_EQ(judged.value("commit", ""), head_);
  json failing = yusuf.WaitDone(chosen.body["id"], 240);
  EXPECT_EQ(failing.value("verdict", ""), "wrong_answer") << failing.dump();

  // The team's judgings, newest first, for the team and its trainer.
  Reply list = As("mikko").Get(team_ + "/judgements");
  ASSERT_EQ(list.status, 200) << list.body.dump();
  ASSERT_EQ(list.body.size(), 2u) << list.body.dump();
  const json& mine = list.body[0];
  EXPECT_EQ(mine.value("user", ""), "aino");
  EXPECT_EQ(mine.value("commit", ""), aino_commit_);
  EXPECT_EQ(mine.value("verdict", ""), "wrong_answer");
  auto verdicts = Verdicts(mine);
  ASSERT_EQ(verdicts.size(), 4u) << mine.dump() << " every scenario, past the first failing";
  EXPECT_EQ(verdicts["secret/2-version"], "wrong_answer") << mine.dump();
  EXPECT_EQ(verdicts["secret/1-health"], "accepted") << mine.dump();
  const json& theirs = list.body[1];
  EXPECT_EQ(theirs.value("user", ""), "yusuf");
  EXPECT_EQ(theirs.value("verdict", ""), "accepted");
  for (const auto& [name, verdict] : Verdicts(theirs)) EXPECT_EQ(verdict, "accepted") << name;
  EXPECT_EQ(aino.Get(team_ + "/judgements").body.size(), 2u);
}

TEST_P(TeamJudgeTest, OnlyMembersJudgeAndOnlyTheTeamAndTrainerSeeTheJudgings) {
  ASSERT_NO_FATAL_FAILURE(FormTeamAndPush());
  Api sari = As("sari");
  Reply outsider = sari.Post(team_ + "/judge", json::object());
  EXPECT_EQ(outsider.status, 404) << outsider.body.dump();
  EXPECT_EQ(outsider.body.value("error", ""), "unknown_team");
  EXPECT_EQ(sari.Get(team_ + "/judgements").status, 404);
  Reply trainer = As("mikko").Post(team_ + "/judge", json::object());
  EXPECT_EQ(trainer.status, 403) << trainer.body.dump();
  Api aino = As("aino");
  Reply unknown = aino.Post(team_ + "/judge", {{"commit", "0123456789abcdef"}});
  EXPECT_EQ(unknown.status, 400) << unknown.body.dump();
  EXPECT_EQ(unknown.body.value("error", ""), "unknown_commit");
  Reply option = aino.Post(team_ + "/judge", {{"commit", "--output=/tmp/x"}});
  EXPECT_EQ(option.body.value("error", ""), "unknown_commit");
  EXPECT_EQ(As("mikko").Get(team_ + "/judgements").body.size(), 0u);

  Reply judging = aino.Post(team_ + "/judge", {{"commit", "main~1"}});
  ASSERT_EQ(judging.status, 202) << judging.body.dump();
  EXPECT_EQ(judging.body.value("commit", ""), aino_commit_);
  int64_t id = judging.body["id"];
  EXPECT_EQ(sari.Get("/api/v1/submissions/" + std::to_string(id)).status, 404);
  EXPECT_EQ(As("yusuf").WaitDone(id, 240).value("verdict", ""), "wrong_answer");
}

INSTANTIATE_TEST_SUITE_P(Stores, TeamJudgeTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
