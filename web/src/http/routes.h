// The API's route table: one list in routes.cc from which the HTTP server is set up and the
// OpenAPI description is generated, so the two cannot drift apart.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace web {

struct RouteDoc {
  std::string method;  // "GET", "POST", "PUT", "DELETE"
  std::string path;    // "/api/v1/submissions/{id}"
  std::string access;  // "public" | "user" | "trainer" | "admin" | "candidate" | "company"
  int status = 200;    // on success
  std::string summary;
  std::string request_example;   // JSON text, "" if the route takes no JSON body
  std::string response_example;  // JSON text, "" if not JSON
  std::string content_type;      // of a success response
  std::string too_many;          // when it answers 429 Too Many Requests; "" = never
};

// Every route the server registers, in registration order.
std::vector<RouteDoc> ListRoutes();

// The OpenAPI 3 document served at /api/v1/openapi.json.
nlohmann::json OpenApiDocument();

}  // namespace web
