// The OpenAPI document, generated from the route table.
#include <regex>

#include "http/api_error.h"
#include "http/routes.h"

namespace web {

using nlohmann::json;

namespace {

json Example(const std::string& text) {
  json value = json::parse(text, nullptr, false);
  return value.is_discarded() ? json(text) : value;
}

std::string OperationId(const RouteDoc& route) {
  std::string id = route.method;
  for (char c : route.path) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      id += c;
    } else if (id.back() != '_') {
      id += '_';
    }
  }
  if (id.back() == '_') id.pop_back();
  return id;
}

std::string AccessText(const std::string& access) {
  if (access == "public") return "No login needed.";
  if (access == "user") return "Needs a login (any role).";
  if (access == "trainer") return "Needs a trainer (or admin) login.";
  if (access == "candidate") return "Needs a candidate login.";
  if (access == "company") return "Needs a company login.";
  return "Needs an admin login.";
}

json ErrorWordList() {
  json words = json::array();
  for (std::string_view word : ErrorWords()) words.push_back(word);
  return words;
}

// The OpenAPI operation of one route: access, parameters, body and answers.
json Operation(const RouteDoc& route) {
  static const std::regex kParam("\\{([a-z_]+)\\}");
  json operation = {{"operationId", OperationId(route)},
                    {"summary", route.summary},
                    {"description", AccessText(route.access)},
                    {"x-koodikoe-access", route.access}};
  if (route.access != "public") {
    operation["security"] =
        json::array({{{"cookieAuth", json::array()}}, {{"bearerAuth", json::array()}}});
  } else {
    operation["security"] = json::array();
  }
  json parameters = json::array();
  for (std::sregex_iterator it(route.path.begin(), route.path.end(), kParam), end; it != end;
       ++it) {
    parameters.push_back({{"name", (*it)[1].str()},
                          {"in", "path"},
                          {"required", true},
                          {"schema", {{"type", "string"}}}});
  }
  if (route.path == "/api/v1/submissions" && route.method == "GET") {
    parameters.push_back({{"name", "exercise"},
                          {"in", "query"},
                          {"required", false},
                          {"schema", {{"type", "string"}}}});
  }
  if (!parameters.empty()) operation["parameters"] = parameters;
  if (route.body == BodyKind::kZip || !route.request_example.empty()) {
    std::string type = route.body == BodyKind::kZip ? "application/zip" : "application/json";
    json media = {{"schema", {{"type", type == "application/zip" ? "string" : "object"}}}};
    if (type == "application/json") media["example"] = Example(route.request_example);
    operation["requestBody"] = {{"required", true}, {"content", {{type, media}}}};
  }
  json success = {{"description", "Success"}};
  if (!route.response_example.empty()) {
    success["content"] = {{route.content_type, {{"example", Example(route.response_example)}}}};
  } else {
    success["content"] = {{route.content_type, json::object()}};
  }
  operation["responses"] = {
      {std::to_string(route.status), success},
      {"default",
       {{"description", "An error: {\"error\": machine word, \"message\": what to do}"},
        {"content",
         {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}};
  if (!route.too_many.empty()) {
    operation["responses"]["429"] = {
        {"description", "Too many requests: " + route.too_many},
        {"content",
         {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}};
  }
  return operation;
}

}  // namespace

json OpenApiDocument() {
  json paths = json::object();
  for (const auto& route : ListRoutes()) {
    std::string method = route.method;
    for (char& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    paths[route.path][method] = Operation(route);
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "koodikoe API"},
            {"version", "1"},
            {"description",
             "Cookie-authenticated writes need the header X-CSRF-Token with the kk_csrf cookie's "
             "value; bearer tokens need none. Request bodies are limited (JSON 64 KiB, "
             "submissions 4 MiB with sources up to 256 KiB, packages 32 MiB)."}}},
          {"paths", paths},
          {"components",
           {{"securitySchemes",
             {{"cookieAuth", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "kk_session"}}},
              {"bearerAuth", {{"type", "http"}, {"scheme", "bearer"}}}}},
            {"schemas",
             {{"Error",
               {{"type", "object"},
                {"required", {"error", "message"}},
                {"properties",
                 {{"error", {{"type", "string"}, {"enum", ErrorWordList()}}},
                  {"message", {{"type", "string"}}},
                  {"params",
                   {{"type", "object"},
                    {"description",
                     "The values the message names (limit_kib, retry_after_seconds, field, "
                     "...), for a client that words the error itself"}}}}}}}}}}}};
}

}  // namespace web
