// Team projects (issue 20) against a real `koodikoe serve` on loopback and the real `git`
// client: teams formed through the API on both stores, then clone, commit and push as two
// members over git's smart HTTP; pushes over the limits, with a symbolic link, and by
// someone outside the team refused with words the pusher's git shows.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <random>

#include "git_shell.h"
#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

void WriteRandomFile(const std::string& path, size_t bytes, unsigned seed) {
  std::mt19937 random(seed);
  std::string data(bytes, '\0');
  for (auto& c : data) c = static_cast<char>(random());
  std::ofstream(path, std::ios::binary) << data;
}

class TeamGitTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    std::string db = NewStoreUrl(GetParam(), dir_.path(), "teams");
    ASSERT_FALSE(db.empty());
    server_ = ServerProcess::Start(db, {"--fake-judge", "--demo", "--data", dir_.path() + "/data"},
                                   dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr) << "see " << dir_.path() << "/server.log";
  }

  Api As(const std::string& username, const std::string& password = "") {
    Api api(*server_);
    Reply login = api.Login(username, password.empty() ? username + "-demo" : password);
    EXPECT_EQ(login.status, 200) << login.body.dump();
    return api;
  }

  // A team of aino and yusuf in a project on the `health` service exercise; its clone_url.
  std::string FormTeam() {
    Api mikko = As("mikko");
    for (const char* who : {"aino", "yusuf"}) {
      EXPECT_EQ(As(who).Post("/api/v1/workshops/join", {{"code", "DEMO42"}}).status, 200);
    }
    Reply workshops = mikko.Get("/api/v1/workshops");
    int64_t workshop = workshops.body[0]["id"];
    Reply project = mikko.Post("/api/v1/workshops/" + std::to_string(workshop) + "/projects",
                               {{"exercise", "health"}});
    EXPECT_EQ(project.status, 200) << project.body.dump();
    std::string teams =
        "/api/v1/projects/" + std::to_string(project.body.value("id", 0)) + "/teams";
    Reply team = mikko.Post(teams, {{"name", "Crew"}, {"members", {"aino", "yusuf"}}});
    EXPECT_EQ(team.status, 200) << team.body.dump();
    return team.body.value("clone_url", "");
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(TeamGitTest, TrainerFormsTeamsOfTwoToSixOnServiceExercisesOnly) {
  Api mikko = As("mikko");
  for (const char* who : {"aino", "yusuf"}) {
    ASSERT_EQ(As(who).Post("/api/v1/workshops/join", {{"code", "DEMO42"}}).status, 200);
  }
  int64_t workshop = mikko.Get("/api/v1/workshops").body[0]["id"];
  std::string projects = "/api/v1/workshops/" + std::to_string(workshop) + "/projects";
  Reply batch = mikko.Post(projects, {{"exercise", "greeting"}});
  EXPECT_EQ(batch.status, 400);
  EXPECT_EQ(batch.body.value("error", ""), "not_a_service");
  EXPECT_EQ(As("aino").Post(projects, {{"exercise", "health"}}).status, 403);
  Reply project = mikko.Post(projects, {{"exercise", "health"}, {"title", "Health team"}});
  ASSERT_EQ(project.status, 200) << project.body.dump();
  std::string base = "/api/v1/projects/" + std::to_string(project.body.value("id", 0));

  Reply alone = mikko.Post(base + "/teams", {{"name", "One"}, {"members", {"aino"}}});
  EXPECT_EQ(alone.body.value("error", ""), "team_size");
  Reply outsider = mikko.Post(base + "/teams", {{"name", "Two"}, {"members", {"aino", "sari"}}});
  EXPECT_EQ(outsider.body.value("error", ""), "unknown_member");
  Reply team = mikko.Post(base + "/teams", {{"name", "Crew"}, {"members", {"aino", "yusuf"}}});
  ASSERT_EQ(team.status, 200) << team.body.dump();
  EXPECT_EQ(team.body["members"].size(), 2u);
  std::string url = team.body.value("clone_url", "");
  EXPECT_NE(url.find("/git/teams/"), std::string::npos) << url;

  // Members and the trainer see the team; others do not learn it exists.
  std::string path = "/api/v1/teams/" + std::to_string(team.body.value("id", 0));
  EXPECT_EQ(As("aino").Get(path).body.value("clone_url", ""), url);
  EXPECT_EQ(mikko.Get(path).status, 200);
  Reply company = As("sari").Get(path);
  EXPECT_EQ(company.status, 404);
  EXPECT_EQ(company.body.value("error", ""), "unknown_team");
  EXPECT_EQ(As("sari").Get(base).status, 404);
  EXPECT_EQ(As("aino").Get(base).body["teams"].size(), 1u);

  // Someone already in a team cannot start another; a new member joins with the code.
  EXPECT_EQ(As("aino").Post(base + "/teams", {{"name", "Solo"}}).body.value("error", ""),
            "already_in_team");
  Api admin = As("admin");
  ASSERT_EQ(admin
                .Post("/api/v1/users",
                      {{"username", "ville"}, {"password", "ville-pass-1"}, {"role", "candidate"}})
                .status,
            200);
  Api ville = As("ville", "ville-pass-1");
  std::string code = team.body.value("join_code", "");
  EXPECT_EQ(ville.Post("/api/v1/teams/join", {{"code", code}}).body.value("error", ""),
            "not_a_member");
  ASSERT_EQ(ville.Post("/api/v1/workshops/join", {{"code", "DEMO42"}}).status, 200);
  Reply joined = ville.Post("/api/v1/teams/join", {{"code", code}});
  ASSERT_EQ(joined.status, 200) << joined.body.dump();
  EXPECT_EQ(joined.body["members"].size(), 3u);
  EXPECT_EQ(ville.Post("/api/v1/teams/join", {{"code", "TNOSUCH"}}).body.value("error", ""),
            "unknown_team_code");

  // Three more make six, the most a team may have; the seventh is refused.
  for (int i = 1; i <= 4; ++i) {
    std::string name = "member" + std::to_string(i);
    ASSERT_EQ(admin
                  .Post("/api/v1/users",
                        {{"username", name}, {"password", name + "-pass"}, {"role", "candidate"}})
                  .status,
              200);
    Api member = As(name, name + "-pass");
    ASSERT_EQ(member.Post("/api/v1/workshops/join", {{"code", "DEMO42"}}).status, 200);
    Reply joining = member.Post("/api/v1/teams/join", {{"code", code}});
    if (i < 4) {
      EXPECT_EQ(joining.status, 200) << joining.body.dump();
    } else {
      EXPECT_EQ(joining.status, 409);
      EXPECT_EQ(joining.body.value("error", ""), "team_full");
    }
  }
  EXPECT_EQ(mikko.Get(path).body["members"].size(), 6u);
}

TEST_P(TeamGitTest, TwoMembersCloneCommitAndPushOverHttp) {
  std::string url = FormTeam();
  ASSERT_FALSE(url.empty());
  std::string work = dir_.path();
  Ran cloned = Shell(work, "git clone -q '" + UrlAs(url, "aino", "aino-demo") + "' a");
  ASSERT_EQ(cloned.status, 0) << cloned.output;
  EXPECT_EQ(Shell(work + "/a", "test -f README.md").status, 0) << "the template's README";

  WriteText(work + "/a/app.py", "print('alive')\n");
  Ran pushed = Shell(work + "/a", "git add app.py && git commit -qm 'Aino: app' && git push -q");
  ASSERT_EQ(pushed.status, 0) << pushed.output;

  Ran second = Shell(work, "git clone -q '" + UrlAs(url, "yusuf", "yusuf-demo") + "' b");
  ASSERT_EQ(second.status, 0) << second.output;
  EXPECT_EQ(Shell(work + "/b", "grep -q alive app.py").status, 0) << "yusuf sees aino's commit";
  WriteText(work + "/b/app.py", "print('alive and well')\n");
  Ran on_top = Shell(work + "/b", "git commit -qam 'Yusuf: better' && git push -q");
  ASSERT_EQ(on_top.status, 0) << on_top.output;

  // Many local commits make git compress its fetch negotiation: that body is accepted too.
  Ran local = Shell(work + "/a",
                    "git checkout -qb side && for i in $(seq 40); do echo $i > n.txt && git add "
                    "n.txt && git commit -qm \"local $i\"; done && git checkout -q main && "
                    "GIT_TRACE_CURL_NO_DATA=1 git pull -q --no-rebase");
  ASSERT_EQ(local.status, 0) << local.output;
  EXPECT_EQ(Shell(work + "/a", "grep -q well app.py").status, 0) << "aino pulls yusuf's commit";
  Ran history = Shell(work + "/a", "git log --format=%s");
  EXPECT_NE(history.output.find("Yusuf: better"), std::string::npos) << history.output;
  EXPECT_NE(history.output.find("Aino: app"), std::string::npos) << history.output;
}

TEST_P(TeamGitTest, PushesOverTheLimitsOrWithLinksAreRefusedWithTheirReason) {
  std::string url = FormTeam();
  ASSERT_FALSE(url.empty());
  std::string repo = dir_.path() + "/a";
  ASSERT_EQ(Shell(dir_.path(), "git clone -q '" + UrlAs(url, "aino", "aino-demo") + "' a").status,
            0);

  WriteRandomFile(repo + "/big.bin", 2u << 20, 1);
  Ran big = Shell(repo, "git add big.bin && git commit -qm big && git push");
  EXPECT_NE(big.status, 0);
  EXPECT_NE(big.output.find("remote: koodikoe: refused: big.bin is 2097152 bytes"),
            std::string::npos)
      << big.output;
  EXPECT_NE(big.output.find("at most 1048576 bytes"), std::string::npos) << big.output;
  ASSERT_EQ(Shell(repo, "git reset -q --hard origin/main").status, 0);

  Ran link = Shell(repo,
                   "ln -s ../../../etc/passwd leak && git add leak && git commit -qm link "
                   "&& git push");
  EXPECT_NE(link.status, 0);
  EXPECT_NE(link.output.find("remote: koodikoe: refused: leak is a symbolic link"),
            std::string::npos)
      << link.output;
  ASSERT_EQ(Shell(repo, "git reset -q --hard origin/main").status, 0);

  // Nine files of 1 MiB each (each within the file limit) make a pack over 8 MiB.
  for (unsigned i = 0; i < 9; ++i) {
    WriteRandomFile(repo + "/part" + std::to_string(i) + ".bin", 1u << 20, 10 + i);
  }
  Ran pack = Shell(repo, "git add . && git commit -qm parts && git push");
  EXPECT_NE(pack.status, 0);
  EXPECT_NE(pack.output.find("remote: fatal: pack exceeds maximum allowed size"), std::string::npos)
      << pack.output;
  ASSERT_EQ(Shell(repo, "git reset -q --hard origin/main").status, 0);

  // The shared history is never rewritten or deleted.
  Ran rewrite = Shell(repo, "git commit -q --amend -m rewritten && git push --force");
  EXPECT_NE(rewrite.status, 0);
  EXPECT_NE(rewrite.output.find("non-fast-forward"), std::string::npos) << rewrite.output;
  ASSERT_EQ(Shell(repo, "git reset -q --hard origin/main").status, 0);
  Ran deleted = Shell(repo, "git push origin :main");
  EXPECT_NE(deleted.status, 0);
  EXPECT_NE(deleted.output.find("remote: koodikoe: refused: main is the team's shared branch"),
            std::string::npos)
      << deleted.output;

  // Nothing refused reached the repository: a fresh clone has only the first commit.
  ASSERT_EQ(Shell(dir_.path(), "git clone -q '" + UrlAs(url, "yusuf", "yusuf-demo") + "' c").status,
            0);
  EXPECT_EQ(Shell(dir_.path() + "/c", "git rev-list --count HEAD").output, "1\n");
}

TEST_P(TeamGitTest, OnlyTheTeamsMembersMayCloneOrPush) {
  std::string url = FormTeam();
  ASSERT_FALSE(url.empty());
  Api admin = As("admin");
  ASSERT_EQ(admin
                .Post("/api/v1/users",
                      {{"username", "ville"}, {"password", "ville-pass-1"}, {"role", "candidate"}})
                .status,
            200);
  std::string work = dir_.path();
  Ran clone = Shell(work, "git clone -q '" + UrlAs(url, "ville", "ville-pass-1") + "' v");
  EXPECT_NE(clone.status, 0);
  EXPECT_NE(clone.output.find("403"), std::string::npos) << clone.output;
  Ran trainer = Shell(work, "git clone -q '" + UrlAs(url, "mikko", "mikko-demo") + "' m");
  EXPECT_NE(trainer.status, 0);
  EXPECT_NE(trainer.output.find("403"), std::string::npos) << trainer.output;
  Ran wrong = Shell(work, "git clone -q '" + UrlAs(url, "aino", "not-her-password") + "' w");
  EXPECT_NE(wrong.status, 0);
  EXPECT_NE(wrong.output.find("Authentication failed"), std::string::npos) << wrong.output;
  Ran anonymous = Shell(work, "git clone -q '" + url + "' n");
  EXPECT_NE(anonymous.status, 0);

  Ran push = Shell(work,
                   "git init -q -b main v2 && cd v2 && echo x > x && git add x && "
                   "git commit -qm x && git push '" +
                       UrlAs(url, "ville", "ville-pass-1") + "' main");
  EXPECT_NE(push.status, 0);
  EXPECT_NE(push.output.find("403"), std::string::npos) << push.output;
  // Raw: the receive-pack service itself answers a non-member 403, whatever the client.
  httplib::Client client("127.0.0.1", server_->port());
  client.set_basic_auth("ville", "ville-pass-1");
  std::string path = url.substr(url.find("/git/"));
  auto refs = client.Get(path + "/info/refs?service=git-receive-pack");
  ASSERT_TRUE(refs);
  EXPECT_EQ(refs->status, 403);
  auto posted =
      client.Post(path + "/git-receive-pack", "0000", "application/x-git-receive-pack-request");
  ASSERT_TRUE(posted);
  EXPECT_EQ(posted->status, 403);
  EXPECT_NE(posted->body.find("not a member"), std::string::npos) << posted->body;

  // The members still can.
  Ran member = Shell(work, "git clone -q '" + UrlAs(url, "yusuf", "yusuf-demo") +
                               "' y && cd y "
                               "&& echo hi > hi.txt && git add hi.txt && git commit -qm hi && "
                               "git push -q");
  EXPECT_EQ(member.status, 0) << member.output;
}

// A repository left on the data directory by another database is never served to the team
// that gets its number in this one.
TEST_P(TeamGitTest, ANewTeamNeverGetsAnOldRepositoryOfItsNumber) {
  std::string url = FormTeam();
  ASSERT_FALSE(url.empty());
  std::string work = dir_.path();
  ASSERT_EQ(Shell(work, "git clone -q '" + UrlAs(url, "aino", "aino-demo") +
                            "' a && cd a && echo old > old.txt && git add old.txt && "
                            "git commit -qm old && git push -q")
                .status,
            0);
  server_.reset();
  std::string db = NewStoreUrl(GetParam(), dir_.path(), "teams-again");
  server_ = ServerProcess::Start(db, {"--fake-judge", "--demo", "--data", dir_.path() + "/data"},
                                 dir_.path() + "/server-again.log");
  ASSERT_NE(server_, nullptr);
  std::string again = FormTeam();
  EXPECT_EQ(again.substr(again.find("/git/")), url.substr(url.find("/git/"))) << "same number";
  ASSERT_EQ(Shell(work, "git clone -q '" + UrlAs(again, "aino", "aino-demo") + "' b").status, 0);
  EXPECT_EQ(Shell(work + "/b", "git rev-list --count HEAD").output, "1\n");
  EXPECT_NE(Shell(work + "/b", "test -f old.txt").status, 0);
}

// What judging a team's commit will rest on: the commit checked out read-only (git archive of
// the server's repository) is a program of several files with an entry command (`run`), and
// the existing service judge runs the package's scenarios against it, one verdict each.
TEST_P(TeamGitTest, ACommitOfTheTeamIsJudgedByTheServiceScenarios) {
  std::string url = FormTeam();
  ASSERT_FALSE(url.empty());
  std::string work = dir_.path();
  std::string health = std::string(KOODIKOE_SOURCE_DIR) + "/exercises/fullstack/health";
  ASSERT_EQ(Shell(work, "git clone -q '" + UrlAs(url, "aino", "aino-demo") + "' a").status, 0);
  Ran pushed =
      Shell(work + "/a", "cp '" + health +
                             "/submissions/accepted/health.py' app.py && printf "
                             "'#!/bin/sh\\nexec python3 app.py\\n' > run && chmod +x run && "
                             "git add app.py run && git commit -qm service && git push -q");
  ASSERT_EQ(pushed.status, 0) << pushed.output;
  Ran broken = Shell(work + "/a", "cp '" + health +
                                      "/submissions/wrong_answer/plain_text.py' app.py && "
                                      "git commit -qam broken && git push -q");
  ASSERT_EQ(broken.status, 0) << broken.output;

  std::string repo = work + "/data/teams/" + url.substr(url.rfind('/') + 1);
  auto judge = [&](const std::string& commit) {
    std::string tree = work + "/tree-" + commit.substr(0, commit.find('~'));
    Ran exported = Shell(work, "mkdir -p '" + tree + "' && git --git-dir='" + repo + "' archive '" +
                                   commit + "' | tar -x -C '" + tree + "'");
    EXPECT_EQ(exported.status, 0) << exported.output;
    Ran judged = Shell(work, std::string("'") + KOODIKOE_BINARY + "' judge '" + health + "' '" +
                                 tree + "' --json 2>/dev/null | tail -n 1");
    return json::parse(judged.output, nullptr, false);
  };
  json good = judge("main~1");
  ASSERT_TRUE(good.is_object());
  EXPECT_EQ(good.value("verdict", ""), "accepted") << good.dump();
  EXPECT_GE(good["tests"].size(), 2u);
  json bad = judge("main");
  ASSERT_TRUE(bad.is_object());
  EXPECT_EQ(bad.value("verdict", ""), "wrong_answer") << bad.dump();
}

INSTANTIATE_TEST_SUITE_P(Stores, TeamGitTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
