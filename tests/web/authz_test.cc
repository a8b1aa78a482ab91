// Authorisation walk: every route of the route table (so a new route is covered the day it is
// added), called by every role and by nobody, against a world where one candidate has a
// secret in her code, a wrong answer with hidden-test feedback, a share with one company and a
// revoked link. Asserts the role gates of the table, that the secret reaches only its owner,
// an admin and the company she consented to, that hidden-test feedback reaches only an admin
// (not even the candidate: issue 14), and that nothing answers 5xx.
#include <gtest/gtest.h>

#include <map>
#include <regex>
#include <set>

#include "http/routes.h"
#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

constexpr const char* kSecret = "SECRET_AINO_7391";
constexpr const char* kHiddenFeedback = "expected 3, got 4";

struct Caller {
  std::string name;  // "" = not logged in
  std::string role;  // "" for nobody
  std::string password;
  bool may_see_secret = false;
  bool may_see_hidden_feedback = false;
};

class AuthzTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    std::string db = NewStoreUrl(GetParam(), dir_.path(), "authz");
    ASSERT_FALSE(db.empty());
    // The routes that read a package (export, source) need hello's files: --demo serves only
    // the bundled exercises.
    server_ = ServerProcess::Start(db,
                                   {"--fake-judge", "--demo", "--exercises",
                                    std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/hello"},
                                   dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr);
  }

  std::unique_ptr<Api> LoggedIn(const Caller& caller) {
    auto api = std::make_unique<Api>(*server_);
    if (!caller.name.empty()) {
      Reply login = api->Login(caller.name, caller.password);
      EXPECT_EQ(login.status, 200) << caller.name << ": " << login.body.dump();
    }
    return api;
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

bool Gated(const std::string& access, const std::string& role) {
  if (access == "trainer") return role != "trainer" && role != "admin";
  if (access == "admin") return role != "admin";
  if (access == "candidate") return role != "candidate";
  if (access == "company") return role != "company";
  return false;
}

TEST_P(AuthzTest, EveryRouteWithEveryRole) {
  std::vector<Caller> callers = {
      {"", "", "", false, false},
      {"ville", "candidate", "ville-password", false, false},
      {"acme", "company", "acme-password", false, false},
      {"sari", "company", "sari-demo", true, false},
      {"mikko", "trainer", "mikko-demo", false, false},
      {"admin", "admin", "admin-demo", true, true},
      {"aino", "candidate", "aino-demo", true, false},  // the owner, last: she may revoke
  };
  Api admin(*server_);
  ASSERT_EQ(admin.Login("admin", "admin-demo").status, 200);
  for (const auto& [name, role] : std::vector<std::pair<std::string, std::string>>{
           {"ville", "candidate"}, {"acme", "company"}}) {
    ASSERT_EQ(admin
                  .Post("/api/v1/users",
                        {{"username", name}, {"password", name + "-password"}, {"role", role}})
                  .status,
              200);
  }
  Api aino(*server_);
  ASSERT_EQ(aino.Login("aino", "aino-demo").status, 200);
  Reply good = aino.Post("/api/v1/submissions",
                         {{"exercise", "hello"},
                          {"language", "python"},
                          {"source", std::string("print('Hello, world!')  # ") + kSecret}});
  ASSERT_EQ(good.status, 202);
  int64_t submission = good.body["id"];
  aino.WaitDone(submission, 30);
  Reply bad =
      aino.Post("/api/v1/submissions", {{"exercise", "sum"},
                                        {"language", "python"},
                                        {"source", std::string("print(4)  # WRONG ") + kSecret}});
  ASSERT_EQ(bad.status, 202);
  aino.WaitDone(bad.body["id"], 30);
  json judged =
      admin.Get("/api/v1/submissions/" + std::to_string(bad.body["id"].get<int64_t>())).body;
  ASSERT_NE(judged.dump().find(kHiddenFeedback), std::string::npos)
      << "the fake judge's hidden-test feedback changed; update kHiddenFeedback";
  Reply link = aino.Post("/api/v1/shares", json::object());
  ASSERT_EQ(link.status, 200);
  std::string revoked_token = link.body["link"].get<std::string>().substr(8);
  ASSERT_EQ(aino.Delete("/api/v1/shares/" + std::to_string(link.body["id"].get<int64_t>())).status,
            200);
  Reply workshops = admin.Get("/api/v1/workshops");

  // Aino's share with sari, recreated whenever the owner's own calls revoke it.
  auto current_share = [&]() -> int64_t {
    for (const auto& share : aino.Get("/api/v1/shares").body) {
      if (share["kind"] == "company" && share["active"].get<bool>()) return share["id"];
    }
    Reply made = aino.Post("/api/v1/shares", {{"company", "sari"}});
    EXPECT_EQ(made.status, 200) << made.body.dump();
    return made.body.value("id", int64_t{0});
  };

  // Realistic bodies where an empty one would stop at validation before the access check.
  std::map<std::string, json> bodies = {
      {"POST /api/v1/submissions/{id}/comments", {{"line", 1}, {"text", "Nice"}}},
      {"PUT /api/v1/company/shortlist/{share}", {{"note", "note"}}},
      {"POST /api/v1/company/candidates/{share}/contact", {{"message", "hi"}}},
      {"POST /api/v1/shares/{id}/contact", {{"accept", true}}},
      {"PUT /api/v1/profile/reflections/{exercise}", {{"text", "reflection"}}},
  };

  std::map<std::string, std::unique_ptr<Api>> clients;
  for (const auto& caller : callers) clients[caller.name] = LoggedIn(caller);
  int calls = 0;
  std::set<std::string> walked;
  for (const auto& route : web::ListRoutes()) {
    std::string key = route.method + " " + route.path;
    walked.insert(key);
    for (const auto& caller : callers) {
      int64_t share = current_share();
      std::string path = route.path;
      auto fill = [&](const std::string& name, const std::string& value) {
        path = std::regex_replace(path, std::regex("\\{" + name + "\\}"), value);
      };
      std::string id = "1";
      if (path.rfind("/api/v1/submissions/", 0) == 0) id = std::to_string(submission);
      if (path.rfind("/api/v1/shares/", 0) == 0) id = std::to_string(share);
      if (path.rfind("/api/v1/exercises/", 0) == 0) id = "hello";
      if (path.rfind("/api/v1/workshops/", 0) == 0 && !workshops.body.empty()) {
        id = std::to_string(workshops.body[0]["id"].get<int64_t>());
      }
      fill("id", id);
      fill("share", std::to_string(share));
      fill("token", revoked_token);
      fill("exercise", "hello");
      path = std::regex_replace(path, std::regex("\\{[^}]*\\}"), "1");
      if (route.path == "/api/v1/company/compare")
        path += "?shares=" + std::to_string(share) + ",1";

      Api& api = *clients[caller.name];
      json body = bodies.count(key) ? bodies[key] : json::object();
      Reply reply = route.method == "GET"    ? api.Get(path)
                    : route.method == "POST" ? api.Post(path, body)
                    : route.method == "PUT"  ? api.Put(path, body)
                                             : api.Delete(path, body);
      ++calls;
      std::string who =
          (caller.name.empty() ? "nobody" : caller.name) + " " + route.method + " " + path;
      ASSERT_NE(reply.status, 0) << who;
      EXPECT_LT(reply.status, 500) << who << " " << reply.body.dump();
      if (route.access != "public" && caller.name.empty()) {
        EXPECT_EQ(reply.status, 401) << who;
      } else if (Gated(route.access, caller.role)) {
        EXPECT_EQ(reply.status, 403) << who;
      }
      std::string text = reply.body.is_string() ? reply.body.get<std::string>() : reply.body.dump();
      if (!caller.may_see_secret) {
        EXPECT_EQ(text.find(kSecret), std::string::npos) << who << " saw another's code";
      }
      if (!caller.may_see_hidden_feedback) {
        EXPECT_EQ(text.find(kHiddenFeedback), std::string::npos) << who << " saw hidden tests";
      }
      // Issue 14: a trainer changes no exercise they do not own (here the bundled "hello":
      // nobody's but the admins'); copying is what others may do.
      if (caller.role == "trainer" && route.method != "GET" &&
          route.path.rfind("/api/v1/exercises/{id}/", 0) == 0 &&
          route.path != "/api/v1/exercises/{id}/copy") {
        EXPECT_TRUE(reply.status == 403 || reply.status == 409) << who << " " << reply.status;
      }
      if (route.path == "/api/v1/shared/{token}") {
        EXPECT_EQ(reply.status, 404) << who << ": a revoked link must not work";
      }
      if (key == "DELETE /api/v1/session" && !caller.name.empty()) {
        clients[caller.name] = LoggedIn(caller);  // logged out: log in again for what follows
      }
    }
  }
  EXPECT_EQ(walked.size(), web::ListRoutes().size());
  EXPECT_EQ(calls, static_cast<int>(web::ListRoutes().size() * callers.size()));
  // The company with consent did see the code, so the walk did reach the report.
  Api sari(*server_);
  ASSERT_EQ(sari.Login("sari", "sari-demo").status, 200);
  Reply report = sari.Get("/api/v1/company/candidates/" + std::to_string(current_share()));
  EXPECT_EQ(report.status, 200);
  EXPECT_NE(report.body.dump().find(kSecret), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Stores, AuthzTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
