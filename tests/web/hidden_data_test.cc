// Issue 14: hidden test data never reaches a candidate. A program that echoes its input to
// digit-sum must not learn a secret test's input or answer from any place a report leaves the
// server: the submission, its event stream, the data download, a company's view of shared
// evidence. Trainers see everything; coding trials hide even full-feedback groups.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "http/api.h"
#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

const char kEcho[] = "import sys\nsys.stdout.write(sys.stdin.read())\n";
const char kWalk[] =
    "goal = int(input().split()[1])\nfor _ in range(goal):\n"
    "    print('MOVE', flush=True)\n    input()\n";

bool IsSample(const json& test) {
  std::string group = test.value("group", "");
  return group == "sample" || group.rfind("sample/", 0) == 0;
}

// Every secret test shows how it went and nothing of what it saw or printed.
void ExpectNoHiddenData(const json& tests, const std::string& where) {
  static const std::set<std::string> allowed = {"name",   "group",   "verdict",   "score",
                                                "cpu_ms", "wall_ms", "memory_kib"};
  ASSERT_TRUE(tests.is_array()) << where << ": " << tests.dump();
  int secret = 0;
  for (const json& test : tests) {
    if (IsSample(test)) continue;
    ++secret;
    for (const auto& [field, value] : test.items()) {
      EXPECT_TRUE(allowed.count(field)) << where << ": " << field << " in " << test.dump();
    }
  }
  EXPECT_GT(secret, 0) << where << ": " << tests.dump();
}

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

class HiddenDataTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    std::string db = NewStoreUrl(GetParam(), dir_.path(), "hidden");
    ASSERT_FALSE(db.empty());
    // --demo serves the bundled exercises; the trial test needs the corridor_game test package.
    server_ =
        ServerProcess::Start(db,
                             {"--demo", "--workers", "1", "--exercises",
                              std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/corridor_game"},
                             dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr) << "see " << dir_.path() << "/server.log";
  }

  Api As(const std::string& username) {
    Api api(*server_);
    EXPECT_EQ(api.Login(username, username + "-demo").status, 200) << username;
    return api;
  }

  int64_t Submit(Api& api, const std::string& exercise, const std::string& source) {
    Reply sent = api.Post("/api/v1/submissions",
                          {{"exercise", exercise}, {"language", "python"}, {"source", source}});
    EXPECT_EQ(sent.status, 202) << sent.body.dump();
    return sent.body.value("id", int64_t{0});
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_P(HiddenDataTest, Issue14SecretTestsShowNoDataAnywhere) {
  Api aino = As("aino");
  Reply joined = aino.Post("/api/v1/workshops/join", {{"code", "DEMO42"}});
  ASSERT_EQ(joined.status, 200) << "in Mikko's room: " << joined.body.dump();
  int64_t id = Submit(aino, "digit-sum", kEcho);
  auto events = aino.Events(id, 180);
  ASSERT_FALSE(events.empty());
  ASSERT_EQ(events.back().first, "done");
  json progress_tests = json::array();
  for (const auto& [name, data] : events) {
    if (name == "progress" && data.contains("test") && data["test"].is_object()) {
      progress_tests.push_back(data["test"]);
    }
  }
  ExpectNoHiddenData(progress_tests, "progress events");
  ExpectNoHiddenData(events.back().second["tests"], "done event");
  json done = aino.WaitDone(id, 180);
  EXPECT_EQ(done["verdict"], "wrong_answer") << done.dump();
  ExpectNoHiddenData(done["tests"], "GET submission");
  for (const json& test : done["tests"]) {
    if (IsSample(test)) {
      EXPECT_FALSE(test.value("feedback", "").empty()) << "samples show everything";
      // The default checker's note as a code, for the UI to word (issue 17).
      EXPECT_TRUE(test.contains("feedback_code")) << test.dump();
      EXPECT_FALSE(test.value("feedback_code", json::object()).value("code", "").empty())
          << test.dump();
    }
  }

  Reply zip = aino.Get("/api/v1/me/export");
  ASSERT_EQ(zip.status, 200);
  auto files = Unzip(zip.body.get<std::string>());
  json data = json::parse(files["koodikoe-aino/data.json"], nullptr, false);
  ASSERT_TRUE(data.is_object()) << files.size();
  ASSERT_FALSE(data["submissions"].empty());
  ExpectNoHiddenData(data["submissions"][0]["tests"], "data download");

  Reply share = aino.Post("/api/v1/shares", {{"company", "sari"}});
  ASSERT_EQ(share.status, 200) << share.body.dump();
  Api sari = As("sari");
  Reply report =
      sari.Get("/api/v1/company/candidates/" + std::to_string(share.body["id"].get<int64_t>()));
  ASSERT_EQ(report.status, 200) << report.body.dump();
  EXPECT_EQ(report.body.dump().find("\"feedback\""), std::string::npos) << report.body.dump();

  // The trainer of the room sees everything, the validator's message included.
  Api mikko = As("mikko");
  json seen = mikko.Get("/api/v1/submissions/" + std::to_string(id)).body;
  bool secret_feedback = false, secret_code = false;
  for (const json& test : seen["tests"]) {
    secret_feedback |= !IsSample(test) && !test.value("feedback", "").empty();
    secret_code |= !IsSample(test) && test.contains("feedback_code");
  }
  EXPECT_TRUE(secret_feedback) << seen.dump();
  EXPECT_TRUE(secret_code) << seen.dump();
}

TEST_P(HiddenDataTest, Issue14ATrialHidesEvenFullFeedbackGroups) {
  Api aino = As("aino");
  int64_t id = Submit(aino, "corridor_game", kWalk);
  json before = aino.WaitDone(id, 180);
  ASSERT_EQ(before["verdict"], "accepted") << before.dump();
  std::map<std::string, bool> replay;
  for (const json& test : before["tests"]) replay[test["name"]] = test.contains("replay");
  EXPECT_TRUE(replay["secret/open/1"]) << "full_feedback: true outside trials";
  EXPECT_FALSE(replay["secret/hidden/1"]);

  Api sari = As("sari");
  Reply trial = sari.Post("/api/v1/trials",
                          {{"title", "Games"}, {"exercises", {"corridor_game"}}, {"minutes", 30}});
  ASSERT_EQ(trial.status, 200) << trial.body.dump();
  json after = aino.Get("/api/v1/submissions/" + std::to_string(id)).body;
  ExpectNoHiddenData(after["tests"], "trial exercise");
  for (const json& test : after["tests"]) {
    if (IsSample(test)) {
      EXPECT_TRUE(test.contains("replay")) << "samples show everything";
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Stores, HiddenDataTest, ::testing::ValuesIn(AllStores()), StoreName);

// A service's sample scenario sits in the scored "scenarios" group: in a trial it still shows
// its feedback because the judge marks it a sample; a full_feedback secret scenario does not.
TEST(FeedbackForViewer, Issue17ASampleScenarioShowsInATrial) {
  json sample = {{"name", "scenarios/1-health"}, {"group", "scenarios"},
                 {"verdict", "wrong_answer"},    {"sample", true},
                 {"full_feedback", true},        {"feedback", "step 1: got 404"}};
  json secret = sample;
  secret["name"] = "scenarios/2-hidden";
  secret.erase("sample");
  EXPECT_EQ(web::TestForViewer(sample, web::ReportViewer::kHidden).value("feedback", ""),
            "step 1: got 404");
  EXPECT_FALSE(web::TestForViewer(secret, web::ReportViewer::kHidden).contains("feedback"));
  EXPECT_EQ(web::TestForViewer(secret, web::ReportViewer::kCandidate).value("feedback", ""),
            "step 1: got 404");
}

// A note's code carries the same expected and received text as the note: it is shown exactly
// where the note is (issue 17).
TEST(FeedbackForViewer, Issue17TheFeedbackCodeGoesWhereTheFeedbackGoes) {
  json code = {{"code", "token_differs"},
               {"params", {{"n", 1}, {"line", 1}, {"expected", "42"}, {"got", "41"}}}};
  json secret = {{"name", "secret/1"},
                 {"group", "secret"},
                 {"verdict", "wrong_answer"},
                 {"feedback", "token 1 (line 1): expected '42', got '41'"},
                 {"feedback_code", code}};
  json open = secret;
  open["full_feedback"] = true;
  json sample = secret;
  sample["group"] = "sample";
  for (web::ReportViewer viewer : {web::ReportViewer::kHidden, web::ReportViewer::kCandidate}) {
    EXPECT_FALSE(web::TestForViewer(secret, viewer).contains("feedback_code"));
    EXPECT_EQ(web::TestForViewer(sample, viewer)["feedback_code"], code);
  }
  EXPECT_FALSE(web::TestForViewer(open, web::ReportViewer::kHidden).contains("feedback_code"));
  EXPECT_EQ(web::TestForViewer(open, web::ReportViewer::kCandidate)["feedback_code"], code);
  EXPECT_EQ(web::TestForViewer(secret, web::ReportViewer::kEverything)["feedback_code"], code);
  json event = {{"done", 1}, {"total", 2}, {"test", secret}};
  EXPECT_EQ(web::ProgressEventForViewer(event.dump(), web::ReportViewer::kCandidate)
                .find("feedback_code"),
            std::string::npos);
}

}  // namespace
}  // namespace web_test
