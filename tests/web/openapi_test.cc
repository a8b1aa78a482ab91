// The OpenAPI document, the route table, the agreed API (web/API.md) and the running server
// describe the same routes.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "http/routes.h"
#include "server_fixture.h"

namespace web_test {
namespace {

using Key = std::pair<std::string, std::string>;  // method, path

std::set<Key> TableRoutes() {
  std::set<Key> routes;
  for (const auto& route : web::ListRoutes()) routes.insert({route.method, route.path});
  return routes;
}

std::set<Key> DocumentRoutes(const json& document) {
  std::set<Key> routes;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(c));
      routes.insert({upper, path});
    }
  }
  return routes;
}

// Path parameters have different names in prose ({hid}, {id}); compare shapes.
std::string Shape(const std::string& path) {
  return std::regex_replace(path, std::regex("\\{[^}]*\\}"), "{}");
}

TEST(OpenApiTest, EveryRouteIsDocumentedAndNothingElse) {
  json document = web::OpenApiDocument();
  EXPECT_EQ(document["openapi"], "3.0.3");
  EXPECT_EQ(TableRoutes(), DocumentRoutes(document));
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      EXPECT_FALSE(operation["summary"].get<std::string>().empty()) << method << " " << path;
      EXPECT_TRUE(operation.contains("responses")) << method << " " << path;
    }
  }
}

TEST(OpenApiTest, EveryRouteOfTheAgreedApiIsImplemented) {
  std::ifstream file(std::string(KOODIKOE_SOURCE_DIR) + "/web/API.md");
  ASSERT_TRUE(file) << "web/API.md";
  std::set<Key> implemented;
  for (const auto& [method, path] : TableRoutes()) implemented.insert({method, Shape(path)});
  std::regex line("^(GET|POST|PUT|PATCH|DELETE)\\s+(/\\S+)");
  std::string text;
  int checked = 0;
  while (std::getline(file, text)) {
    std::smatch match;
    if (!std::regex_search(text, match, line)) continue;
    std::string path = match[2].str();
    path = path.substr(0, path.find('?'));
    ++checked;
    EXPECT_TRUE(implemented.count({match[1].str(), Shape(path)}))
        << "API.md promises " << match[1] << " " << path;
  }
  EXPECT_GT(checked, 25);
}

TEST(OpenApiTest, TheServerAnswersEveryDocumentedRoute) {
  TempDir dir;
  auto server = ServerProcess::Start(dir.path() + "/openapi.db", {"--fake-judge", "--demo"},
                                     dir.path() + "/server.log");
  ASSERT_NE(server, nullptr);
  Api api(*server);
  ASSERT_EQ(api.Login("admin", "admin-demo").status, 200);
  Reply served = api.Get("/api/v1/openapi.json");
  ASSERT_EQ(served.status, 200);
  EXPECT_EQ(served.body, web::OpenApiDocument());

  for (const auto& [method, path] : DocumentRoutes(served.body)) {
    if (method == "DELETE" && path == "/api/v1/session") continue;  // would log us out
    std::string concrete = std::regex_replace(path, std::regex("\\{[^}]*\\}"), "999999");
    Reply reply = method == "GET"    ? api.Get(concrete)
                  : method == "PUT"  ? api.Put(concrete, json::object())
                  : method == "POST" ? api.Post(concrete, json::object())
                                     : api.Delete(concrete);
    EXPECT_NE(reply.status, 0) << method << " " << path;
    bool unrouted = reply.body.is_object() && reply.body.value("error", "") == "no_such_route";
    EXPECT_FALSE(unrouted) << method << " " << path << " is documented but not served";
  }
  EXPECT_EQ(api.Delete("/api/v1/session").status, 200);
}

}  // namespace
}  // namespace web_test
