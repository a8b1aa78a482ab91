// Judging a team's commit (issue 20) against a real `koodikoe serve` with the real judge and
// sandbox, on both stores: two members push with the real `git` client, a member judges main
// or a chosen commit through the submission queue, and the team's judgings show each
// scenario's verdict to the team and the workshop's trainer only.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include "git_shell.h"
#include "pg_fixture.h"
#include "server_fixture.h"
#include "storage/storage.h"

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

  // A team of aino and yusuf on the `health` service exercise, trained by mikko.
  void FormTeam() {
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
    url_ = team.body.value("clone_url", "");
  }

  // Aino pushes a service without the /version route; yusuf adds it on top (his commit
  // claiming aino as its author: what counts is who pushed it).
  void FormTeamAndPush() {
    ASSERT_NO_FATAL_FAILURE(FormTeam());
    const std::string& url = url_;
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
                          "'Version' && git push -q && git rev-parse HEAD",
                      "aino");
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
  std::string url_;
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
  EXPECT_EQ(verdicts["scenarios/2-version"], "wrong_answer") << mine.dump();
  EXPECT_EQ(verdicts["scenarios/1-health"], "accepted") << mine.dump();
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

TEST_P(TeamJudgeTest, ContributionsCountWhatEachMemberPushedAndTheScenariosTheyFixed) {
  ASSERT_NO_FATAL_FAILURE(FormTeamAndPush());
  std::string work = dir_.path() + "/a";
  // Aino adds notes and moves them: the move is the same file, no lines of its own.
  Ran notes = Shell(work,
                    "git pull -q --no-rebase && printf 'one\\ntwo\\nthree\\n' > notes.md && "
                    "git add notes.md && git commit -qm notes && mkdir docs && git mv notes.md "
                    "docs/notes.md && git commit -qm moved && git push -q",
                    "aino");
  ASSERT_EQ(notes.status, 0) << notes.output;
  int64_t service_lines =
      std::stoll(Shell(work, "git show " + aino_commit_ + ":app.py | wc -l").output);

  Api aino = As("aino");
  int64_t first = aino.Post(team_ + "/judge", {{"commit", aino_commit_}}).body.value("id", 0);
  int64_t second = aino.Post(team_ + "/judge", {{"commit", head_}}).body.value("id", 0);
  ASSERT_NE(first, 0);
  ASSERT_NE(second, 0);
  EXPECT_EQ(aino.WaitDone(first, 240).value("verdict", ""), "wrong_answer");
  EXPECT_EQ(aino.WaitDone(second, 240).value("verdict", ""), "accepted");

  Reply got = As("mikko").Get(team_ + "/contributions");
  ASSERT_EQ(got.status, 200) << got.body.dump();
  EXPECT_EQ(got.body.value("unattributed_commits", -1), 1) << "the template's first commit";
  std::map<std::string, json> by_name;
  for (const auto& member : got.body["members"]) by_name[member["username"]] = member;
  ASSERT_EQ(by_name.size(), 2u) << got.body.dump();
  const json& a = by_name["aino"];
  EXPECT_EQ(a.value("commits", 0), 3) << a.dump();
  EXPECT_EQ(a.value("files", 0), 3) << "app.py, run, docs/notes.md: " << a.dump();
  EXPECT_EQ(a.value("lines_added", 0), service_lines + 2 + 3) << a.dump();
  EXPECT_EQ(a.value("lines_removed", -1), 0) << a.dump();
  EXPECT_EQ(a["scenarios_fixed"], json::array()) << a.dump();
  const json& y = by_name["yusuf"];
  EXPECT_EQ(y.value("commits", 0), 1) << "pushed by yusuf, whoever the author line names";
  EXPECT_EQ(y.value("files", 0), 1) << y.dump();
  EXPECT_EQ(y.value("lines_added", 0), 1) << y.dump();
  EXPECT_EQ(y.value("lines_removed", -1), 0) << y.dump();
  EXPECT_EQ(y["scenarios_fixed"], json::array({"scenarios/2-version"})) << y.dump();
  EXPECT_EQ(As("sari").Get(team_ + "/contributions").status, 404);
}

std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> files;
  archive* in = archive_read_new();
  archive_read_support_format_zip(in);
  if (archive_read_open_memory(in, bytes.data(), bytes.size()) == ARCHIVE_OK) {
    archive_entry* entry;
    while (archive_read_next_header(in, &entry) == ARCHIVE_OK) {
      std::string content;
      char chunk[4096];
      la_ssize_t got;
      while ((got = archive_read_data(in, chunk, sizeof chunk)) > 0) content.append(chunk, got);
      files[archive_entry_pathname(entry)] = content;
    }
  }
  archive_read_free(in);
  return files;
}

TEST_P(TeamJudgeTest, ReflectionsAndNotesAreForTheTeamAndTrainerAndGoWithTheAccount) {
  ASSERT_NO_FATAL_FAILURE(FormTeam());
  Api aino = As("aino");
  Api mikko = As("mikko");
  Reply written = aino.Put(team_ + "/reflection", {{"text", "I built the health route."}});
  ASSERT_EQ(written.status, 200) << written.body.dump();
  EXPECT_EQ(aino.Put(team_ + "/reflection", {{"text", std::string(4001, 'x')}}).status, 413);
  EXPECT_EQ(mikko.Put(team_ + "/reflection", {{"text", "mine"}}).status, 403);
  EXPECT_EQ(As("sari").Put(team_ + "/reflection", {{"text", "mine"}}).status, 404);
  Reply noted = mikko.Put(team_ + "/members/aino/note", {{"note", "Steady work."}});
  ASSERT_EQ(noted.status, 200) << noted.body.dump();
  EXPECT_EQ(aino.Put(team_ + "/members/aino/note", {{"note", "great"}}).status, 403);
  EXPECT_EQ(mikko.Put(team_ + "/members/sari/note", {{"note", "x"}}).status, 404);

  for (const char* who : {"yusuf", "mikko"}) {
    Reply team = As(who).Get(team_);
    ASSERT_EQ(team.status, 200) << team.body.dump();
    ASSERT_EQ(team.body["reflections"].size(), 2u) << team.body.dump();
    const json& first = team.body["reflections"][0];
    EXPECT_EQ(first.value("username", ""), "aino");
    EXPECT_EQ(first.value("reflection", ""), "I built the health route.") << who;
    EXPECT_EQ(first.value("trainer_note", ""), "Steady work.") << who;
    EXPECT_EQ(team.body["reflections"][1].value("reflection", "?"), "");
  }
  EXPECT_EQ(As("sari").Get(team_).status, 404);

  Reply zip = aino.Get("/api/v1/me/export");
  ASSERT_EQ(zip.status, 200);
  auto files = Unzip(zip.body.get<std::string>());
  json data = json::parse(files["koodikoe-aino/data.json"], nullptr, false);
  ASSERT_TRUE(data.is_object()) << files.size();
  ASSERT_EQ(data["team_reflections"].size(), 1u) << data.dump();
  EXPECT_EQ(data["team_reflections"][0].value("reflection", ""), "I built the health route.");
  EXPECT_EQ(data["team_reflections"][0].value("trainer_note", ""), "Steady work.");

  ASSERT_EQ(aino.Delete("/api/v1/me", {{"password", "aino-demo"}}).status, 200);
  Reply after = mikko.Get(team_);
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.body.dump().find("I built the health route."), std::string::npos)
      << after.body.dump();
}

// The queue's fairness through the Storage interface: a job of `user` on the health service.
web::Submission Job(int64_t user) {
  web::Submission submission;
  submission.user_id = user;
  submission.exercise = "health";
  submission.language = "python";
  submission.source = "print(3)";
  submission.created_at = 10;
  return submission;
}

int64_t Queue(web::Storage& storage, int64_t user) {
  return storage.AddSubmission(Job(user)).value();
}

// Claims the next job and finishes it at once, as one worker would; its id, or 0.
int64_t JudgeNext(web::Storage& storage) {
  auto job = storage.ClaimNextQueued(100).value();
  if (!job) return 0;
  EXPECT_TRUE(storage.FinishSubmission(job->id, "accepted", 1, 1, "{}", 101).value());
  return job->id;
}

class TeamQueueTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  TempDir dir_;
};

// Issue 20: a team's judgings, asked by any of its members, take one turn as one submitter:
// a team of three each flooding does not get three turns for one of a lone candidate.
TEST_P(TeamQueueTest, ATeamTakesTurnsAsOneSubmitter) {
  std::string url = NewStoreUrl(GetParam(), dir_.path(), "turns");
  ASSERT_FALSE(url.empty());
  auto opened = web::OpenStorage(url);
  ASSERT_TRUE(opened) << opened.error().Describe();
  auto& storage = *opened;
  int64_t trainer = AddStoredUser(*storage, "mikko");
  std::vector<int64_t> members;
  for (const char* name : {"aino", "yusuf", "sari"})
    members.push_back(AddStoredUser(*storage, name));
  int64_t oona = AddStoredUser(*storage, "oona");
  web::Workshop workshop;
  workshop.title = "Team week";
  workshop.trainer_id = trainer;
  workshop.join_code = "TEAMS1";
  int64_t workshop_id = storage->AddWorkshop(workshop).value();
  int64_t project = storage->AddProject({0, workshop_id, "health", "Health", 10}).value();
  web::Team team;
  team.project_id = project;
  team.name = "Crew";
  team.join_code = "TCREW01";
  team.created_at = 10;
  int64_t team_id = storage->AddTeam(team, members).value();
  std::vector<int64_t> flood;
  for (int round = 0; round < 2; ++round) {
    for (int64_t member : members) {
      web::Submission judging = Job(member);
      judging.source = "";
      judging.team_id = team_id;
      judging.commit_sha = std::string(40, 'a');
      flood.push_back(storage->AddSubmission(judging).value());
    }
  }
  EXPECT_EQ(JudgeNext(*storage), flood[0]);
  int64_t o1 = Queue(*storage, oona);
  int64_t o2 = Queue(*storage, oona);
  EXPECT_EQ(JudgeNext(*storage), o1) << "the team was just served, whichever member asks next";
  EXPECT_EQ(JudgeNext(*storage), flood[1]);
  EXPECT_EQ(JudgeNext(*storage), o2);
  auto read = storage->FindSubmission(flood[1]).value();
  ASSERT_TRUE(read);
  EXPECT_EQ(read->team_id, team_id);
  EXPECT_EQ(read->commit_sha, std::string(40, 'a'));
  EXPECT_EQ(storage->TeamJudgings(team_id).value().size(), flood.size());
  EXPECT_EQ(storage->FindSubmission(o1).value()->team_id, 0);
}

INSTANTIATE_TEST_SUITE_P(Stores, TeamQueueTest, ::testing::ValuesIn(AllStores()), StoreName);
INSTANTIATE_TEST_SUITE_P(Stores, TeamJudgeTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
