// The API's route table: one list in route_table.cc from which the HTTP server is set up and the
// OpenAPI description is generated, so the two cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace web {

// How a route reads the body of a write before its handler sees it.
enum class BodyKind {
  kJson,    // a JSON object (an empty body is {}); anything else is refused as bad_json
  kZip,     // a .zip archive, passed to the handler as it came
  kStream,  // not read before the handler: a raw handler reads it as it arrives (git pushes)
};

struct RouteDoc {
  std::string method;  // "GET", "POST", "PUT", "DELETE"
  std::string path;    // "/api/v1/submissions/{id}"
  std::string access;  // "public" | "user" | "trainer" | "admin" | "candidate" | "company"
  int status = 200;    // on success
  std::string summary;
  std::string request_example;   // JSON text, "" if none is shown
  std::string response_example;  // JSON text, "" if not JSON
  std::string content_type;      // of a success response
  BodyKind body = BodyKind::kJson;
  std::string too_many;  // when it answers 429 Too Many Requests; "" = never
};

// Every route the server registers, in registration order.
std::vector<RouteDoc> ListRoutes();

// The OpenAPI 3 document served at /api/v1/openapi.json.
nlohmann::json OpenApiDocument();

}  // namespace web
