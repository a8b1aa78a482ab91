// Starting a real `koodikoe serve` on a temporary store, and talking to it.
#pragma once

#include <httplib.h>
#include <sys/types.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace web_test {

using nlohmann::json;

// A fresh directory under $TMPDIR, removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

int FreePort();

class ServerProcess {
 public:
  // Starts `koodikoe serve --port P --db DB extra...` and waits until /healthz is 200.
  // `db_path` is a --db value (sqlite:PATH, postgresql://...) or a path to an SQLite file.
  // Output goes to `log_path`.
  static std::unique_ptr<ServerProcess> Start(const std::string& db_path,
                                              const std::vector<std::string>& extra,
                                              const std::string& log_path);
  ~ServerProcess();  // SIGTERM, then SIGKILL if it lingers

  void Kill9();  // no cleanup of any kind, as in a crash
  int port() const { return port_; }
  pid_t pid() const { return pid_; }
  std::unique_ptr<httplib::Client> Client() const;

 private:
  ServerProcess(pid_t pid, int port) : pid_(pid), port_(port) {}
  pid_t pid_;
  int port_;
};

struct Reply {
  int status = 0;  // 0 = no answer
  json body;       // parsed JSON, or the text as a string
  httplib::Headers headers;
};

// A client with a bearer token, or with the session cookies and the CSRF header a browser
// page would send.
class Api {
 public:
  explicit Api(const ServerProcess& server) : client_(server.Client()) {}

  Reply Login(const std::string& username, const std::string& password);
  void UseCookies(bool send_csrf) {
    use_cookies_ = true;
    send_csrf_ = send_csrf;
  }

  Reply Get(const std::string& path);
  Reply Post(const std::string& path, const json& body);
  Reply PostRaw(const std::string& path, const std::string& body, const std::string& type);
  Reply Put(const std::string& path, const json& body);
  Reply Delete(const std::string& path);
  Reply Delete(const std::string& path, const json& body);

  // Reads the SSE stream of a submission until `event: done` (or timeout); returns the
  // events as (name, data) pairs.
  std::vector<std::pair<std::string, json>> Events(int64_t submission_id, int timeout_seconds);
  // Polls GET /submissions/{id} until done.
  json WaitDone(int64_t submission_id, int timeout_seconds);

  const std::string& token() const { return token_; }

 private:
  httplib::Headers AuthHeaders() const;
  static Reply Convert(const httplib::Result& result);

  std::unique_ptr<httplib::Client> client_;
  std::string token_;
  std::string session_cookie_;
  std::string csrf_;
  bool use_cookies_ = false;
  bool send_csrf_ = true;
};

// Runs `koodikoe ARGS` with `input` on stdin; returns the exit status and stdout.
std::pair<int, std::string> RunKoodikoe(const std::vector<std::string>& args,
                                        const std::string& input);

}  // namespace web_test
