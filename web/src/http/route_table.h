// Internal to http/: the route table, the one place that maps each route to its handler, the
// roles allowed, its body kind and limit (route_table.cc). routes.cc serves it and ListRoutes
// describes it.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <vector>

#include "http/api.h"
#include "http/routes.h"

namespace web {

// kCandidate and kCompany are exactly that role: an admin is neither a candidate with evidence
// nor a company that candidates consent to.
enum class Access { kPublic, kUser, kTrainer, kAdmin, kCandidate, kCompany };

using RawHandler = void (*)(Services&, const ApiRequest&, httplib::Response&);

struct Route {
  const char* method;
  const char* path;
  Access access;
  int status;
  Handler handler;  // JSON in, JSON out
  RawHandler raw;   // or a handler that writes the response itself (streams, text)
  const char* summary;
  const char* request_example = "";  // for the OpenAPI document only
  const char* response_example = "";
  size_t max_body = 64 * 1024;
  const char* content_type = "application/json";
  BodyKind body = BodyKind::kJson;  // how a write's body is read before the handler
  const char* too_many = "";        // when the route answers 429 ("" = never), for the OpenAPI
};

// Every route, in registration order (where two patterns could match one path, the first
// registered wins).
const std::vector<Route>& RouteTable();

// Handlers of the server's own that write their responses themselves (routes.cc).
void Health(Services& services, const ApiRequest&, httplib::Response& res);
void MetricsText(Services& services, const ApiRequest&, httplib::Response& res);
void OpenApi(Services&, const ApiRequest&, httplib::Response& res);
// Progress of one submission as Server-Sent Events.
void SubmissionEvents(Services& services, const ApiRequest& request, httplib::Response& res);
// Everything about the caller in one zip.
void ExportMe(Services& services, const ApiRequest& request, httplib::Response& res);
void TrialResultsCsv(Services& services, const ApiRequest& request, httplib::Response& res);
void ProgrammeReportCsvRaw(Services& services, const ApiRequest& request, httplib::Response& res);

}  // namespace web
