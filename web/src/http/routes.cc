// The HTTP edge: the route table, authentication, CSRF, body limits, and the translation of
// replies and faults into status codes (raw handlers, for downloads and streams, set theirs).
#include "http/routes.h"

#include <regex>

#include "base/log.h"
#include "base/time_util.h"
#include "http/api.h"
#include "http/request_guard.h"
#include "http/route_table.h"
#include "http/static_files.h"
#include "koodikoe/try.h"
#include "programmes/programmes.h"

namespace web {

namespace {

int StatusOf(Fault fault) {
  switch (fault) {
    case Fault::kInvalid:
      return 400;
    case Fault::kUnauthenticated:
      return 401;
    case Fault::kForbidden:
      return 403;
    case Fault::kNotFound:
      return 404;
    case Fault::kConflict:
      return 409;
    case Fault::kTooLarge:
      return 413;
    case Fault::kRateLimited:
      return 429;
    case Fault::kUnavailable:
      return 503;
    case Fault::kInternal:
      return 500;
  }
  return 500;
}

void ReplyJson(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json");
}

void ReplyError(httplib::Response& res, const ApiError& error) {
  if (error.retry_after_seconds > 0) {
    res.set_header("Retry-After", std::to_string(error.retry_after_seconds));
  }
  json body = {{"error", error.error}, {"message", error.message}};
  json params = error.params;
  if (error.retry_after_seconds > 0) params["retry_after_seconds"] = error.retry_after_seconds;
  if (!params.empty()) body["params"] = std::move(params);
  ReplyJson(res, StatusOf(error.fault), body);
}

void ReplyError(httplib::Response& res, Fault fault, const std::string& error,
                const std::string& message) {
  ReplyError(res, ApiError{fault, error, message, 0});
}

std::string SseEvent(const std::string& name, const std::string& data) {
  return "event: " + name + "\ndata: " + data + "\n\n";
}

}  // namespace

// ---- Routes that write their own responses ----

void Health(Services& services, const ApiRequest&, httplib::Response& res) {
  auto storage = services.storage.Ping();
  auto queued = services.storage.CountQueued();
  int helpers = services.queue.live_helpers();
  json body = {{"workers", services.queue.workers()},
               {"live_helpers", helpers},
               {"queue_depth", queued ? *queued : -1},
               {"exercises", services.catalog.size()}};
  if (!storage) {
    body["status"] = "unavailable";
    body["error"] = "storage_down";
    body["message"] = "The database does not answer: " + storage.error().Describe();
    return ReplyJson(res, 503, body);
  }
  if (helpers == 0 && services.queue.workers() > 0) {
    body["status"] = "unavailable";
    body["error"] = "judge_down";
    body["message"] = "No judge helper is running; submissions wait in the queue.";
    return ReplyJson(res, 503, body);
  }
  body["status"] = "ok";
  ReplyJson(res, 200, body);
}

void MetricsText(Services& services, const ApiRequest&, httplib::Response& res) {
  auto queued = services.storage.CountQueued();
  res.status = 200;
  res.set_content(services.metrics.Render(queued ? *queued : -1, services.queue.workers()),
                  "text/plain; version=0.0.4; charset=utf-8");
}

void OpenApi(Services&, const ApiRequest&, httplib::Response& res) {
  static const std::string document = OpenApiDocument().dump(2);
  res.status = 200;
  res.set_content(document, "application/json");
}

// Progress of one submission as Server-Sent Events: every progress event since judging
// started, then `done` with the whole submission. Comments keep proxies from closing an idle
// stream.
void SubmissionEvents(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto id = PathId(request);
  if (!id) return ReplyError(res, id.error());
  auto submission = VisibleSubmission(services, request.who(), *id);
  if (!submission) return ReplyError(res, submission.error());
  auto viewer_or = ViewerOf(services, request.user(), *submission);
  if (!viewer_or) return ReplyError(res, viewer_or.error());
  ReportViewer viewer = *viewer_or;
  if (submission->status == "done") {
    res.status = 200;
    res.set_header("Cache-Control", "no-cache");
    res.set_content(
        "retry: 2000\n\n" + SseEvent("done", EncodeSubmission(*submission, true, viewer).dump()),
        "text/event-stream");
    return;
  }
  Services* shared = &services;
  int64_t submission_id = *id;
  auto cursor = std::make_shared<size_t>(0);
  StreamEvents(services, request, res, [shared, submission_id, cursor, viewer](bool) {
    auto batch = shared->events.Wait(submission_id, *cursor, std::chrono::seconds(10));
    *cursor = batch.cursor;
    EventStreamStep step;
    for (const auto& event : batch.events) {
      step.events += SseEvent("progress", ProgressEventForViewer(event, viewer));
    }
    std::optional<Submission> done;
    if (batch.finished || batch.events.empty()) {
      // Storage is the truth (another server may have judged it); the hub only wakes us.
      auto stored = shared->storage.FindSubmission(submission_id);
      if (stored && *stored && (*stored)->status == "done") done = **stored;
    }
    if (done) {
      step.events += SseEvent("done", EncodeSubmission(*done, true, viewer).dump());
    } else if (batch.events.empty()) {
      step.events += ": keep-alive\n\n";
    }
    step.last = done || batch.closed;
    return std::optional<EventStreamStep>(std::move(step));
  });
}

// Everything about the caller in one zip: data.json and the source of every submission.
void ExportMe(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto archive = ExportArchive(services, request.user());
  if (!archive) return ReplyError(res, archive.error());
  res.status = 200;
  res.set_header("Content-Disposition",
                 "attachment; filename=\"koodikoe-" + request.user().username + ".zip\"");
  res.set_header("Cache-Control", "no-store");
  res.set_content(*archive, "application/zip");
}

void TrialResultsCsv(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto csv = TrialCsv(services, request);
  if (!csv) return ReplyError(res, csv.error());
  res.status = 200;
  res.set_header("Content-Disposition", "attachment; filename=\"trial-results.csv\"");
  res.set_content(*csv, "text/csv; charset=utf-8");
}

void ProgrammeReportCsvRaw(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto csv = ProgrammeReportCsv(services, request);
  if (!csv) return ReplyError(res, csv.error());
  res.status = 200;
  res.set_header("Content-Disposition", "attachment; filename=\"programme-report.csv\"");
  res.set_header("Cache-Control", "no-store");
  res.set_content(*csv, "text/csv; charset=utf-8");
}

namespace {

const char* AccessName(Access access) {
  switch (access) {
    case Access::kPublic:
      return "public";
    case Access::kUser:
      return "user";
    case Access::kTrainer:
      return "trainer";
    case Access::kAdmin:
      return "admin";
    case Access::kCandidate:
      return "candidate";
    case Access::kCompany:
      return "company";
  }
  return "user";
}

// "/api/v1/workshops/{id}/help/{hid}/answer" -> regex and parameter names.
std::pair<std::string, std::vector<std::string>> PathPattern(const std::string& path) {
  std::string pattern;
  std::vector<std::string> names;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '{') {
      size_t end = path.find('}', i);
      names.push_back(path.substr(i + 1, end - i - 1));
      pattern += "([^/]+)";
      i = end;
    } else if (std::string(".+*?()[]^$|\\").find(path[i]) != std::string::npos) {
      pattern += std::string("\\") + path[i];
    } else {
      pattern += path[i];
    }
  }
  return {pattern, names};
}

std::string CookieValue(const httplib::Request& req, const std::string& name) {
  std::string header = req.get_header_value("Cookie");
  size_t pos = 0;
  while (pos < header.size()) {
    size_t end = header.find(';', pos);
    if (end == std::string::npos) end = header.size();
    std::string part = header.substr(pos, end - pos);
    size_t start = part.find_first_not_of(' ');
    if (start != std::string::npos) part = part.substr(start);
    if (part.rfind(name + "=", 0) == 0) return part.substr(name.size() + 1);
    pos = end + 1;
  }
  return "";
}

// The caller of a request, from a bearer token or the session cookie.
ApiResult<std::optional<Caller>> Authenticate(Services& services, const httplib::Request& req) {
  std::string token;
  bool via_cookie = false;
  std::string authorization = req.get_header_value("Authorization");
  if (authorization.rfind("Bearer ", 0) == 0) {
    token = authorization.substr(7);
  } else {
    token = CookieValue(req, "kk_session");
    via_cookie = true;
  }
  if (token.empty() || token.size() > 256) return std::optional<Caller>();
  std::string hash = TokenHash(token);
  KOODIKOE_TRY(auto session, Check(services.storage.FindSession(hash, UnixNow())));
  if (!session) return std::optional<Caller>();
  KOODIKOE_TRY(auto user, Check(services.storage.FindUser(session->user_id)));
  if (!user) return std::optional<Caller>();
  return Caller{std::move(*user), hash, session->csrf, via_cookie};
}

bool IsWrite(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

std::optional<ApiError> CheckAccess(const Route& route, const ApiRequest& request) {
  if (route.access == Access::kPublic) return std::nullopt;
  if (!request.caller) {
    return ApiError{Fault::kUnauthenticated, "login_required",
                    "Log in first: your session has ended or you are not logged in.", 0};
  }
  // A cookie is sent by the browser on any site's request; the CSRF header proves the
  // request comes from our own page, which alone can read the kk_csrf cookie.
  if (request.caller->via_cookie && IsWrite(route.method) &&
      !SameSecret(request.http.get_header_value("X-CSRF-Token"), request.caller->csrf)) {
    return ApiError{Fault::kForbidden, "csrf_failed",
                    "The request lacked the X-CSRF-Token header matching the kk_csrf cookie. "
                    "Reload the page and try again.",
                    0};
  }
  Role role = request.caller->user.role;
  if (route.access == Access::kTrainer && !IsTrainerRole(role)) {
    return ApiError{Fault::kForbidden, "trainer_only", "Only a trainer can do this.", 0};
  }
  if (route.access == Access::kAdmin && role != Role::kAdmin) {
    return ApiError{Fault::kForbidden, "admin_only", "Only an administrator can do this.", 0};
  }
  if (route.access == Access::kCandidate && role != Role::kCandidate) {
    return ApiError{Fault::kForbidden, "candidate_only",
                    "Only a candidate has a skill profile and shares it.", 0};
  }
  if (route.access == Access::kCompany && role != Role::kCompany) {
    return ApiError{Fault::kForbidden, "company_only",
                    "Only a company account sees the candidates who shared with it.", 0};
  }
  return std::nullopt;
}

void Serve(Services& services, const Route& route, const std::vector<std::string>& names,
           const httplib::Request& req, httplib::Response& res,
           const httplib::ContentReader* content = nullptr) {
  services.metrics.RecordRequest();
  ApiRequest request{req, {}, std::nullopt, json()};
  request.content = content;
  for (size_t i = 0; i < names.size() && i + 1 < req.matches.size(); ++i) {
    request.params[names[i]] = req.matches[i + 1].str();
  }
  if (route.access != Access::kPublic) {
    auto caller = Authenticate(services, req);
    if (!caller) return ReplyError(res, caller.error());
    request.caller = std::move(*caller);
  }
  if (auto denied = CheckAccess(route, request)) return ReplyError(res, *denied);
  if (req.body.size() > route.max_body) {
    size_t size_kib = req.body.size() / 1024;
    size_t limit_kib = route.max_body / 1024;
    return ReplyError(res, ApiError{Fault::kTooLarge, "body_too_large",
                                    "The request is " + std::to_string(size_kib) +
                                        " KiB; this address accepts at most " +
                                        std::to_string(limit_kib) + " KiB.",
                                    0, json{{"size_kib", size_kib}, {"limit_kib", limit_kib}}});
  }
  if (IsWrite(route.method) && route.body == BodyKind::kJson) {
    // The parser recurses per level: a body of a million '[' would overflow the stack.
    if (NestedTooDeeply(req.body)) {
      return ReplyError(res, Fault::kInvalid, "nested_too_deeply",
                        "The JSON body is nested too deeply: at most " +
                            std::to_string(kMaxJsonDepth) + " levels of [ and { are accepted.");
    }
    request.body = req.body.empty() ? json::object() : json::parse(req.body, nullptr, false);
    if (request.body.is_discarded() || !request.body.is_object()) {
      return ReplyError(res, Fault::kInvalid, "bad_json",
                        "The request body must be a JSON object.");
    }
  }
  if (route.raw) return route.raw(services, request, res);
  auto reply = route.handler(services, request);
  if (!reply) return ReplyError(res, reply.error());
  for (const auto& cookie : reply->set_cookies) res.headers.emplace("Set-Cookie", cookie);
  if (!reply->json_text.empty()) {
    res.status = route.status;
    res.set_content(std::move(reply->json_text), "application/json");
    return;
  }
  ReplyJson(res, route.status, reply->body);
}

void RegisterRoute(httplib::Server& server, Services& services, const Route& route) {
  auto [pattern, names] = PathPattern(route.path);
  auto handler = [&services, &route, names = names](const httplib::Request& req,
                                                    httplib::Response& res) {
    try {
      Serve(services, route, names, req, res);
    } catch (const json::exception& e) {
      // A field of an unexpected type deep in a body: the client's mistake.
      ReplyError(res, Fault::kInvalid, "bad_field",
                 std::string("A field of the request has the wrong type: ") + e.what());
    }
  };
  std::string method = route.method;
  if (route.body == BodyKind::kStream) {
    server.Post(pattern, [&services, &route, names = names](const httplib::Request& req,
                                                            httplib::Response& res,
                                                            const httplib::ContentReader& reader) {
      Serve(services, route, names, req, res, &reader);
    });
    return;
  }
  if (method == "GET") server.Get(pattern, handler);
  if (method == "POST") server.Post(pattern, handler);
  if (method == "PUT") server.Put(pattern, handler);
  if (method == "DELETE") server.Delete(pattern, handler);
}

}  // namespace

namespace {

// Starts an event stream's answer (200, no caching) for the caller, or answers 429
// too_many_streams and returns null when the caller holds EventHub::kStreamsPerAccount.
std::shared_ptr<EventHub::StreamTicket> OpenEventStream(Services& services,
                                                        const ApiRequest& request,
                                                        httplib::Response& res) {
  auto ticket = services.events.OpenStream(request.user().id);
  if (!ticket) {
    ReplyError(res, ApiError{Fault::kRateLimited, "too_many_streams",
                             "You follow " + std::to_string(EventHub::kStreamsPerAccount) +
                                 " verdicts at once already. Close other koodikoe tabs, or wait "
                                 "for a verdict, and try again.",
                             5, json{{"limit", EventHub::kStreamsPerAccount}}});
    return nullptr;
  }
  res.status = 200;
  res.set_header("Cache-Control", "no-cache");
  res.set_header("X-Accel-Buffering", "no");
  return ticket;
}

}  // namespace

void StreamEvents(Services& services, const ApiRequest& request, httplib::Response& res,
                  std::function<std::optional<EventStreamStep>(bool first)> next) {
  auto ticket = OpenEventStream(services, request, res);
  if (!ticket) return;
  struct State {
    bool started = false;
    std::chrono::steady_clock::time_point deadline =
        std::chrono::steady_clock::now() + std::chrono::minutes(30);
  };
  auto state = std::make_shared<State>();
  res.set_chunked_content_provider("text/event-stream", [state, ticket, next = std::move(next)](
                                                            size_t, httplib::DataSink& sink) {
    std::string out;
    const bool first = !state->started;
    if (first) {
      out += "retry: 2000\n\n";
      state->started = true;
    }
    auto step = next(first);
    if (!step) {
      sink.done();
      return true;
    }
    out += step->events;
    if (!sink.write(out.data(), out.size())) return false;
    if (step->last || std::chrono::steady_clock::now() > state->deadline) sink.done();
    return true;
  });
}

std::vector<RouteDoc> ListRoutes() {
  std::vector<RouteDoc> docs;
  for (const auto& route : RouteTable()) {
    docs.push_back({route.method, route.path, AccessName(route.access), route.status, route.summary,
                    route.request_example, route.response_example, route.content_type, route.body,
                    route.too_many});
  }
  return docs;
}

void RegisterRoutes(httplib::Server& server, Services& services, const std::string& ui_dir) {
  for (const auto& route : RouteTable()) RegisterRoute(server, services, route);

  // Every other GET: the browser UI's index (its router knows the path), never for /api/.
  server.Get(".*", [ui_dir](const httplib::Request& req, httplib::Response& res) {
    if (req.path.rfind("/api/", 0) == 0) {
      return ReplyError(res, Fault::kNotFound, "no_such_route",
                        "There is no API address " + req.path + ". See /api/v1/openapi.json.");
    }
    UiPage page = UiIndex(ui_dir);
    res.status = 200;
    res.set_header("Cache-Control", "no-cache");
    res.set_content(page.body, page.content_type);
  });

  // Answers the server makes before any handler (unknown route, body over the limit, bad
  // request line) still get the JSON error shape.
  size_t max_body_kib = services.options.max_body_bytes / 1024;
  server.set_error_handler([max_body_kib](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    json body;
    if (res.status == 413) {
      body = {{"error", "body_too_large"},
              {"message",
               "The request is too large. Sources are limited to 256 KiB and "
               "exercise packages to 32 MiB."},
              {"params", {{"limit_kib", max_body_kib}}}};
    } else if (res.status == 404) {
      body = {{"error", "no_such_route"},
              {"message", "There is no " + req.method + " " + req.path +
                              ". See /api/v1/openapi.json for the API."}};
    } else {
      body = {{"error", "bad_request"},
              {"message",
               "The server could not read the request (HTTP " + std::to_string(res.status) + ")."}};
    }
    res.set_content(body.dump(), "application/json");
  });
  server.set_exception_handler(
      [](const httplib::Request& req, httplib::Response& res, std::exception_ptr error) {
        std::string what = "unknown exception";
        try {
          std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        LogError("exception method=" + req.method + " path=" + req.path + " what=\"" + what + "\"");
        ReplyJson(res, 500,
                  {{"error", "internal_error"},
                   {"message", "Something went wrong on the server. Try again in a moment."}});
      });
}

}  // namespace web
