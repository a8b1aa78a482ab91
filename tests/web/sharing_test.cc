// The candidate's evidence and consent against a real server (fake judge, demo accounts): the
// skill profile, sharing with a company or by a signed link, revoking, who has seen it,
// anonymised review until contact is accepted, the company's report, shortlist and comparison,
// credentials, the data download and account deletion.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "pg_fixture.h"
#include "server_fixture.h"
#include "storage/storage.h"

namespace web_test {
namespace {

class SharingTest : public ::testing::TestWithParam<StoreKind> {
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
      std::string name = GetParam() == StoreKind::kSqlite ? "sharing-sqlite" : "sharing-postgres";
      std::string db = NewStoreUrl(GetParam(), dir_->path(), name);
      ASSERT_FALSE(db.empty());
      urls_[GetParam()] = db;
      server =
          ServerProcess::Start(db, {"--fake-judge", "--demo"}, dir_->path() + "/" + name + ".log")
              .release();
    }
    ASSERT_NE(server, nullptr) << "the server did not start; see its log in " << dir_->path();
    server_ = server;
  }

  Api As(const std::string& username, const std::string& password = "") {
    Api api(*server_);
    Reply login = api.Login(username, password.empty() ? username + "-demo" : password);
    EXPECT_EQ(login.status, 200) << username << " " << login.body.dump();
    return api;
  }

  // A new candidate with one accepted solution of "hello" and a wrong one of "sum".
  Api NewCandidate(const std::string& name, const std::string& marker) {
    Api admin = As("admin");
    Reply created =
        admin.Post("/api/v1/users",
                   {{"username", name}, {"password", name + "-password"}, {"role", "candidate"}});
    EXPECT_EQ(created.status, 200) << created.body.dump();
    Api api = As(name, name + "-password");
    for (const auto& [exercise, source] : std::vector<std::pair<std::string, std::string>>{
             {"hello", "print('Hello, world!')  # " + marker + "\n"},
             {"sum", "print(4)  # WRONG " + marker + "\n"}}) {
      Reply sent = api.Post("/api/v1/submissions",
                            {{"exercise", exercise}, {"language", "python"}, {"source", source}});
      EXPECT_EQ(sent.status, 202) << sent.body.dump();
      api.WaitDone(sent.body["id"].get<int64_t>(), 30);
    }
    return api;
  }

  static TempDir* dir_;
  static std::map<StoreKind, ServerProcess*> servers_;
  static std::map<StoreKind, std::string> urls_;
  ServerProcess* server_ = nullptr;
};

TempDir* SharingTest::dir_ = nullptr;
std::map<StoreKind, ServerProcess*> SharingTest::servers_;
std::map<StoreKind, std::string> SharingTest::urls_;

json WaitForSolved(Api& company, int64_t share, int solved) {
  json report;
  for (int i = 0; i < 100; ++i) {
    Reply reply = company.Get("/api/v1/company/candidates/" + std::to_string(share));
    report = reply.body;
    if (reply.status == 200 && report["solved"].get<int>() >= solved) return report;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  return report;
}

int64_t ShareWith(Api& candidate, const std::string& company) {
  Reply share = candidate.Post("/api/v1/shares", {{"company", company}});
  EXPECT_EQ(share.status, 200) << share.body.dump();
  return share.body.value("id", int64_t{0});
}

TEST_P(SharingTest, DemoCompanySeesTheDemoCandidatesReport) {
  Api sari = As("sari");
  Reply list = sari.Get("/api/v1/company/candidates");
  ASSERT_EQ(list.status, 200) << list.body.dump();
  ASSERT_EQ(list.body.size(), 1u) << list.body.dump();
  const json& card = list.body[0];
  EXPECT_TRUE(card["name"].is_null()) << "review starts anonymised";
  EXPECT_EQ(card["alias"], "Candidate " + std::to_string(card["share"].get<int64_t>()));
  json report = WaitForSolved(sari, card["share"], 2);
  ASSERT_GE(report["solved"].get<int>(), 2) << report.dump();
  EXPECT_TRUE(report["name"].is_null());
  EXPECT_EQ(report.dump().find("yusuf"), std::string::npos) << "the name leaked: " << report;
  EXPECT_FALSE(report["intro"].get<std::string>().empty());
  const json& exercise = report["exercises"][0];
  EXPECT_EQ(exercise["timeline"].size(), 2u) << "a wrong attempt, then the accepted one";
  EXPECT_EQ(exercise["final"]["verdict"], "accepted");
  EXPECT_FALSE(exercise["final"]["source"].get<std::string>().empty());
  ASSERT_EQ(exercise["final"]["groups"].size(), 2u) << exercise["final"].dump();
  EXPECT_EQ(exercise["final"]["groups"][1]["group"], "secret");
  EXPECT_EQ(exercise["final"]["groups"][1]["passed"], 2);
  EXPECT_GE(exercise["minutes_spent"].get<int>(), 9);
  EXPECT_FALSE(exercise["reflection"].get<std::string>().empty());
}

TEST_P(SharingTest, NothingIsVisibleWithoutConsentAndRevokingIsImmediate) {
  Api ella = NewCandidate("ella", "ELLA_MARKER");
  Api sari = As("sari");
  Reply before = sari.Get("/api/v1/company/candidates");
  EXPECT_EQ(before.body.dump().find("ELLA_MARKER"), std::string::npos);
  size_t cards = before.body.size();

  int64_t share = ShareWith(ella, "sari");
  ASSERT_GT(share, 0);
  EXPECT_EQ(sari.Get("/api/v1/company/candidates").body.size(), cards + 1);
  Reply report = sari.Get("/api/v1/company/candidates/" + std::to_string(share));
  ASSERT_EQ(report.status, 200) << report.body.dump();
  EXPECT_NE(report.body.dump().find("ELLA_MARKER"), std::string::npos) << "the final code shows";
  // The wrong attempt on "sum" is no verified result: not in the report.
  EXPECT_EQ(report.body["exercises"].size(), 1u);

  // Another company sees nothing of it.
  Api admin = As("admin");
  ASSERT_EQ(admin
                .Post("/api/v1/users",
                      {{"username", "acme"}, {"password", "acme-password"}, {"role", "company"}})
                .status,
            200);
  Api acme = As("acme", "acme-password");
  EXPECT_EQ(acme.Get("/api/v1/company/candidates").body, json::array());
  EXPECT_EQ(acme.Get("/api/v1/company/candidates/" + std::to_string(share)).status, 404);

  // Who has seen it.
  Reply views = ella.Get("/api/v1/shares/views");
  ASSERT_EQ(views.status, 200);
  ASSERT_FALSE(views.body.empty());
  EXPECT_EQ(views.body[0]["viewer"], "sari");
  EXPECT_EQ(views.body[0]["what"], "report");

  ASSERT_EQ(ella.Delete("/api/v1/shares/" + std::to_string(share)).status, 200);
  EXPECT_EQ(sari.Get("/api/v1/company/candidates/" + std::to_string(share)).status, 404);
  EXPECT_EQ(sari.Get("/api/v1/company/candidates").body.size(), cards);
  EXPECT_EQ(sari.Put("/api/v1/company/shortlist/" + std::to_string(share), {{"note", "x"}}).status,
            404);
  Reply mine = ella.Get("/api/v1/shares");
  ASSERT_EQ(mine.body.size(), 1u);
  EXPECT_FALSE(mine.body[0]["active"].get<bool>());
}

TEST_P(SharingTest, SignedLinkWorksUntilRevoked) {
  Api olli = NewCandidate("olli", "OLLI_MARKER");
  Reply created = olli.Post("/api/v1/shares", {{"label", "CV"}});
  ASSERT_EQ(created.status, 200) << created.body.dump();
  EXPECT_EQ(created.body["kind"], "link");
  std::string link = created.body["link"];
  ASSERT_EQ(link.rfind("/shared/", 0), 0u);
  std::string token = link.substr(8);
  Api anonymous(*server_);
  Reply seen = anonymous.Get("/api/v1/shared/" + token);
  ASSERT_EQ(seen.status, 200) << seen.body.dump();
  EXPECT_NE(seen.body.dump().find("OLLI_MARKER"), std::string::npos);

  // A forged link: another share number with the same signature, or a changed nonce.
  std::string forged = token;
  forged[forged.find('.') + 1] = forged[forged.find('.') + 1] == 'a' ? 'b' : 'a';
  EXPECT_EQ(anonymous.Get("/api/v1/shared/" + forged).status, 404);
  EXPECT_EQ(anonymous.Get("/api/v1/shared/1" + token).status, 404);

  ASSERT_EQ(
      olli.Delete("/api/v1/shares/" + std::to_string(created.body["id"].get<int64_t>())).status,
      200);
  Reply after = anonymous.Get("/api/v1/shared/" + token);
  EXPECT_EQ(after.status, 404);
  EXPECT_EQ(after.body.dump().find("OLLI_MARKER"), std::string::npos);
  Reply views = olli.Get("/api/v1/shares/views");
  ASSERT_FALSE(views.body.empty());
  EXPECT_EQ(views.body[0]["via"], "link");
  EXPECT_TRUE(views.body[0]["viewer"].is_null());
}

TEST_P(SharingTest, NameIsShownOnlyAfterTheCandidateAcceptsContact) {
  Api pia = NewCandidate("pia", "PIA_MARKER");
  Api sari = As("sari");
  int64_t share = ShareWith(pia, "sari");
  std::string path = "/api/v1/company/candidates/" + std::to_string(share);
  EXPECT_TRUE(sari.Get(path).body["name"].is_null());
  EXPECT_EQ(
      pia.Post("/api/v1/shares/" + std::to_string(share) + "/contact", {{"accept", true}}).status,
      409)
      << "nothing to accept before the company asks";
  Reply asked = sari.Post(path + "/contact", {{"message", "Could we talk?"}});
  ASSERT_EQ(asked.status, 200) << asked.body.dump();
  EXPECT_EQ(pia.Get("/api/v1/shares").body[0]["contact"], "requested");
  EXPECT_EQ(pia.Get("/api/v1/shares").body[0]["contact_message"], "Could we talk?");
  EXPECT_TRUE(sari.Get(path).body["name"].is_null());
  ASSERT_EQ(
      pia.Post("/api/v1/shares/" + std::to_string(share) + "/contact", {{"accept", true}}).status,
      200);
  EXPECT_EQ(sari.Get(path).body["name"], "pia");
}

TEST_P(SharingTest, ShortlistNotesAndComparison) {
  Api rami = NewCandidate("rami", "RAMI");
  Api sanna = NewCandidate("sanna", "SANNA");
  Api sari = As("sari");
  int64_t a = ShareWith(rami, "sari");
  int64_t b = ShareWith(sanna, "sari");
  Reply put = sari.Put("/api/v1/company/shortlist/" + std::to_string(a), {{"note", "Tidy code"}});
  ASSERT_EQ(put.status, 200) << put.body.dump();
  bool found = false;
  for (const auto& card : sari.Get("/api/v1/company/candidates").body) {
    if (card["share"] == a) {
      found = true;
      EXPECT_TRUE(card["shortlisted"].get<bool>());
      EXPECT_EQ(card["note"], "Tidy code");
    }
  }
  EXPECT_TRUE(found);
  // The note is the company's own: the candidate never sees it.
  EXPECT_EQ(rami.Get("/api/v1/shares").body.dump().find("Tidy code"), std::string::npos);
  EXPECT_EQ(rami.Get("/api/v1/shares/views").body.dump().find("Tidy code"), std::string::npos);

  Reply compare =
      sari.Get("/api/v1/company/compare?shares=" + std::to_string(a) + "," + std::to_string(b));
  ASSERT_EQ(compare.status, 200) << compare.body.dump();
  EXPECT_EQ(compare.body["candidates"].size(), 2u);
  ASSERT_EQ(compare.body["exercises"].size(), 1u);
  EXPECT_EQ(compare.body["exercises"][0]["exercise"], "hello");
  EXPECT_EQ(compare.body["exercises"][0]["results"].size(), 2u);
  EXPECT_EQ(sari.Get("/api/v1/company/compare?shares=" + std::to_string(a) + ",999999").status,
            404);
  EXPECT_EQ(sari.Delete("/api/v1/company/shortlist/" + std::to_string(a)).status, 200);
}

TEST_P(SharingTest, ProfileChoosesResultsReflectionsAndConfirmedSkills) {
  Api tuuli = NewCandidate("tuuli", "TUULI");
  Reply profile = tuuli.Get("/api/v1/profile");
  ASSERT_EQ(profile.status, 200) << profile.body.dump();
  EXPECT_EQ(profile.body["solved"], 1);
  ASSERT_EQ(profile.body["results"].size(), 2u);
  // The suggestions are exactly the skills of the one solved exercise.
  json skills = tuuli.Get("/api/v1/exercises/hello").body["skills"];
  ASSERT_FALSE(skills.empty());
  ASSERT_EQ(profile.body["suggested_skills"].size(), skills.size());
  for (const auto& suggestion : profile.body["suggested_skills"]) {
    EXPECT_NE(std::find(skills.begin(), skills.end(), suggestion["skill"]), skills.end());
    EXPECT_FALSE(suggestion["confirmed"].get<bool>());
  }
  std::string skill = skills[0];

  Reply intro = tuuli.Put("/api/v1/profile", {{"intro", "Hei! Opiskelen ohjelmointia."},
                                              {"intro_language", "fi"},
                                              {"confirmed_skills", {skill}}});
  ASSERT_EQ(intro.status, 200) << intro.body.dump();
  EXPECT_EQ(tuuli.Put("/api/v1/profile", {{"confirmed_skills", {"graphs"}}}).status, 400)
      << "a skill no result shows cannot be confirmed";
  EXPECT_EQ(tuuli.Put("/api/v1/profile/reflections/sum", {{"text", "x"}}).status, 404)
      << "only solved exercises take a reflection";
  ASSERT_EQ(tuuli.Put("/api/v1/profile/reflections/hello", {{"text", "I used print."}}).status,
            200);

  Api sari = As("sari");
  int64_t share = ShareWith(tuuli, "sari");
  json report = sari.Get("/api/v1/company/candidates/" + std::to_string(share)).body;
  EXPECT_EQ(report["intro"], "Hei! Opiskelen ohjelmointia.");
  EXPECT_EQ(report["skills"], json::array({skill}));
  ASSERT_EQ(report["exercises"].size(), 1u);
  EXPECT_EQ(report["exercises"][0]["reflection"], "I used print.");

  ASSERT_EQ(tuuli.Put("/api/v1/profile", {{"hidden_exercises", {"hello"}}}).status, 200);
  report = sari.Get("/api/v1/company/candidates/" + std::to_string(share)).body;
  EXPECT_EQ(report["exercises"].size(), 0u) << "a hidden result is not shown";
  EXPECT_EQ(report.dump().find("TUULI"), std::string::npos);
}

TEST_P(SharingTest, CredentialForAVerifiedResultVerifiesHereAndOffline) {
  Api ulla = NewCandidate("ulla", "ULLA");
  EXPECT_EQ(ulla.Get("/api/v1/credentials/sum").status, 404) << "not solved";
  Reply credential = ulla.Get("/api/v1/credentials/hello");
  ASSERT_EQ(credential.status, 200) << credential.body.dump();
  Api anonymous(*server_);
  Reply issuer = anonymous.Get("/api/v1/credentials/issuer");
  ASSERT_EQ(issuer.status, 200);
  EXPECT_EQ(credential.body["issuer"]["id"], issuer.body["id"]);
  Reply verified = anonymous.Post("/api/v1/credentials/verify", credential.body);
  ASSERT_EQ(verified.status, 200) << verified.body.dump();
  EXPECT_TRUE(verified.body["valid"].get<bool>()) << verified.body.dump();
  EXPECT_TRUE(verified.body["issued_here"].get<bool>());

  json tampered = credential.body;
  tampered["credentialSubject"]["achievement"]["name"] = "Something harder";
  Reply refused = anonymous.Post("/api/v1/credentials/verify", tampered);
  EXPECT_FALSE(refused.body["valid"].get<bool>());
  EXPECT_FALSE(refused.body["reason"].get<std::string>().empty());

  std::string file = dir_->path() + "/ulla.json";
  std::ofstream(file) << credential.body.dump();
  EXPECT_EQ(RunKoodikoe({"verify", file, "--issuer", issuer.body["id"]}, "").first, 0);
}

std::map<std::string, std::string> UnzipAll(const std::string& bytes) {
  std::map<std::string, std::string> files;
  archive* a = archive_read_new();
  archive_read_support_format_zip(a);
  if (archive_read_open_memory(a, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    archive_read_free(a);
    return files;
  }
  archive_entry* entry;
  while (archive_read_next_header(a, &entry) == ARCHIVE_OK) {
    std::string content;
    char chunk[4096];
    la_ssize_t got;
    while ((got = archive_read_data(a, chunk, sizeof chunk)) > 0) content.append(chunk, got);
    files[archive_entry_pathname(entry)] = content;
  }
  archive_read_free(a);
  return files;
}

TEST_P(SharingTest, DownloadEverythingThenDeleteTheAccount) {
  Api vilja = NewCandidate("vilja", "VILJA_MARKER");
  int64_t share = ShareWith(vilja, "sari");
  Api sari = As("sari");
  ASSERT_EQ(sari.Get("/api/v1/company/candidates/" + std::to_string(share)).status, 200);

  Reply zip = vilja.Get("/api/v1/me/export");
  ASSERT_EQ(zip.status, 200);
  ASSERT_TRUE(zip.body.is_string());
  auto files = UnzipAll(zip.body.get<std::string>());
  ASSERT_TRUE(files.count("koodikoe-vilja/data.json")) << files.size();
  json data = json::parse(files["koodikoe-vilja/data.json"]);
  EXPECT_EQ(data["account"]["username"], "vilja");
  EXPECT_EQ(data["submissions"].size(), 2u);
  EXPECT_EQ(data["shares"].size(), 1u);
  EXPECT_EQ(data["share_views"][0]["viewer"], "sari");
  int sources = 0;
  for (const auto& [name, content] : files) {
    if (name.find("/sources/") != std::string::npos) {
      ++sources;
      EXPECT_NE(content.find("VILJA_MARKER"), std::string::npos) << name;
    }
  }
  EXPECT_EQ(sources, 2);
  EXPECT_EQ(data.dump().find("password"), std::string::npos) << "no password hash in the export";

  EXPECT_EQ(vilja.Delete("/api/v1/me", {{"password", "wrong-password"}}).status, 403);
  ASSERT_EQ(vilja.Delete("/api/v1/me", {{"password", "vilja-password"}}).status, 200);
  EXPECT_EQ(vilja.Get("/api/v1/me").status, 401) << "the session went with the account";
  Api again(*server_);
  EXPECT_EQ(again.Login("vilja", "vilja-password").status, 401);
  EXPECT_EQ(sari.Get("/api/v1/company/candidates/" + std::to_string(share)).status, 404);
  EXPECT_EQ(sari.Get("/api/v1/company/candidates").body.dump().find("VILJA"), std::string::npos);
}

TEST_P(SharingTest, DownloadHoldsEverySubmissionNotOnlyTheNewestPage) {
  Api many = NewCandidate("moni", "MONI_MARKER");
  // Written straight into the server's store: posting 600 through the API would test the
  // queue, not the download.
  auto storage = web::OpenStorage(urls_[GetParam()]);
  ASSERT_TRUE(storage) << storage.error().Describe();
  auto account = (*storage)->FindUserByName("moni");
  ASSERT_TRUE(account && *account);
  const int64_t user = (*account)->id;
  const int extra = web::Storage::kSubmissionPage + 100;
  for (int i = 0; i < extra; ++i) {
    web::Submission submission;
    submission.user_id = user;
    submission.exercise = "sum";
    submission.language = "python";
    submission.source = "print(" + std::to_string(i) + ")  # MONI_MARKER\n";
    submission.created_at = 1;
    ASSERT_TRUE((*storage)->AddSubmission(submission));
  }
  Reply zip = many.Get("/api/v1/me/export");
  ASSERT_EQ(zip.status, 200);
  auto files = UnzipAll(zip.body.get<std::string>());
  json data = json::parse(files["koodikoe-moni/data.json"]);
  EXPECT_EQ(data["submissions"].size(), static_cast<size_t>(extra + 2));
  int sources = 0;
  for (const auto& [name, content] : files) sources += name.find("/sources/") != std::string::npos;
  EXPECT_EQ(sources, extra + 2);
}

INSTANTIATE_TEST_SUITE_P(Stores, SharingTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
