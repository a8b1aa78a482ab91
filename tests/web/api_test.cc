// The HTTP API against a real `koodikoe serve` (fake evaluator, demo accounts), once on a
// temporary SQLite file and once on a database of a private PostgreSQL server.
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

class ApiTest : public ::testing::TestWithParam<StoreKind> {
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
      std::string name = GetParam() == StoreKind::kSqlite ? "api-sqlite" : "api-postgres";
      std::string db = NewStoreUrl(GetParam(), dir_->path(), name);
      ASSERT_FALSE(db.empty());
      server =
          ServerProcess::Start(db, {"--fake-judge", "--demo"}, dir_->path() + "/" + name + ".log")
              .release();
    }
    ASSERT_NE(server, nullptr) << "the server did not start; see its log in " << dir_->path();
    server_ = server;
  }

  // A client logged in with a bearer token.
  Api As(const std::string& username) {
    Api api(*server_);
    Reply login = api.Login(username, username + "-demo");
    EXPECT_EQ(login.status, 200) << login.body.dump();
    return api;
  }

  static TempDir* dir_;
  static std::map<StoreKind, ServerProcess*> servers_;
  ServerProcess* server_ = nullptr;
};

TempDir* ApiTest::dir_ = nullptr;
std::map<StoreKind, ServerProcess*> ApiTest::servers_;

bool IsApiError(const Reply& reply) {
  return reply.body.is_object() && reply.body.contains("error") && reply.body.contains("message") &&
         reply.body["message"].is_string() && !reply.body["message"].get<std::string>().empty();
}

std::string SetCookie(const Reply& reply, const std::string& name) {
  for (const auto& [header, value] : reply.headers) {
    if (header == "Set-Cookie" && value.rfind(name + "=", 0) == 0) return value;
  }
  return "";
}

TEST_P(ApiTest, LoginSetsCookiesAndReturnsToken) {
  Api api(*server_);
  Reply login = api.Login("aino", "aino-demo");
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.body["role"], "candidate");
  EXPECT_EQ(login.body["username"], "aino");
  EXPECT_FALSE(login.body["token"].get<std::string>().empty());
  EXPECT_FALSE(login.body["csrf"].get<std::string>().empty());
  std::string session = SetCookie(login, "kk_session");
  EXPECT_NE(session.find("HttpOnly"), std::string::npos) << session;
  EXPECT_NE(session.find("SameSite=Strict"), std::string::npos) << session;
  EXPECT_EQ(session.find("Secure"), std::string::npos) << "no TLS here: " << session;
  std::string csrf = SetCookie(login, "kk_csrf");
  EXPECT_NE(csrf.find(login.body["csrf"].get<std::string>()), std::string::npos);
  EXPECT_EQ(csrf.find("HttpOnly"), std::string::npos) << "the page must read it: " << csrf;

  Reply me = api.Get("/api/v1/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.body["username"], "aino");
  EXPECT_EQ(me.body["language"], "fi");
}

TEST_P(ApiTest, WrongPasswordIsRefusedWithAMessage) {
  Api api(*server_);
  Reply login = api.Login("yusuf", "not-the-password");
  EXPECT_EQ(login.status, 401);
  EXPECT_TRUE(IsApiError(login));
  EXPECT_EQ(login.body["error"], "wrong_credentials");
  EXPECT_EQ(api.Login("nobody-here", "whatever1").status, 401);
}

TEST_P(ApiTest, LoginIsRateLimitedPerUsername) {
  Api api(*server_);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(api.Login("ghost", "wrong-password").status, 401);
  // Then each guess waits longer (1 s, 2 s, 4 s ...): soon one comes too early.
  Reply limited;
  for (int i = 0; i < 8 && limited.status != 429; ++i) {
    limited = api.Login("ghost", "wrong-password");
  }
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(IsApiError(limited));
  bool retry_after = false;
  for (const auto& [name, value] : limited.headers) retry_after |= name == "Retry-After";
  EXPECT_TRUE(retry_after);
  EXPECT_EQ(Api(*server_).Login("yusuf", "yusuf-demo").status, 200) << "others are not blocked";
}

TEST_P(ApiTest, EverythingButLoginNeedsASession) {
  Api api(*server_);
  Reply reply = api.Get("/api/v1/exercises");
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(reply.body["error"], "login_required");
  EXPECT_EQ(api.Post("/api/v1/submissions", {{"exercise", "sum"}}).status, 401);
}

TEST_P(ApiTest, CookieWritesNeedTheCsrfHeader) {
  Api without(*server_);
  ASSERT_EQ(without.Login("aino", "aino-demo").status, 200);
  without.UseCookies(/*send_csrf=*/false);
  EXPECT_EQ(without.Get("/api/v1/me").status, 200) << "reads need no CSRF header";
  Reply refused = without.Put("/api/v1/me", {{"language", "en"}});
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(refused.body["error"], "csrf_failed");

  Api with(*server_);
  ASSERT_EQ(with.Login("aino", "aino-demo").status, 200);
  with.UseCookies(/*send_csrf=*/true);
  Reply accepted = with.Put("/api/v1/me", {{"language", "fi"}});
  EXPECT_EQ(accepted.status, 200) << accepted.body.dump();
}

TEST_P(ApiTest, LanguagePreferenceIsStored) {
  Api api = As("yusuf");
  Reply put = api.Put("/api/v1/me", {{"language", "en"}, {"nickname", "Yusuf K"}});
  ASSERT_EQ(put.status, 200);
  Reply me = api.Get("/api/v1/me");
  EXPECT_EQ(me.body["language"], "en");
  EXPECT_EQ(me.body["nickname"], "Yusuf K");
  Reply bad = api.Put("/api/v1/me", {{"language", "sv"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(IsApiError(bad));
}

TEST_P(ApiTest, RolesAreEnforced) {
  Api candidate = As("aino");
  Reply workshop = candidate.Post("/api/v1/workshops", {{"title", "x"}, {"exercises", {"sum"}}});
  EXPECT_EQ(workshop.status, 403);
  EXPECT_EQ(workshop.body["error"], "trainer_only");
  Api trainer = As("mikko");
  Reply user = trainer.Post(
      "/api/v1/users", {{"username", "ville"}, {"password", "ville-pass"}, {"role", "candidate"}});
  EXPECT_EQ(user.status, 403);

  Api admin = As("admin");
  Reply created = admin.Post(
      "/api/v1/users", {{"username", "ville"}, {"password", "ville-pass"}, {"role", "candidate"}});
  ASSERT_EQ(created.status, 200) << created.body.dump();
  Reply again = admin.Post(
      "/api/v1/users", {{"username", "ville"}, {"password", "ville-pass"}, {"role", "candidate"}});
  EXPECT_EQ(again.status, 409);
  Reply weak = admin.Post("/api/v1/users",
                          {{"username", "kalle"}, {"password", "short"}, {"role", "candidate"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_TRUE(IsApiError(weak));
  Api ville(*server_);
  EXPECT_EQ(ville.Login("ville", "ville-pass").status, 200);
}

TEST_P(ApiTest, LogoutEndsTheSession) {
  Api api = As("yusuf");
  EXPECT_EQ(api.Delete("/api/v1/session").status, 200);
  EXPECT_EQ(api.Get("/api/v1/me").status, 401);
}

TEST_P(ApiTest, ExercisesShowStatementsAndSamplesButNoHiddenData) {
  Api api = As("aino");
  Reply list = api.Get("/api/v1/exercises");
  ASSERT_EQ(list.status, 200);
  ASSERT_TRUE(list.body.is_array());
  bool found = false;
  for (const auto& exercise : list.body) {
    for (const char* key :
         {"id", "title", "track", "tier", "kind", "languages", "skills", "status"}) {
      EXPECT_TRUE(exercise.contains(key)) << key;
    }
    found |= exercise["id"] == "sum";
  }
  EXPECT_TRUE(found);
  Reply sum = api.Get("/api/v1/exercises/sum");
  ASSERT_EQ(sum.status, 200);
  EXPECT_EQ(sum.body["samples"].size(), 2u);
  EXPECT_FALSE(sum.body["statement"]["fi"].get<std::string>().empty());
  EXPECT_EQ(sum.body["hints_released"], false);
  EXPECT_TRUE(sum.body["hints"].is_null());
  EXPECT_EQ(api.Get("/api/v1/exercises/no-such-thing").status, 404);
}

TEST_P(ApiTest, SubmissionIsJudgedWithLiveProgress) {
  Api api = As("yusuf");
  Reply submitted =
      api.Post("/api/v1/submissions",
               {{"exercise", "sum"}, {"language", "python"}, {"source", "SLEEP_MS=200\nprint(3)"}});
  ASSERT_EQ(submitted.status, 202) << submitted.body.dump();
  int64_t id = submitted.body["id"];
  auto events = api.Events(id, 60);
  ASSERT_FALSE(events.empty());
  EXPECT_EQ(events.back().first, "done");
  const json& done = events.back().second;
  EXPECT_EQ(done["status"], "done");
  EXPECT_EQ(done["verdict"], "accepted");
  EXPECT_EQ(done["tests"].size(), 3u);
  int progress = 0;
  for (const auto& [name, data] : events) {
    if (name != "progress") continue;
    ++progress;
    EXPECT_EQ(data["total"], 3);
    EXPECT_TRUE(data.contains("done"));
  }
  EXPECT_GE(progress, 3) << "a progress event per test";

  Reply stored = api.Get("/api/v1/submissions/" + std::to_string(id));
  ASSERT_EQ(stored.status, 200);
  EXPECT_EQ(stored.body["source"], "SLEEP_MS=200\nprint(3)");
  EXPECT_EQ(stored.body["kind"], "submission");
  EXPECT_EQ(stored.body["user"], "yusuf");
  Reply list = api.Get("/api/v1/submissions?exercise=sum");
  ASSERT_EQ(list.status, 200);
  ASSERT_FALSE(list.body.empty());
  EXPECT_EQ(list.body[0]["id"], id);
  Reply progress_page = api.Get("/api/v1/progress");
  ASSERT_EQ(progress_page.status, 200);
  EXPECT_NE(progress_page.body["solved"].dump().find("\"sum\""), std::string::npos);
  EXPECT_EQ(progress_page.body["by_tier"]["2"]["solved"].get<int>() >= 1, true);

  // A late listener gets the verdict at once.
  auto late = api.Events(id, 10);
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0].first, "done");
}

TEST_P(ApiTest, WrongAnswerAndCompileErrorAreReported) {
  Api api = As("aino");
  Reply wrong = api.Post("/api/v1/submissions",
                         {{"exercise", "sum"}, {"language", "cpp"}, {"source", "WRONG"}});
  ASSERT_EQ(wrong.status, 202);
  json judged = api.WaitDone(wrong.body["id"], 60);
  EXPECT_EQ(judged["verdict"], "wrong_answer");
  EXPECT_EQ(judged["tests"][1]["verdict"], "wrong_answer");
  Reply broken = api.Post("/api/v1/submissions",
                          {{"exercise", "sum"}, {"language", "cpp"}, {"source", "COMPILE_ERROR"}});
  json compiled = api.WaitDone(broken.body["id"], 60);
  EXPECT_EQ(compiled["verdict"], "compile_error");
  EXPECT_EQ(compiled["compile"]["status"], "compile_error");
  EXPECT_NE(compiled["compile"]["output"].get<std::string>().find("main.cc:1"), std::string::npos);
}

TEST_P(ApiTest, RunsAreNotRecorded) {
  Api api = As("admin");
  Reply run = api.Post("/api/v1/runs",
                       {{"exercise", "sum"}, {"language", "python"}, {"source", "print(3)"}});
  ASSERT_EQ(run.status, 202);
  json done = api.WaitDone(run.body["id"], 60);
  EXPECT_EQ(done["kind"], "run");
  EXPECT_EQ(done["tests"].size(), 1u) << "samples only";
  Reply custom = api.Post(
      "/api/v1/runs",
      {{"exercise", "sum"}, {"language", "python"}, {"source", "print(3)"}, {"input", "40 2\n"}});
  ASSERT_EQ(custom.status, 202);
  json output = api.WaitDone(custom.body["id"], 60);
  EXPECT_EQ(output["output"], "40 2\n");
  EXPECT_EQ(output["tests"][0]["feedback"], "40 2\n");
  EXPECT_TRUE(api.Get("/api/v1/submissions").body.empty()) << "runs are not submissions";
  EXPECT_TRUE(api.Get("/api/v1/progress").body["attempted"].empty());
}

TEST_P(ApiTest, BadSubmissionsGetClearErrors) {
  Api api = As("aino");
  std::string big(300 * 1024, 'x');
  Reply large = api.Post("/api/v1/submissions",
                         {{"exercise", "sum"}, {"language", "python"}, {"source", big}});
  EXPECT_EQ(large.status, 413);
  EXPECT_EQ(large.body["error"], "source_too_large");
  EXPECT_NE(large.body["message"].get<std::string>().find("256 KiB"), std::string::npos);
  // Issue 17: the numbers the message names, for the UI to word it in the user's language.
  EXPECT_EQ(large.body["params"], json({{"size_kib", 300}, {"limit_kib", 256}}));

  Reply unknown = api.Post("/api/v1/submissions",
                           {{"exercise", "nope"}, {"language", "python"}, {"source", "x"}});
  EXPECT_EQ(unknown.status, 404);
  EXPECT_TRUE(IsApiError(unknown));
  Reply language = api.Post("/api/v1/submissions",
                            {{"exercise", "sum"}, {"language", "cobol"}, {"source", "x"}});
  EXPECT_EQ(language.status, 400);
  EXPECT_EQ(language.body["error"], "unsupported_language");
  EXPECT_EQ(language.body["params"]["language"], "cobol");
  EXPECT_FALSE(unknown.body.contains("params")) << "an error whose text names nothing";
  Reply not_json = api.PostRaw("/api/v1/submissions", "{oops", "application/json");
  EXPECT_EQ(not_json.status, 400);
  EXPECT_EQ(not_json.body["error"], "bad_json");
  Reply wrong_type =
      api.Post("/api/v1/submissions", {{"exercise", 5}, {"language", "python"}, {"source", "x"}});
  EXPECT_EQ(wrong_type.status, 400);
  EXPECT_TRUE(IsApiError(wrong_type));
}

TEST_P(ApiTest, FiftyMegabyteBodyIs413WithJson) {
  Api api = As("aino");
  std::string huge(50u << 20, ' ');
  Reply reply = api.PostRaw("/api/v1/submissions", huge, "application/json");
  EXPECT_EQ(reply.status, 413);
  EXPECT_TRUE(IsApiError(reply)) << reply.body.dump();
  EXPECT_EQ(reply.body["error"], "body_too_large");
  EXPECT_EQ(reply.body["params"]["limit_kib"], 32 * 1024) << "the server's limit";
  Reply over_route =
      api.PostRaw("/api/v1/submissions", std::string(5u << 20, ' '), "application/json");
  EXPECT_EQ(over_route.status, 413);
  EXPECT_EQ(over_route.body["params"], json({{"size_kib", 5 * 1024}, {"limit_kib", 4 * 1024}}))
      << "the submissions' limit";
}

TEST_P(ApiTest, OthersCannotSeeASubmission) {
  Api aino = As("aino");
  Reply submitted = aino.Post(
      "/api/v1/submissions", {{"exercise", "sum"}, {"language", "python"}, {"source", "print(3)"}});
  ASSERT_EQ(submitted.status, 202);
  std::string path = "/api/v1/submissions/" + std::to_string(submitted.body["id"].get<int64_t>());
  Api yusuf = As("yusuf");
  EXPECT_EQ(yusuf.Get(path).status, 404);
  EXPECT_EQ(yusuf.Get(path + "/events").status, 404);
  EXPECT_EQ(yusuf.Post(path + "/comments", {{"line", 1}, {"text", "hi"}}).status, 404);
  Api company = As("sari");
  EXPECT_EQ(company.Get(path).status, 404);
  EXPECT_EQ(As("admin").Get(path).status, 200);
}

TEST_P(ApiTest, WorkshopFromJoiningToLiveView) {
  Api trainer = As("mikko");
  Reply created = trainer.Post("/api/v1/workshops", {{"title", "Tiistai"},
                                                     {"exercises", {"hello", "sum"}},
                                                     {"starts_at", "2026-01-06T09:00:00Z"},
                                                     {"ends_at", "2026-01-06T15:00:00Z"},
                                                     {"scoreboard", true}});
  ASSERT_EQ(created.status, 200) << created.body.dump();
  int64_t id = created.body["id"];
  std::string code = created.body["join_code"];
  std::string base = "/api/v1/workshops/" + std::to_string(id);

  Api candidate = As("yusuf");
  EXPECT_EQ(candidate.Get(base).status, 404) << "not joined yet";
  Reply bad_code = candidate.Post("/api/v1/workshops/join", {{"code", "NOPE99"}});
  EXPECT_EQ(bad_code.status, 404);
  std::string lower = code;
  for (char& c : lower) c = static_cast<char>(std::tolower(c));
  Reply joined = candidate.Post("/api/v1/workshops/join", {{"code", lower}, {"nickname", "Yu"}});
  ASSERT_EQ(joined.status, 200) << joined.body.dump();
  EXPECT_EQ(joined.body["id"], id);
  Reply seen = candidate.Get(base);
  ASSERT_EQ(seen.status, 200);
  EXPECT_FALSE(seen.body.contains("join_code")) << "only the trainer sees the code";
  EXPECT_EQ(trainer.Get(base).body["join_code"], code);
  EXPECT_EQ(candidate.Get(base + "/live").status, 403);

  Reply wrong = candidate.Post("/api/v1/submissions",
                               {{"exercise", "sum"}, {"language", "python"}, {"source", "WRONG"}});
  ASSERT_EQ(wrong.status, 202);
  int64_t submission = wrong.body["id"];
  candidate.WaitDone(submission, 60);
  Reply help = candidate.Post(base + "/help", {{"exercise", "sum"}, {"message", "stuck"}});
  ASSERT_EQ(help.status, 200) << help.body.dump();

  Reply live = trainer.Get(base + "/live");
  ASSERT_EQ(live.status, 200);
  ASSERT_EQ(live.body["participants"].size(), 1u);
  const json& row = live.body["participants"][0];
  EXPECT_EQ(row["username"], "yusuf");
  EXPECT_EQ(row["nickname"], "Yu");
  EXPECT_EQ(row["exercise"], "sum");
  EXPECT_EQ(row["attempts"], 1);
  EXPECT_EQ(row["last_verdict"], "wrong_answer");
  EXPECT_EQ(row["needs_help"], true);
  ASSERT_EQ(live.body["heatmap"].size(), 1u);
  EXPECT_EQ(live.body["heatmap"][0]["test"], "secret/1");
  EXPECT_EQ(live.body["heatmap"][0]["failures"], 1);
  ASSERT_EQ(live.body["help"].size(), 1u);

  int64_t help_id = help.body["id"];
  EXPECT_EQ(
      trainer.Post(base + "/help/" + std::to_string(help_id) + "/answer", json::object()).status,
      200);
  Reply after = trainer.Get(base + "/live");
  EXPECT_EQ(after.body["participants"][0]["needs_help"], false);
  ASSERT_EQ(after.body["help"].size(), 1u) << "an answered request stays in the room's history";
  const json& answered = after.body["help"][0];
  EXPECT_EQ(answered["answered"], true);
  EXPECT_TRUE(answered["answered_at"].is_string()) << answered.dump();
  EXPECT_EQ(answered["submission_id"], submission) << "the code the request was about";

  EXPECT_TRUE(candidate.Get("/api/v1/exercises/hello").body["hints"].is_null());
  Reply released = trainer.Post(base + "/hints", {{"exercise", "hello"}});
  ASSERT_EQ(released.status, 200);
  EXPECT_EQ(released.body["already_released"], false);
  Reply again = trainer.Post(base + "/hints", {{"exercise", "hello"}});
  EXPECT_EQ(again.body["already_released"], true) << "a second click releases nothing new";
  EXPECT_EQ(again.body["hints_released_at"], released.body["hints_released_at"]);
  json details = trainer.Get(base).body["exercise_details"];
  ASSERT_EQ(details.size(), 2u);
  EXPECT_EQ(details[0]["hints_released_at"], released.body["hints_released_at"]);
  EXPECT_TRUE(details[1]["hints_released_at"].is_null()) << "sum's hints are not released";
  Reply hello = candidate.Get("/api/v1/exercises/hello");
  EXPECT_EQ(hello.body["hints_released"], true);
  Reply extra = trainer.Post(base + "/extra-time", {{"username", "yusuf"}, {"minutes", 15}});
  ASSERT_EQ(extra.status, 200);
  EXPECT_EQ(extra.body["extra_minutes"], 15);
  EXPECT_EQ(trainer.Post(base + "/extra-time", {{"username", "aino"}, {"minutes", 5}}).status, 404);

  Reply board = candidate.Get(base + "/scoreboard");
  ASSERT_EQ(board.status, 200);
  ASSERT_EQ(board.body.size(), 1u);
  EXPECT_EQ(board.body[0]["nickname"], "Yu");
  EXPECT_FALSE(board.body[0].contains("username")) << "nicknames only";

  // Line comments: the trainer of the room comments, the candidate answers, others cannot.
  std::string comments = "/api/v1/submissions/" + std::to_string(submission) + "/comments";
  EXPECT_EQ(trainer.Get("/api/v1/submissions/" + std::to_string(submission)).status, 200);
  Reply comment = trainer.Post(comments, {{"line", 1}, {"text", "What does WRONG do?"}});
  ASSERT_EQ(comment.status, 200) << comment.body.dump();
  EXPECT_EQ(candidate.Post(comments, {{"line", 1}, {"text", "Oops"}}).status, 200);
  Reply thread = candidate.Get(comments);
  ASSERT_EQ(thread.status, 200);
  ASSERT_EQ(thread.body.size(), 2u);
  EXPECT_EQ(thread.body[0]["role"], "trainer");
  EXPECT_EQ(thread.body[1]["author"], "yusuf");
  EXPECT_EQ(As("aino").Post(comments, {{"line", 1}, {"text", "hi"}}).status, 404);

  Reply mine = candidate.Get("/api/v1/workshops");
  ASSERT_EQ(mine.status, 200);
  bool listed = false;
  for (const auto& w : mine.body) listed |= w["id"] == id;
  EXPECT_TRUE(listed);
}

// Workshop analytics count only solves made between the workshop's start and end.
TEST_P(ApiTest, WorkshopAnalyticsCountOnlySolvesDuringTheWorkshop) {
  Api trainer = As("mikko");
  Api candidate = As("aino");
  auto workshop = [&](const std::string& title, const std::string& starts,
                      const std::string& ends) {
    Reply created = trainer.Post(
        "/api/v1/workshops",
        {{"title", title}, {"exercises", {"sum"}}, {"starts_at", starts}, {"ends_at", ends}});
    EXPECT_EQ(created.status, 200) << created.body.dump();
    Reply joined = candidate.Post("/api/v1/workshops/join", {{"code", created.body["join_code"]}});
    EXPECT_EQ(joined.status, 200) << joined.body.dump();
    return "/api/v1/workshops/" + std::to_string(created.body["id"].get<int64_t>());
  };
  std::string now_on = workshop("Now", "2020-01-01T09:00:00Z", "2099-01-01T15:00:00.000Z");
  std::string ended = workshop("Ended", "2020-01-01T09:00:00Z", "2020-01-01T15:00:00Z");
  std::string later = workshop("Later", "2099-01-01T09:00:00+02:00", "2099-01-01T15:00:00+02:00");
  Reply solved = candidate.Post("/api/v1/submissions",
                                {{"exercise", "sum"}, {"language", "python"}, {"source", "OK"}});
  ASSERT_EQ(solved.status, 202) << solved.body.dump();
  EXPECT_EQ(candidate.WaitDone(solved.body["id"], 60)["verdict"], "accepted");

  auto solved_by = [&](const std::string& base) {
    Reply analytics = trainer.Get(base + "/analytics");
    EXPECT_EQ(analytics.status, 200) << analytics.body.dump();
    EXPECT_EQ(analytics.body["per_exercise"][0]["exercise"], "sum");
    EXPECT_TRUE(analytics.body["per_exercise"][0]["title"].is_string()) << analytics.body.dump();
    EXPECT_NE(analytics.body["per_exercise"][0]["title"], "sum") << "the title, not the id";
    return analytics.body["per_exercise"][0]["solved_by"];
  };
  EXPECT_EQ(solved_by(now_on), 1) << "solved while the workshop runs";
  EXPECT_EQ(solved_by(ended), 0) << "solved after the workshop ended";
  EXPECT_EQ(solved_by(later), 0) << "solved before the workshop started";
}

TEST_P(ApiTest, DemoWorkshopHasItsJoinCode) {
  Api api = As("aino");
  Reply joined = api.Post("/api/v1/workshops/join", {{"code", "DEMO42"}, {"nickname", "Aino"}});
  ASSERT_EQ(joined.status, 200) << joined.body.dump();
  EXPECT_EQ(joined.body["title"], "Maanantain työpaja");
}

TEST_P(ApiTest, ScoreboardCanBeOff) {
  Api trainer = As("mikko");
  Reply created = trainer.Post("/api/v1/workshops", {{"title", "Private"}, {"exercises", {"sum"}}});
  ASSERT_EQ(created.status, 200);
  Reply board = trainer.Get("/api/v1/workshops/" +
                            std::to_string(created.body["id"].get<int64_t>()) + "/scoreboard");
  EXPECT_EQ(board.status, 404);
  EXPECT_EQ(board.body["error"], "scoreboard_off");
  Reply unknown = trainer.Post("/api/v1/workshops", {{"title", "X"}, {"exercises", {"nope"}}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.body["error"], "unknown_exercise");
}

TEST_P(ApiTest, HealthMetricsAndFallbacks) {
  Api api(*server_);
  Reply health = api.Get("/healthz");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body["status"], "ok");
  Reply metrics = api.Get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  std::string text = metrics.body.get<std::string>();
  for (const char* name : {"koodikoe_queue_depth", "koodikoe_judged_total",
                           "koodikoe_judged_per_second", "koodikoe_verdicts_total",
                           "koodikoe_judge_seconds_bucket", "koodikoe_judge_seconds_count"}) {
    EXPECT_NE(text.find(name), std::string::npos) << name;
  }
  Reply unknown = api.Get("/api/v1/nothing-here");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_EQ(unknown.body["error"], "no_such_route");
  Reply post_unknown = api.Post("/api/v1/nothing-here", json::object());
  EXPECT_EQ(post_unknown.status, 404);
  EXPECT_TRUE(IsApiError(post_unknown));
  Reply page = api.Get("/workshops/1/live");
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.get<std::string>().find("<html"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Stores, ApiTest, ::testing::ValuesIn(AllStores()), StoreName);

// `koodikoe judge` and `koodikoe exercise check` share their flags and their answer to a
// mistaken argument: exit 2 before any judging; arguments that are not flags are the inputs.
TEST(JudgeCommandTest, MistakenArgumentsStopBeforeJudging) {
  EXPECT_EQ(RunKoodikoe({"judge", "--jobs", "0", "pkg", "src"}, "").first, 2);
  EXPECT_EQ(RunKoodikoe({"judge", "--frobnicate", "pkg", "src"}, "").first, 2);
  EXPECT_EQ(RunKoodikoe({"judge", "--cache"}, "").first, 2);
  EXPECT_EQ(RunKoodikoe({"judge", "only-one"}, "").first, 2);
  EXPECT_EQ(RunKoodikoe({"exercise", "check", "--jobs", "x", "pkg"}, "").first, 2);
  EXPECT_EQ(RunKoodikoe({"exercise", "check", "--frobnicate", "pkg"}, "").first, 2);
  EXPECT_EQ(RunKoodikoe({"exercise", "check"}, "").first, 2);
  // Two inputs (after a shared flag) go on to judging, which fails on a package that is not
  // there: exit 1, not 2.
  TempDir dir;
  EXPECT_EQ(RunKoodikoe({"judge", "--jobs", "1", "--cache", dir.path() + "/cache",
                         dir.path() + "/no-package", dir.path() + "/no-source.py"},
                        "")
                .first,
            1);
}

TEST(UserCommandTest, AddsAUserWithThePasswordFromStdin) {
  TempDir dir;
  std::string db = "sqlite:" + dir.path() + "/users.db";
  auto [status, output] =
      RunKoodikoe({"user", "add", "liisa", "--role", "trainer", "--db", db}, "liisa-password\n");
  ASSERT_EQ(status, 0) << output;
  auto [again, ignored] =
      RunKoodikoe({"user", "add", "liisa", "--role", "trainer", "--db", db}, "liisa-password\n");
  EXPECT_EQ(again, 1) << "the name is taken";
  EXPECT_EQ(RunKoodikoe({"user", "add", "x1", "--role", "boss", "--db", db}, "pw").first, 2);

  auto server =
      ServerProcess::Start(dir.path() + "/users.db", {"--fake-judge"}, dir.path() + "/server.log");
  ASSERT_NE(server, nullptr);
  Api api(*server);
  Reply login = api.Login("liisa", "liisa-password");
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.body["role"], "trainer");
}

}  // namespace
}  // namespace web_test
