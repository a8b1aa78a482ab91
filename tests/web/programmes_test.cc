// Programmes (issue 21) against a real server on both stores: the coordinator role an admin
// grants, programmes holding coaches, participants, partner companies, workshops and trials,
// who sees what (coordinator, the participant's coach, another coach, a partner company, the
// participant, another participant, an outsider), guidance paths and their milestones,
// reminders for quiet participants, the data download and account deletion.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <sstream>

#include "pg_fixture.h"
#include "server_fixture.h"
#include "storage/storage.h"

namespace web_test {
namespace {

std::map<std::string, std::string> Unzip(const std::string& bytes) {
  std::map<std::string, std::string> files;
  archive* in = archive_read_new();
  archive_read_support_format_zip(in);
  if (archive_read_open_memory(in, bytes.data(), bytes.size()) == ARCHIVE_OK) {
    archive_entry* entry = nullptr;
    while (archive_read_next_header(in, &entry) == ARCHIVE_OK) {
      std::string content(static_cast<size_t>(archive_entry_size(entry)), '\0');
      archive_read_data(in, content.data(), content.size());
      files[archive_entry_pathname(entry)] = content;
    }
  }
  archive_read_free(in);
  return files;
}

class ProgrammesTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  static void SetUpTestSuite() { dir_ = new TempDir(); }
  static void TearDownTestSuite() {
    for (auto& [kind, server] : servers_) delete server;
    servers_.clear();
    delete dir_;
  }
  void SetUp() override {
    ServerProcess*& server = servers_[GetParam()];
    std::string name = GetParam() == StoreKind::kSqlite ? "programmes-sqlite" : "programmes-pg";
    if (!server) {
      db_[GetParam()] = NewStoreUrl(GetParam(), dir_->path(), name);
      ASSERT_FALSE(db_[GetParam()].empty());
      server = ServerProcess::Start(db_[GetParam()], {"--fake-judge", "--demo"},
                                    dir_->path() + "/" + name + ".log")
                   .release();
    }
    ASSERT_NE(server, nullptr) << "the server did not start; see its log in " << dir_->path();
    server_ = server;
  }
  std::string Db() { return db_[GetParam()]; }
  Api As(const std::string& username, const std::string& password = "") {
    Api api(*server_);
    EXPECT_EQ(api.Login(username, password.empty() ? username + "-demo" : password).status, 200);
    return api;
  }
  // A new account of `role`, with a name unique to this test and store.
  std::string NewAccount(const std::string& name, const std::string& role) {
    std::string username =
        name + (GetParam() == StoreKind::kSqlite ? "-s" : "-p") + std::to_string(++serial_);
    Api admin = As("admin");
    Reply created =
        admin.Post("/api/v1/users",
                   {{"username", username}, {"password", Password(username)}, {"role", role}});
    EXPECT_EQ(created.status, 200) << created.body.dump();
    return username;
  }
  static std::string Password(const std::string& username) { return username + "-password"; }
  Api Login(const std::string& username) { return As(username, Password(username)); }

  static TempDir* dir_;
  static std::map<StoreKind, ServerProcess*> servers_;
  static std::map<StoreKind, std::string> db_;
  static int serial_;
  ServerProcess* server_ = nullptr;
};

TempDir* ProgrammesTest::dir_ = nullptr;
std::map<StoreKind, ServerProcess*> ProgrammesTest::servers_;
std::map<StoreKind, std::string> ProgrammesTest::db_;
int ProgrammesTest::serial_ = 0;

// A programme with a coordinator, two coaches, three participants (two coached by the first
// coach, one by the second) and a partner company.
struct Cohort {
  std::string coordinator, coach, other_coach, participant, second, other, company;
  std::string id;  // the programme's, as text for paths
  int64_t participant_id = 0;
  std::string code;
};

class Cohorts : public ProgrammesTest {
 protected:
  Cohort MakeCohort() {
    Cohort c;
    c.coordinator = NewAccount("kaisa", "coordinator");
    c.coach = NewAccount("coach", "trainer");
    c.other_coach = NewAccount("coach2", "trainer");
    c.participant = NewAccount("pia", "candidate");
    c.second = NewAccount("pekka", "candidate");
    c.other = NewAccount("olli", "candidate");
    c.company = NewAccount("firma", "company");
    Api k = Login(c.coordinator);
    Reply made = k.Post("/api/v1/programmes", {{"name", "Vantaa spring 2027"},
                                               {"description", "Six months"},
                                               {"starts_on", "2027-01-10"},
                                               {"ends_on", "2027-06-10"}});
    EXPECT_EQ(made.status, 200) << made.body.dump();
    c.id = std::to_string(made.body.value("id", int64_t{0}));
    c.code = made.body.value("join_code", "");
    std::string members = "/api/v1/programmes/" + c.id + "/members";
    EXPECT_EQ(k.Post(members, {{"username", c.coach}, {"role", "coach"}}).status, 200);
    EXPECT_EQ(k.Post(members, {{"username", c.other_coach}, {"role", "coach"}}).status, 200);
    EXPECT_EQ(k.Post(members, {{"username", c.participant}, {"role", "participant"}}).status, 200);
    EXPECT_EQ(k.Post(members, {{"username", c.company}, {"role", "company"}}).status, 200);
    // The others join with the code, as a participant would from the board.
    for (const auto& name : {c.second, c.other}) {
      Reply joined = Login(name).Post("/api/v1/programmes/join", {{"code", c.code}});
      EXPECT_EQ(joined.status, 200) << joined.body.dump();
      EXPECT_EQ(joined.body.value("your_role", ""), "participant");
    }
    std::string coaching = "/api/v1/programmes/" + c.id + "/coaching";
    EXPECT_EQ(k.Post(coaching, {{"coach", c.coach}, {"participant", c.participant}}).status, 200);
    EXPECT_EQ(k.Post(coaching, {{"coach", c.coach}, {"participant", c.second}}).status, 200);
    Reply last = k.Post(coaching, {{"coach", c.other_coach}, {"participant", c.other}});
    EXPECT_EQ(last.status, 200) << last.body.dump();
    for (const auto& m : last.body["members"]) {
      if (m["username"] == c.participant) c.participant_id = m["id"].get<int64_t>();
    }
    EXPECT_NE(c.participant_id, 0);
    return c;
  }
  std::string PathOf(const Cohort& c, int64_t user) {
    return "/api/v1/programmes/" + c.id + "/participants/" + std::to_string(user) + "/path";
  }
};

std::vector<std::string> Names(const json& list) {
  std::vector<std::string> names;
  for (const auto& item : list) names.push_back(item.value("username", ""));
  return names;
}

TEST_P(ProgrammesTest, AnAdminGrantsTheCoordinatorRoleAndOnlyCoordinatorsCreateProgrammes) {
  std::string kaisa = NewAccount("kaisa", "trainer");
  json programme = {
      {"name", "Espoo autumn"}, {"starts_on", "2027-08-01"}, {"ends_on", "2027-12-01"}};
  EXPECT_EQ(Login(kaisa).Post("/api/v1/programmes", programme).status, 403);
  EXPECT_EQ(As("mikko").Put("/api/v1/users/" + kaisa + "/role", {{"role", "coordinator"}}).status,
            403)
      << "only an admin grants roles";
  EXPECT_EQ(As("admin").Put("/api/v1/users/" + kaisa + "/role", {{"role", "chief"}}).status, 400);
  Reply granted = As("admin").Put("/api/v1/users/" + kaisa + "/role", {{"role", "coordinator"}});
  ASSERT_EQ(granted.status, 200) << granted.body.dump();
  EXPECT_EQ(granted.body["role"], "coordinator");

  Api k = Login(kaisa);
  EXPECT_EQ(k.Get("/api/v1/me").body["role"], "coordinator");
  json backwards = programme;
  backwards["ends_on"] = "2027-01-01";
  EXPECT_EQ(k.Post("/api/v1/programmes", backwards).status, 400);
  json undated = programme;
  undated["starts_on"] = "10.01.2027";
  EXPECT_EQ(k.Post("/api/v1/programmes", undated).status, 400);
  Reply made = k.Post("/api/v1/programmes", programme);
  ASSERT_EQ(made.status, 200) << made.body.dump();
  EXPECT_EQ(made.body["your_role"], "coordinator");
  EXPECT_EQ(made.body["join_code"].get<std::string>().size(), 8u);
  EXPECT_EQ(made.body["starts_on"], "2027-08-01");
  Reply list = k.Get("/api/v1/programmes");
  ASSERT_EQ(list.body.size(), 1u);
  EXPECT_EQ(list.body[0]["name"], "Espoo autumn");
  // A coordinator account made directly by an admin works the same.
  std::string direct = NewAccount("coord", "coordinator");
  EXPECT_EQ(Login(direct).Post("/api/v1/programmes", programme).status, 200);
}

TEST_P(Cohorts, EachSeatSeesTheProgrammeAsItMay) {
  Cohort c = MakeCohort();
  Api k = Login(c.coordinator);
  std::string base = "/api/v1/programmes/" + c.id;
  // Members must have the account their role needs.
  EXPECT_EQ(k.Post(base + "/members", {{"username", c.company}, {"role", "coach"}}).status, 400);
  EXPECT_EQ(k.Post(base + "/members", {{"username", "nobody-here"}, {"role", "coach"}}).status,
            404);
  EXPECT_EQ(k.Post(base + "/coaching", {{"coach", c.participant}, {"participant", c.coach}}).status,
            404);

  // Workshops and trials belong to the programme.
  Reply workshops = As("mikko").Get("/api/v1/workshops");
  ASSERT_FALSE(workshops.body.empty()) << workshops.body.dump();
  int64_t workshop = workshops.body[0]["id"];
  Reply trial = Login(c.company).Post(
      "/api/v1/trials", {{"title", "Backend trial"}, {"exercises", {"hello"}}, {"minutes", 30}});
  ASSERT_EQ(trial.status, 200) << trial.body.dump();
  EXPECT_EQ(k.Post(base + "/items", {{"kind", "workshop"}, {"id", workshop}}).status, 200);
  EXPECT_EQ(k.Post(base + "/items", {{"kind", "trial"}, {"id", trial.body["id"]}}).status, 200);
  EXPECT_EQ(k.Post(base + "/items", {{"kind", "workshop"}, {"id", 999999}}).status, 404);
  EXPECT_EQ(k.Post(base + "/items", {{"kind", "party"}, {"id", workshop}}).status, 400);

  // The company publishes what it looks for; no one else may.
  Api company = Login(c.company);
  Reply looks = company.Put(base + "/looking-for",
                            {{"path", "junior web developer"}, {"skills", {"S1.3.1", "S5.6.1"}}});
  ASSERT_EQ(looks.status, 200) << looks.body.dump();
  EXPECT_EQ(As("sari").Put(base + "/looking-for", {{"path", "x"}}).status, 404)
      << "a company outside the programme";

  Reply seen = k.Get(base);
  ASSERT_EQ(seen.status, 200);
  EXPECT_EQ(seen.body["your_role"], "coordinator");
  EXPECT_EQ(seen.body["join_code"], c.code);
  EXPECT_EQ(seen.body["members"].size(), 6u);
  EXPECT_EQ(seen.body["workshops"].size(), 1u);
  EXPECT_EQ(seen.body["trials"][0]["title"], "Backend trial");
  EXPECT_EQ(seen.body["companies"][0]["looks_for"]["path"], "junior web developer");
  EXPECT_EQ(As("admin").Get(base).body["your_role"], "coordinator");

  Reply coach = Login(c.coach).Get(base);
  ASSERT_EQ(coach.status, 200);
  EXPECT_EQ(coach.body["your_role"], "coach");
  EXPECT_EQ(Names(coach.body["participants"]), (std::vector<std::string>{c.participant, c.second}));
  EXPECT_FALSE(coach.body.contains("join_code"));
  EXPECT_FALSE(coach.body.contains("members"));

  Reply participant = Login(c.participant).Get(base);
  ASSERT_EQ(participant.status, 200);
  EXPECT_EQ(participant.body["your_role"], "participant");
  EXPECT_EQ(participant.body["coaches"], json::array({c.coach}));
  EXPECT_FALSE(participant.body.contains("members"));
  EXPECT_FALSE(participant.body.contains("participants"));
  EXPECT_EQ(participant.body["workshops"].size(), 1u);

  Reply partner = company.Get(base);
  ASSERT_EQ(partner.status, 200);
  EXPECT_EQ(partner.body["your_role"], "company");
  EXPECT_EQ(partner.body["companies"][0]["looks_for"]["skills"].size(), 2u);
  EXPECT_FALSE(partner.body.contains("members"));
  EXPECT_FALSE(partner.body.contains("workshops"));

  // Outside the programme it does not exist.
  EXPECT_EQ(As("aino").Get(base).status, 404);
  EXPECT_EQ(As("sari").Get(base).status, 404);
  EXPECT_EQ(As("mikko").Get(base).status, 404);
  EXPECT_EQ(Login(c.coach)
                .Post(base + "/members", {{"username", c.other}, {"role", "participant"}})
                .status,
            404)
      << "only the coordinator changes members";
  EXPECT_EQ(Login(c.coach).Get("/api/v1/programmes").body[0]["your_role"], "coach");
  EXPECT_EQ(As("aino").Post("/api/v1/programmes/join", {{"code", "NOSUCH99"}}).status, 404);
}

TEST_P(Cohorts, AGuidancePathIsPrivateToTheParticipantAndTheirCoaches) {
  Cohort c = MakeCohort();
  std::string path = PathOf(c, c.participant_id);
  Api coach = Login(c.coach);
  Api pia = Login(c.participant);
  Reply goal = coach.Post(path + "/goals", {{"text", "Apply for three junior jobs"}});
  ASSERT_EQ(goal.status, 200) << goal.body.dump();
  EXPECT_EQ(goal.body["kind"], "goal");
  EXPECT_EQ(goal.body["author"], c.coach);
  EXPECT_EQ(pia.Post(path + "/goals", {{"text", "Finish the web track"}}).status, 200);
  EXPECT_EQ(coach.Post(path + "/checkins", {{"note", "PRIVATE_NOTE went well"}}).status, 200);
  EXPECT_EQ(pia.Post(path + "/checkins", {{"note", "x"}}).status, 403);
  EXPECT_EQ(pia.Post(path + "/reflections", {{"text", "I can name my skills now"}}).status, 200);
  EXPECT_EQ(coach.Post(path + "/reflections", {{"text", "x"}}).status, 403);
  EXPECT_EQ(pia.Post(path + "/goals", {{"text", ""}}).status, 400);

  for (Api* reader : {&coach, &pia}) {
    Reply seen = reader->Get(path);
    ASSERT_EQ(seen.status, 200) << seen.body.dump();
    EXPECT_EQ(seen.body["goals"].size(), 2u);
    EXPECT_EQ(seen.body["checkins"][0]["text"], "PRIVATE_NOTE went well");
    EXPECT_EQ(seen.body["reflections"].size(), 1u);
    EXPECT_EQ(seen.body["coaches"], json::array({c.coach}));
    EXPECT_EQ(seen.body["private"], true);
  }
  // Everyone else: 404, for reading and for writing.
  for (const std::string& name : {c.other_coach, c.second, c.company}) {
    Api other = Login(name);
    EXPECT_EQ(other.Get(path).status, 404) << name;
    EXPECT_EQ(other.Post(path + "/goals", {{"text", "x"}}).status, 404) << name;
    EXPECT_EQ(other.Post(path + "/checkins", {{"note", "x"}}).status, 404) << name;
  }
  EXPECT_EQ(Login(c.coordinator).Get(path).status, 404) << "the notes are not the coordinator's";
  EXPECT_EQ(As("aino").Get(path).status, 404);
  EXPECT_EQ(As("sari").Get(path).status, 404);
  // A coach's path for a non-participant is no path.
  EXPECT_EQ(coach.Get(PathOf(c, 1)).status, 404);
}

TEST_P(Cohorts, MilestonesComeFromTheParticipantsOwnData) {
  Cohort c = MakeCohort();
  std::string path = PathOf(c, c.participant_id);
  Api pia = Login(c.participant);
  json before = pia.Get(path).body;
  EXPECT_TRUE(before["milestones"]["first_exercise_solved"].is_null()) << before.dump();
  EXPECT_TRUE(before["milestones"]["first_shared_profile"].is_null());
  EXPECT_TRUE(before["milestones"]["first_company_contact"].is_null());
  EXPECT_TRUE(before["milestones"]["first_trial"].is_null());

  Reply sent = pia.Post(
      "/api/v1/submissions",
      {{"exercise", "hello"}, {"language", "python"}, {"source", "print('Hello, world!')\n"}});
  ASSERT_EQ(sent.status, 202) << sent.body.dump();
  pia.WaitDone(sent.body["id"].get<int64_t>(), 30);
  Reply share = pia.Post("/api/v1/shares", {{"company", c.company}});
  ASSERT_EQ(share.status, 200) << share.body.dump();
  Api company = Login(c.company);
  Reply contact = company.Post(
      "/api/v1/company/candidates/" + std::to_string(share.body["id"].get<int64_t>()) + "/contact",
      {{"message", "Would you visit us?"}});
  ASSERT_EQ(contact.status, 200) << contact.body.dump();
  Reply trial = company.Post("/api/v1/trials",
                             {{"title", "Quick"}, {"exercises", {"hello"}}, {"minutes", 30}});
  ASSERT_EQ(trial.status, 200);
  ASSERT_EQ(pia.Post("/api/v1/trials/open", {{"code", trial.body["code"]}}).status, 200);

  json after = Login(c.coach).Get(path).body;
  EXPECT_EQ(after["milestones"]["first_exercise_solved"]["exercise"], "hello") << after.dump();
  EXPECT_TRUE(after["milestones"]["first_shared_profile"].contains("at"));
  EXPECT_TRUE(after["milestones"]["first_company_contact"].contains("at"));
  EXPECT_TRUE(after["milestones"]["first_trial"].contains("at"));
  EXPECT_FALSE(after["last_active"].is_null());
}

TEST_P(Cohorts, TheDataDownloadHoldsTheProgrammeAndDeletionRemovesIt) {
  Cohort c = MakeCohort();
  std::string path = PathOf(c, c.participant_id);
  Api coach = Login(c.coach);
  Api pia = Login(c.participant);
  ASSERT_EQ(coach.Post(path + "/checkins", {{"note", "EXPORT_NOTE"}}).status, 200);
  ASSERT_EQ(pia.Post(path + "/reflections", {{"text", "EXPORT_REFLECTION"}}).status, 200);
  std::string outcome = "/api/v1/programmes/" + c.id + "/participants/" +
                        std::to_string(c.participant_id) + "/outcome";
  ASSERT_EQ(
      coach.Put(outcome, {{"outcome", "education"}, {"date", "2027-05-01"}, {"consent", true}})
          .status,
      200);

  Reply zip = pia.Get("/api/v1/me/export");
  ASSERT_EQ(zip.status, 200);
  auto files = Unzip(zip.body.get<std::string>());
  std::string data_name = "koodikoe-" + c.participant + "/data.json";
  ASSERT_TRUE(files.count(data_name));
  json data = json::parse(files[data_name]);
  ASSERT_EQ(data["programmes"].size(), 1u) << data["programmes"].dump();
  EXPECT_EQ(data["programmes"][0]["name"], "Vantaa spring 2027");
  EXPECT_EQ(data["programmes"][0]["role"], "participant");
  ASSERT_EQ(data["programmes"][0]["guidance"].size(), 2u);
  EXPECT_EQ(data["programmes"][0]["guidance"][0]["text"], "EXPORT_NOTE");
  EXPECT_EQ(data["programmes"][0]["guidance"][1]["kind"], "reflection");
  EXPECT_EQ(data["programmes"][0]["outcome"]["outcome"], "education");
  EXPECT_EQ(data["programmes"][0]["outcome"]["consent"], true);

  EXPECT_EQ(pia.Delete("/api/v1/me", {{"password", Password(c.participant)}}).status, 200);
  EXPECT_EQ(coach.Get(path).status, 404);
  Reply seen = Login(c.coordinator).Get("/api/v1/programmes/" + c.id);
  for (const auto& m : seen.body["members"]) EXPECT_NE(m["username"], c.participant);
  auto store = web::OpenStorage(Db());
  ASSERT_TRUE(store) << store.error().Describe();
  auto left = (*store)->GuidanceEntries(0, c.participant_id);
  ASSERT_TRUE(left);
  EXPECT_TRUE(left->empty()) << "the guidance path goes with the account";
  auto memberships = (*store)->MembershipsOf(c.participant_id);
  ASSERT_TRUE(memberships);
  EXPECT_TRUE(memberships->empty());
  auto outcomes = (*store)->Outcomes(0, c.participant_id);
  ASSERT_TRUE(outcomes);
  EXPECT_TRUE(outcomes->empty()) << "the outcome goes with the account";

  // A coordinator's deletion takes their programmes, with every path in them.
  Api k = Login(c.coordinator);
  EXPECT_EQ(k.Delete("/api/v1/me", {{"password", Password(c.coordinator)}}).status, 200);
  EXPECT_EQ(coach.Get("/api/v1/programmes/" + c.id).status, 404);
}

// Reminders need a participant quiet for two weeks: the store is written directly, as if the
// programme had run for three weeks, and then read through the server.
TEST_P(Cohorts, RemindersListACoachsQuietParticipants) {
  Cohort c = MakeCohort();
  auto store = web::OpenStorage(Db());
  ASSERT_TRUE(store) << store.error().Describe();
  int64_t three_weeks_ago = time(nullptr) - 21 * 24 * 3600;
  auto programme = (*store)->FindProgramme(std::stoll(c.id));
  ASSERT_TRUE(programme && *programme);
  auto members = (*store)->ProgrammeMembers((*programme)->id);
  ASSERT_TRUE(members);
  for (auto m : *members) {
    m.joined_at = three_weeks_ago;
    ASSERT_TRUE((*store)->PutProgrammeMember(m));
  }
  // The second participant is active today: a reflection of their own.
  Api pekka = Login(c.second);
  Reply programme_view = Login(c.coach).Get("/api/v1/programmes/" + c.id);
  int64_t second_id = 0;
  for (const auto& p : programme_view.body["participants"]) {
    if (p["username"] == c.second) second_id = p["id"];
  }
  ASSERT_EQ(pekka.Post(PathOf(c, second_id) + "/reflections", {{"text", "busy week"}}).status, 200);

  Reply reminders = Login(c.coach).Get("/api/v1/programmes/" + c.id + "/reminders");
  ASSERT_EQ(reminders.status, 200) << reminders.body.dump();
  EXPECT_EQ(Names(reminders.body), (std::vector<std::string>{c.participant}));
  EXPECT_GE(reminders.body[0]["quiet_days"].get<int>(), 14);
  Reply all = Login(c.coordinator).Get("/api/v1/programmes/" + c.id + "/reminders");
  EXPECT_EQ(Names(all.body), (std::vector<std::string>{c.participant, c.other}));
  EXPECT_EQ(Login(c.participant).Get("/api/v1/programmes/" + c.id + "/reminders").status, 404);
  EXPECT_EQ(Login(c.company).Get("/api/v1/programmes/" + c.id + "/reminders").status, 404);
  EXPECT_EQ(Login(c.other_coach).Get("/api/v1/programmes/" + c.id + "/reminders").body.size(), 1u);
}

TEST_P(Cohorts, CareerPathsShowHowFarSolvedExercisesGoAndWhatClosesTheGap) {
  Cohort c = MakeCohort();
  std::string base = "/api/v1/programmes/" + c.id;
  json path = {
      {"name", "Junior developer"},
      {"skills", {{{"skill", "output"}, {"tier", 1}}, {{"skill", "arithmetic"}, {"tier", 2}}}}};
  EXPECT_EQ(Login(c.coach).Post(base + "/paths", path).status, 403);
  json unknown = path;
  unknown["skills"][0]["skill"] = "juggling";
  Api k = Login(c.coordinator);
  EXPECT_EQ(k.Post(base + "/paths", unknown).status, 400);
  Reply made = k.Post(base + "/paths", path);
  ASSERT_EQ(made.status, 200) << made.body.dump();
  EXPECT_EQ(made.body["skills"][1]["tier"], 2);
  EXPECT_EQ(Login(c.company).Get(base + "/paths").body.size(), 1u);

  std::string progress =
      "/api/v1/programmes/" + c.id + "/participants/" + std::to_string(c.participant_id) + "/paths";
  Api pia = Login(c.participant);
  Reply before = pia.Get(progress);
  ASSERT_EQ(before.status, 200) << before.body.dump();
  json skill = before.body["paths"][0]["skills"][0];
  EXPECT_EQ(skill["skill"], "output");
  EXPECT_EQ(skill["met"], false);
  ASSERT_FALSE(skill["exercises_to_close_gap"].empty());
  bool hello_suggested = false;
  for (const auto& e : skill["exercises_to_close_gap"]) {
    EXPECT_FALSE(e["title"]["fi"].get<std::string>().empty());
    EXPECT_FALSE(e["title"]["en"].get<std::string>().empty());
    if (e["id"] == "hello") {
      hello_suggested = true;
      EXPECT_EQ(e["title"]["fi"], "Hei");
      EXPECT_EQ(e["title"]["en"], "Hello");
    }
  }
  EXPECT_TRUE(hello_suggested) << skill.dump();
  EXPECT_EQ(before.body["paths"][0]["met"], 0);

  Reply sent = pia.Post(
      "/api/v1/submissions",
      {{"exercise", "hello"}, {"language", "python"}, {"source", "print('Hello, world!')\n"}});
  ASSERT_EQ(sent.status, 202);
  pia.WaitDone(sent.body["id"].get<int64_t>(), 30);
  Reply after = Login(c.coach).Get(progress);
  ASSERT_EQ(after.status, 200);
  EXPECT_EQ(after.body["paths"][0]["met"], 1);
  EXPECT_EQ(after.body["paths"][0]["percent"], 50);
  EXPECT_EQ(after.body["paths"][0]["skills"][0]["shown_by"], json::array({"hello"}));
  EXPECT_TRUE(after.body["paths"][0]["skills"][0]["exercises_to_close_gap"].empty());
  for (const std::string& name : {c.other_coach, c.second, c.company, c.coordinator}) {
    EXPECT_EQ(Login(name).Get(progress).status, 404) << name;
  }
}

TEST_P(Cohorts, TheCoachRecordsAnOutcomeAndTheParticipantSeesAndCorrectsIt) {
  Cohort c = MakeCohort();
  std::string outcome = "/api/v1/programmes/" + c.id + "/participants/" +
                        std::to_string(c.participant_id) + "/outcome";
  Api coach = Login(c.coach);
  Api pia = Login(c.participant);
  EXPECT_TRUE(pia.Get(outcome).body["outcome"].is_null());
  EXPECT_EQ(
      coach.Put(outcome, {{"outcome", "rich"}, {"date", "2027-06-01"}, {"consent", true}}).status,
      400);
  EXPECT_EQ(coach.Put(outcome, {{"outcome", "employed"}, {"date", "2027-06-01"}}).status, 400)
      << "consent must be said";
  Reply recorded =
      coach.Put(outcome, {{"outcome", "employed"}, {"date", "2027-06-01"}, {"consent", true}});
  ASSERT_EQ(recorded.status, 200) << recorded.body.dump();
  EXPECT_EQ(recorded.body["outcome"]["recorded_by"], c.coach);
  Reply seen = pia.Get(outcome);
  EXPECT_EQ(seen.body["outcome"]["outcome"], "employed");
  EXPECT_EQ(seen.body["outcome"]["date"], "2027-06-01");
  EXPECT_EQ(seen.body["outcome"]["consent"], true);
  Reply corrected =
      pia.Put(outcome, {{"outcome", "apprenticeship"}, {"date", "2027-06-03"}, {"consent", true}});
  ASSERT_EQ(corrected.status, 200);
  EXPECT_EQ(corrected.body["outcome"]["corrected_by_participant"], true);
  EXPECT_EQ(coach.Get(outcome).body["outcome"]["outcome"], "apprenticeship");
  for (const std::string& name : {c.other_coach, c.second, c.company, c.coordinator}) {
    Api other = Login(name);
    EXPECT_EQ(other.Get(outcome).status, 404) << name;
    EXPECT_EQ(other.Put(outcome, {{"outcome", "other"}, {"date", "2027-06-01"}, {"consent", true}})
                  .status,
              404)
        << name;
  }
}

// CSV rows (section,key,count,share) as the JSON report's sections would print them.
std::vector<std::string> RowsOfJson(const json& report) {
  std::vector<std::string> rows;
  for (const auto& [section, cells] : report["sections"].items()) {
    for (const auto& cell : cells) {
      std::string count =
          cell["count"].is_null() ? "<5" : std::to_string(cell["count"].get<int64_t>());
      std::string share;
      if (cell.contains("share")) {
        if (cell["share"].is_null()) {
          share = "<5";
        } else {
          std::ostringstream out;
          out << cell["share"].get<double>();
          share = out.str();
        }
      }
      rows.push_back(section + "," + cell["key"].get<std::string>() + "," + count + "," + share);
    }
  }
  std::sort(rows.begin(), rows.end());
  return rows;
}

std::vector<std::string> RowsOfCsv(const std::string& csv) {
  std::vector<std::string> rows;
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "section,key,count,share");
  while (std::getline(in, line)) rows.push_back(line);
  std::sort(rows.begin(), rows.end());
  return rows;
}

json Cell(const json& report, const std::string& section, const std::string& key) {
  for (const auto& cell : report["sections"][section]) {
    if (cell["key"] == key) return cell;
  }
  return json();
}

TEST_P(Cohorts, TheReportHidesGroupsUnderFiveOutsideTheCoordinators) {
  Cohort c = MakeCohort();
  std::string base = "/api/v1/programmes/" + c.id;
  Api k = Login(c.coordinator);
  // Seven participants: the cohort's three and four more, all coached by the coach.
  std::vector<std::string> people = {c.participant, c.second, c.other};
  for (int i = 0; i < 4; ++i) {
    people.push_back(NewAccount("osa" + std::to_string(i), "candidate"));
    ASSERT_EQ(Login(people.back()).Post("/api/v1/programmes/join", {{"code", c.code}}).status, 200);
  }
  for (const auto& name : people) {
    ASSERT_EQ(k.Post(base + "/coaching", {{"coach", c.coach}, {"participant", name}}).status, 200);
  }
  std::map<std::string, int64_t> ids;
  Reply roster = k.Get(base);
  ASSERT_EQ(roster.status, 200) << roster.body.dump();
  for (const auto& m : roster.body["members"]) {
    ids[m["username"].get<std::string>()] = m["id"].get<int64_t>();
  }
  // Five employed, one in education, one apprenticeship kept without consent (counts unknown).
  Api coach = Login(c.coach);
  for (size_t i = 0; i < people.size(); ++i) {
    std::string what = i < 5 ? "employed" : i == 5 ? "education" : "apprenticeship";
    Reply put = coach.Put(base + "/participants/" + std::to_string(ids[people[i]]) + "/outcome",
                          {{"outcome", what}, {"date", "2027-06-01"}, {"consent", i != 6}});
    ASSERT_EQ(put.status, 200) << people[i] << " " << ids[people[i]] << " " << put.body.dump();
  }
  // One shares with the partner company and is contacted; one solves an exercise.
  Api pia = Login(c.participant);
  Reply share = pia.Post("/api/v1/shares", {{"company", c.company}});
  ASSERT_EQ(share.status, 200);
  Reply sent = pia.Post(
      "/api/v1/submissions",
      {{"exercise", "hello"}, {"language", "python"}, {"source", "print('Hello, world!')\n"}});
  ASSERT_EQ(sent.status, 202);
  pia.WaitDone(sent.body["id"].get<int64_t>(), 30);

  Reply exact = k.Get(base + "/report");
  ASSERT_EQ(exact.status, 200) << exact.body.dump();
  EXPECT_EQ(exact.body["masked"], false);
  EXPECT_EQ(Cell(exact.body, "participants", "all")["count"], 7);
  EXPECT_EQ(Cell(exact.body, "outcomes", "employed")["count"], 5);
  EXPECT_DOUBLE_EQ(Cell(exact.body, "outcomes", "employed")["share"].get<double>(), 71.4);
  EXPECT_EQ(Cell(exact.body, "outcomes", "education")["count"], 1);
  EXPECT_EQ(Cell(exact.body, "outcomes", "apprenticeship")["count"], 0);
  EXPECT_EQ(Cell(exact.body, "outcomes", "unknown")["count"], 1);
  EXPECT_EQ(Cell(exact.body, "reached", "shared_profile")["count"], 1);
  EXPECT_EQ(Cell(exact.body, "reached", "trial")["count"], 0);
  EXPECT_EQ(Cell(exact.body, "solved_by_tier", "1")["count"], 1);
  ASSERT_EQ(exact.body["sections"]["activity"].size(), 1u);

  // Everyone else of the programme: 1 to 4 hidden, 0 and 5 or more shown.
  for (const std::string& name : {c.coach, c.other_coach, c.company, c.participant}) {
    Reply masked = Login(name).Get(base + "/report");
    ASSERT_EQ(masked.status, 200) << name;
    EXPECT_EQ(masked.body["masked"], true);
    EXPECT_EQ(Cell(masked.body, "participants", "all")["count"], 7) << name;
    EXPECT_EQ(Cell(masked.body, "outcomes", "employed")["count"], 5);
    EXPECT_DOUBLE_EQ(Cell(masked.body, "outcomes", "employed")["share"].get<double>(), 71.4);
    EXPECT_TRUE(Cell(masked.body, "outcomes", "education")["count"].is_null());
    EXPECT_TRUE(Cell(masked.body, "outcomes", "education")["share"].is_null());
    EXPECT_TRUE(Cell(masked.body, "outcomes", "unknown")["count"].is_null());
    EXPECT_EQ(Cell(masked.body, "outcomes", "apprenticeship")["count"], 0);
    EXPECT_TRUE(Cell(masked.body, "reached", "shared_profile")["count"].is_null());
    EXPECT_EQ(Cell(masked.body, "reached", "trial")["count"], 0);
    EXPECT_TRUE(Cell(masked.body, "solved_by_tier", "1")["count"].is_null());
    EXPECT_TRUE(masked.body["sections"]["activity"][0]["count"].is_null());
    EXPECT_EQ(masked.body.dump().find("\"count\":1,"), std::string::npos) << masked.body.dump();
  }
  Reply preview = k.Get(base + "/report?view=public");
  EXPECT_EQ(preview.body["masked"], true);
  EXPECT_TRUE(Cell(preview.body, "outcomes", "education")["count"].is_null());
  EXPECT_EQ(As("aino").Get(base + "/report").status, 404);
  EXPECT_EQ(As("sari").Get(base + "/report.csv").status, 404);

  // The CSV says what the JSON says, for the coordinator and for the others.
  for (const std::string& name : {c.coordinator, c.coach}) {
    Api api = Login(name);
    Reply json_report = api.Get(base + "/report");
    Reply csv = api.Get(base + "/report.csv");
    ASSERT_EQ(csv.status, 200);
    ASSERT_TRUE(csv.body.is_string());
    EXPECT_EQ(RowsOfCsv(csv.body.get<std::string>()), RowsOfJson(json_report.body)) << name;
  }
  EXPECT_NE(Login(c.coach)
                .Get(base + "/report.csv")
                .body.get<std::string>()
                .find("outcomes,education,<5,<5"),
            std::string::npos);
}

TEST_P(ProgrammesTest, TheDemoHasAProgrammeWithItsReportFilled) {
  Api kaisa = As("kaisa");
  Reply list = kaisa.Get("/api/v1/programmes");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.body.size(), 1u) << list.body.dump();
  std::string base = "/api/v1/programmes/" + std::to_string(list.body[0]["id"].get<int64_t>());
  Reply programme = kaisa.Get(base);
  int participants = 0;
  for (const auto& m : programme.body["members"]) participants += m["role"] == "participant";
  EXPECT_EQ(participants, 8);
  EXPECT_EQ(programme.body["companies"][0]["username"], "lumo");
  EXPECT_EQ(programme.body["workshops"].size(), 1u);
  EXPECT_EQ(kaisa.Get(base + "/paths").body.size(), 1u);
  Reply report = kaisa.Get(base + "/report");
  EXPECT_EQ(Cell(report.body, "participants", "all")["count"], 8);
  EXPECT_EQ(Cell(report.body, "outcomes", "employed")["count"], 2);
  EXPECT_EQ(Cell(report.body, "reached", "shared_profile")["count"], 5);
  Reply coach = As("outi").Get(base + "/reminders");
  EXPECT_EQ(Names(coach.body), (std::vector<std::string>{"rasmus"}));
  Reply masked = As("lumo").Get(base + "/report");
  EXPECT_EQ(Cell(masked.body, "reached", "shared_profile")["count"], 5);
  EXPECT_TRUE(Cell(masked.body, "outcomes", "employed")["count"].is_null());
}

INSTANTIATE_TEST_SUITE_P(Stores, ProgrammesTest, ::testing::ValuesIn(AllStores()), StoreName);
INSTANTIATE_TEST_SUITE_P(Stores, Cohorts, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
