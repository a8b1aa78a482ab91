#include "http/request_guard.h"

#include <nlohmann/json.hpp>

#include "http/connection_gate.h"

namespace web {

bool NestedTooDeeply(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) return true;
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return false;
}

void RefuseEncodedBodies(httplib::Server& server) {
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    std::string encoding = req.get_header_value("Content-Encoding");
    // git compresses fetch negotiations; they are streamed into git http-backend as they are
    // inflated (projects/git_http.cc), never held whole.
    if (req.path.rfind("/git/", 0) == 0) return httplib::Server::HandlerResponse::Unhandled;
    if (encoding.empty() || encoding == "identity")
      return httplib::Server::HandlerResponse::Unhandled;
    res.status = 415;
    // The body is still unread on the connection: close it rather than parse it as a request.
    res.set_header("Connection", "close");
    GatedServer::CloseAfterThisAnswer();
    nlohmann::json body = {{"error", "encoded_body"},
                           {"message",
                            "Send the request body uncompressed: this server does "
                            "not accept a Content-Encoding (" +
                                encoding.substr(0, 40) + ") on requests."}};
    res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                    "application/json");
    return httplib::Server::HandlerResponse::Handled;
  });
}

}  // namespace web
