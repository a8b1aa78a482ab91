#include "server_fixture.h"

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

namespace web_test {

TempDir::TempDir() {
  const char* tmp = getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/koodikoe-web-test-XXXXXX";
  if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t length = sizeof address;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  int port = ntohs(address.sin_port);
  ::close(fd);
  return port;
}

std::unique_ptr<ServerProcess> ServerProcess::Start(const std::string& db_path,
                                                    const std::vector<std::string>& extra,
                                                    const std::string& log_path) {
  int port = FreePort();
  // A --db value as it is, or a path to an SQLite file.
  bool is_url = db_path.rfind("sqlite:", 0) == 0 || db_path.find("://") != std::string::npos;
  std::vector<std::string> args = {
      KOODIKOE_BINARY, "serve",     "--port", std::to_string(port),
      "--bind",        "127.0.0.1", "--db",   is_url ? db_path : "sqlite:" + db_path};
  args.insert(args.end(), extra.begin(), extra.end());
  pid_t pid = ::fork();
  if (pid == 0) {
    int log = ::open(log_path.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    ::dup2(log, 1);
    ::dup2(log, 2);
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  std::unique_ptr<ServerProcess> server(new ServerProcess(pid, port));
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    auto client = server->Client();
    auto result = client->Get("/healthz");
    if (result && result->status == 200) return server;
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      server->pid_ = -1;
      return nullptr;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return nullptr;
}

ServerProcess::~ServerProcess() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  for (int i = 0; i < 100; ++i) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
}

void ServerProcess::Kill9() {
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::unique_ptr<httplib::Client> ServerProcess::Client() const {
  auto client = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client->set_connection_timeout(5, 0);
  client->set_read_timeout(60, 0);
  client->set_write_timeout(60, 0);
  return client;
}

Reply Api::Convert(const httplib::Result& result) {
  Reply reply;
  if (!result) return reply;
  reply.status = result->status;
  reply.headers = result->headers;
  reply.body = json::parse(result->body, nullptr, false);
  if (reply.body.is_discarded()) reply.body = result->body;
  return reply;
}

httplib::Headers Api::AuthHeaders() const {
  httplib::Headers headers;
  if (use_cookies_) {
    if (!session_cookie_.empty()) {
      headers.emplace("Cookie", "kk_session=" + session_cookie_ + "; kk_csrf=" + csrf_);
    }
    if (send_csrf_ && !csrf_.empty()) headers.emplace("X-CSRF-Token", csrf_);
  } else if (!token_.empty()) {
    headers.emplace("Authorization", "Bearer " + token_);
  }
  return headers;
}

Reply Api::Login(const std::string& username, const std::string& password) {
  json body = {{"username", username}, {"password", password}};
  Reply reply = Convert(client_->Post("/api/v1/session", body.dump(), "application/json"));
  if (reply.status == 200) {
    token_ = reply.body.value("token", "");
    csrf_ = reply.body.value("csrf", "");
    for (const auto& [name, value] : reply.headers) {
      if (name == "Set-Cookie" && value.rfind("kk_session=", 0) == 0) {
        session_cookie_ = value.substr(11, value.find(';') - 11);
      }
    }
  }
  return reply;
}

Reply Api::Get(const std::string& path) { return Convert(client_->Get(path, AuthHeaders())); }

Reply Api::Post(const std::string& path, const json& body) {
  return PostRaw(path, body.dump(), "application/json");
}

Reply Api::PostRaw(const std::string& path, const std::string& body, const std::string& type) {
  return Convert(client_->Post(path, AuthHeaders(), body, type));
}

Reply Api::Put(const std::string& path, const json& body) {
  return Convert(client_->Put(path, AuthHeaders(), body.dump(), "application/json"));
}

Reply Api::Delete(const std::string& path) { return Convert(client_->Delete(path, AuthHeaders())); }

Reply Api::Delete(const std::string& path, const json& body) {
  return Convert(client_->Delete(path, AuthHeaders(), body.dump(), "application/json"));
}

std::vector<std::pair<std::string, json>> Api::Events(int64_t submission_id, int timeout_seconds) {
  std::vector<std::pair<std::string, json>> events;
  std::string buffer;
  client_->set_read_timeout(timeout_seconds, 0);
  auto parse = [&] {
    size_t end;
    while ((end = buffer.find("\n\n")) != std::string::npos) {
      std::string block = buffer.substr(0, end);
      buffer.erase(0, end + 2);
      std::string name = "message";
      std::string data;
      size_t pos = 0;
      while (pos < block.size()) {
        size_t line_end = block.find('\n', pos);
        if (line_end == std::string::npos) line_end = block.size();
        std::string line = block.substr(pos, line_end - pos);
        if (line.rfind("event: ", 0) == 0) name = line.substr(7);
        if (line.rfind("data: ", 0) == 0) data += line.substr(6);
        pos = line_end + 1;
      }
      if (!data.empty()) events.emplace_back(name, json::parse(data, nullptr, false));
    }
  };
  client_->Get("/api/v1/submissions/" + std::to_string(submission_id) + "/events", AuthHeaders(),
               [&](const char* data, size_t length) {
                 buffer.append(data, length);
                 parse();
                 return events.empty() || events.back().first != "done";
               });
  client_->set_read_timeout(60, 0);
  return events;
}

json Api::WaitDone(int64_t submission_id, int timeout_seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_seconds);
  Reply reply;
  while (std::chrono::steady_clock::now() < deadline) {
    reply = Get("/api/v1/submissions/" + std::to_string(submission_id));
    if (reply.status == 200 && reply.body.value("status", "") == "done") return reply.body;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return reply.body;
}

std::pair<int, std::string> RunKoodikoe(const std::vector<std::string>& args,
                                        const std::string& input) {
  int to_child[2];
  int from_child[2];
  if (::pipe(to_child) != 0 || ::pipe(from_child) != 0) return {-1, ""};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(to_child[0], 0);
    ::dup2(from_child[1], 1);
    ::close(to_child[1]);
    ::close(from_child[0]);
    std::vector<std::string> all = {KOODIKOE_BINARY};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : all) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(to_child[0]);
  ::close(from_child[1]);
  (void)!::write(to_child[1], input.data(), input.size());
  ::close(to_child[1]);
  std::string output;
  char chunk[4096];
  ssize_t got;
  while ((got = ::read(from_child[0], chunk, sizeof chunk)) > 0) output.append(chunk, got);
  ::close(from_child[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace web_test
