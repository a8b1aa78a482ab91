// git's smart HTTP protocol for team repositories: each request is authenticated (HTTP Basic,
// the member's own account) and handed to the real `git http-backend`, spawned as a CGI
// program. The request body is streamed into it as it arrives and its answer streamed out.
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sodium.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

#include "accounts/auth.h"
#include "base/log.h"
#include "projects/projects.h"
#include "projects/team_history.h"
#include "projects/team_repos.h"

namespace web {

namespace {

// What git http-backend may have written before its input has all been read (it answers
// after reading, so in practice nothing): kept in memory, bounded.
constexpr size_t kMaxEarlyOutput = 1u << 20;

// A running `git http-backend` and our ends of its standard input and output.
struct Cgi {
  pid_t pid = -1;
  int in = -1;
  int out = -1;
  std::string pending;  // read from its output, not yet passed on
  bool input_closed_early = false;

  Cgi() = default;
  Cgi(const Cgi&) = delete;
  Cgi& operator=(const Cgi&) = delete;
  ~Cgi() {
    CloseInput();
    if (out >= 0) close(out);
    if (pid <= 0) return;
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == 0) {
      kill(pid, SIGKILL);  // the client went away mid-answer
      while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
    }
  }
  void CloseInput() {
    if (in >= 0) close(in);
    in = -1;
  }
};

void ReplyText(httplib::Response& res, int status, const std::string& text) {
  res.status = status;
  res.set_content(text + "\n", "text/plain; charset=utf-8");
}

void AskForCredentials(httplib::Response& res, const std::string& why) {
  res.set_header("WWW-Authenticate", "Basic realm=\"koodikoe team repositories\"");
  ReplyText(res, 401, why);
}

struct Credentials {
  std::string username;
  std::string password;
};

std::optional<Credentials> BasicCredentials(const httplib::Request& http) {
  std::string header = http.get_header_value("Authorization");
  if (header.rfind("Basic ", 0) != 0 || header.size() > 2048) return std::nullopt;
  std::string encoded = header.substr(6);
  std::string decoded(encoded.size(), '\0');
  size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(decoded.data()), decoded.size(),
                        encoded.data(), encoded.size(), nullptr, &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  decoded.resize(length);
  size_t colon = decoded.find(':');
  if (colon == std::string::npos) return std::nullopt;
  return Credentials{decoded.substr(0, colon), decoded.substr(colon + 1)};
}

// Credentials checked in the last few minutes. A clone or push is two or three HTTP requests,
// each with the password, and an argon2id check costs about a second of a loaded machine:
// one check serves them all. Kept by BLAKE2b of the account's stored hash and the password,
// so a changed password is checked afresh; in memory only, never the password itself.
class RecentlyVerified {
 public:
  static constexpr std::chrono::minutes kFor{5};

  bool Contains(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto found = verified_.find(key);
    return found != verified_.end() && Clock::now() - found->second < kFor;
  }
  void Add(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto now = Clock::now();
    if (verified_.size() > 10000) {
      std::erase_if(verified_, [&](const auto& entry) { return now - entry.second >= kFor; });
    }
    verified_[key] = now;
  }

 private:
  using Clock = std::chrono::steady_clock;
  std::mutex mutex_;
  std::map<std::string, Clock::time_point> verified_;
};

bool PasswordMatches(const User& user, const std::string& password) {
  static RecentlyVerified recent;
  std::string key = TokenHash(user.password_hash + '\n' + password);
  if (recent.Contains(key)) return true;
  if (!VerifyPassword(user.password_hash, password)) return false;
  recent.Add(key);
  return true;
}

// The account of the request's HTTP Basic credentials, or nullopt with the answer written.
std::optional<User> Authenticated(Services& services, const httplib::Request& http,
                                  httplib::Response& res) {
  auto credentials = BasicCredentials(http);
  if (!credentials) {
    AskForCredentials(res, "koodikoe: log in with your koodikoe username and password.");
    return std::nullopt;
  }
  if (int64_t wait = services.login_limiter.BeginGuess(credentials->username, http.remote_addr);
      wait > 0) {
    res.set_header("Retry-After", std::to_string(wait));
    ReplyText(res, 429,
              "koodikoe: too many wrong passwords; wait " + std::to_string(wait) +
                  " seconds, or ask your trainer to unlock your account.");
    return std::nullopt;
  }
  auto user = services.storage.FindUserByName(credentials->username);
  if (!user) {
    LogError("git login: " + user.error().Describe());
    ReplyText(res, 503, "koodikoe: the database does not answer; try again in a moment.");
    return std::nullopt;
  }
  if (!*user) VerifyDummyPassword(credentials->password);
  if (!*user || !PasswordMatches(**user, credentials->password)) {
    AskForCredentials(res, "koodikoe: wrong username or password.");
    return std::nullopt;
  }
  services.login_limiter.Succeeded(credentials->username, http.remote_addr);
  return std::move(**user);
}

// "12.git" (or "12") -> 12.
std::optional<int64_t> TeamId(const std::string& name) {
  std::string digits =
      name.size() > 4 && name.ends_with(".git") ? name.substr(0, name.size() - 4) : name;
  if (digits.empty() || digits.size() > 15 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return std::stoll(digits);
}

bool SetNonBlocking(int fd) {
  int flags = fcntl(fd, F_GETFL);
  return flags >= 0 && fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0;
}

std::unique_ptr<Cgi> SpawnBackend(const std::vector<std::string>& env) {
  int in[2];
  int out[2];
  if (pipe2(in, O_CLOEXEC) != 0) return nullptr;
  if (pipe2(out, O_CLOEXEC) != 0) {
    close(in[0]);
    close(in[1]);
    return nullptr;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in[0], 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  std::vector<char*> envp;
  for (const auto& entry : env) envp.push_back(const_cast<char*>(entry.c_str()));
  envp.push_back(nullptr);
  char* argv[] = {const_cast<char*>("git"), const_cast<char*>("http-backend"), nullptr};
  auto cgi = std::make_unique<Cgi>();
  int spawned = posix_spawn(&cgi->pid, "/usr/bin/git", &actions, nullptr, argv, envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(in[0]);
  close(out[1]);
  cgi->in = in[1];
  cgi->out = out[0];
  if (spawned != 0) {
    LogError(std::string("git http-backend: cannot run /usr/bin/git: ") + std::strerror(spawned));
    cgi->pid = -1;
    return nullptr;
  }
  SetNonBlocking(cgi->in);
  return cgi;
}

// Reads what the backend has written so far (without waiting) into cgi.pending.
bool TakeOutput(Cgi& cgi) {
  char buffer[16384];
  ssize_t n = read(cgi.out, buffer, sizeof buffer);
  if (n > 0) cgi.pending.append(buffer, static_cast<size_t>(n));
  return cgi.pending.size() <= kMaxEarlyOutput;
}

// Writes `data` to the backend's input, reading its output meanwhile so neither side waits on
// the other. A backend that stopped reading (it refused the push) gets no more: the rest of
// the request is read and dropped, and its answer still goes to the client.
bool Feed(Cgi& cgi, const char* data, size_t size) {
  while (size > 0 && !cgi.input_closed_early) {
    pollfd fds[2] = {{cgi.in, POLLOUT, 0}, {cgi.out, POLLIN, 0}};
    int ready = poll(fds, 2, 600 * 1000);
    if (ready < 0 && errno == EINTR) continue;
    if (ready <= 0) return false;  // failed, or ten minutes without progress
    if ((fds[1].revents & (POLLIN | POLLHUP)) && !TakeOutput(cgi)) return false;
    if (fds[0].revents & (POLLERR | POLLHUP)) {
      cgi.input_closed_early = true;
      break;
    }
    if (!(fds[0].revents & POLLOUT)) continue;
    ssize_t n = write(cgi.in, data, size);
    if (n > 0) {
      data += n;
      size -= static_cast<size_t>(n);
    } else if (n < 0 && errno == EPIPE) {
      cgi.input_closed_early = true;
    } else if (n < 0 && errno != EAGAIN && errno != EINTR) {
      return false;
    }
  }
  return true;
}

// Reads the backend's CGI header block and puts it on the response; the body's first bytes
// stay in cgi.pending.
bool ReadCgiHeaders(Cgi& cgi, httplib::Response& res, std::string& content_type) {
  size_t end = std::string::npos;
  size_t separator = 0;
  for (;;) {
    if ((end = cgi.pending.find("\r\n\r\n")) != std::string::npos) {
      separator = 4;
      break;
    }
    if ((end = cgi.pending.find("\n\n")) != std::string::npos) {
      separator = 2;
      break;
    }
    char buffer[16384];
    ssize_t n = read(cgi.out, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || cgi.pending.size() > 64 * 1024) return false;
    cgi.pending.append(buffer, static_cast<size_t>(n));
  }
  std::string block = cgi.pending.substr(0, end);
  cgi.pending.erase(0, end + separator);
  res.status = 200;
  content_type = "application/octet-stream";
  size_t start = 0;
  while (start < block.size()) {
    size_t stop = block.find('\n', start);
    if (stop == std::string::npos) stop = block.size();
    std::string line = block.substr(start, stop - start);
    start = stop + 1;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    std::string value = line.substr(std::min(line.size(), line.find_first_not_of(' ', colon + 1)));
    if (name == "Status") {
      res.status = std::atoi(value.c_str());
    } else if (name == "Content-Type") {
      content_type = value;
    } else if (name != "Content-Length") {
      res.set_header(name, value);
    }
  }
  return true;
}

std::vector<std::string> CgiEnvironment(Services& services, const ApiRequest& request,
                                        const User& user, const std::string& path_info) {
  const httplib::Request& http = request.http;
  std::string query;
  for (const auto& [key, value] : http.params) {
    query += (query.empty() ? "" : "&") + key + "=" + value;
  }
  std::vector<std::string> env = {
      "PATH=/usr/bin:/bin",
      "GIT_CONFIG_NOSYSTEM=1",
      "GIT_PROJECT_ROOT=" + TeamReposRoot(services.options.data_dir),
      "GIT_HTTP_EXPORT_ALL=1",
      "PATH_INFO=" + path_info,
      "REQUEST_METHOD=" + http.method,
      "QUERY_STRING=" + query,
      "CONTENT_TYPE=" + http.get_header_value("Content-Type"),
      "REMOTE_USER=" + user.username,
      "REMOTE_ADDR=" + http.remote_addr,
      "GIT_COMMITTER_NAME=" + user.username,
      "GIT_COMMITTER_EMAIL=" + user.username + "@koodikoe",
  };
  std::string protocol = http.get_header_value("Git-Protocol");
  if (!protocol.empty()) env.push_back("HTTP_GIT_PROTOCOL=" + protocol);
  return env;
}

// The team of the request's path if `user` is one of its members, or nullopt with a refusal
// written. Others learn nothing of which teams exist.
std::optional<Team> MembersTeam(Services& services, const ApiRequest& request, const User& user,
                                httplib::Response& res) {
  auto id = TeamId(request.params.count("id") ? request.params.at("id") : "");
  std::optional<Team> team;
  if (id) {
    auto found = services.storage.FindTeam(*id);
    if (!found) {
      LogError("git team: " + found.error().Describe());
      ReplyText(res, 503, "koodikoe: the database does not answer; try again in a moment.");
      return std::nullopt;
    }
    team = std::move(*found);
  }
  bool member = team && std::any_of(team->members.begin(), team->members.end(),
                                    [&](const TeamMember& m) { return m.user_id == user.id; });
  if (!member) {
    ReplyText(res, 403,
              "koodikoe: " + user.username +
                  " is not a member of this team; only its members may fetch and push.");
    return std::nullopt;
  }
  return team;
}

// A repository lost or never made (its creation failed) is made again from the template.
bool EnsureRepo(Services& services, const Team& team, httplib::Response& res) {
  std::string path = TeamReposRoot(services.options.data_dir) + "/" + TeamRepoName(team.id);
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) return true;
  auto project = services.storage.FindProject(team.project_id);
  std::string package_dir;
  std::string title = "team project";
  if (project && *project) {
    title = (*project)->title;
    if (auto exercise = services.catalog.Find((*project)->exercise)) {
      package_dir = exercise->package_dir;
    }
  }
  auto made = CreateTeamRepo(services.options.data_dir, team.id, package_dir, title,
                             /*fresh=*/false);
  if (made || std::filesystem::is_directory(path, ec)) return true;
  LogError("team " + std::to_string(team.id) + " repository: " + made.error().Describe());
  ReplyText(res, 503, "koodikoe: the team's repository could not be made; tell your trainer.");
  return false;
}

// "/git/teams/12.git/info/refs" -> "/12.git/info/refs": the repository's own path.
std::string PathInfo(const Team& team, const std::string& request_path) {
  static const std::string kServices[] = {"/info/refs", "/git-upload-pack", "/git-receive-pack"};
  for (const auto& service : kServices) {
    if (request_path.ends_with(service)) return "/" + TeamRepoName(team.id) + service;
  }
  return "/" + TeamRepoName(team.id) + "/info/refs";
}

// Streams the backend's answer; `ended` runs once when it has all been read (the backend is
// done: a push's refs have moved and its post-receive hook has run).
void StreamAnswer(std::shared_ptr<Cgi> cgi, httplib::Response& res, std::function<void()> ended) {
  std::string content_type;
  if (!ReadCgiHeaders(*cgi, res, content_type)) {
    return ReplyText(res, 500, "koodikoe: git http-backend gave no answer.");
  }
  res.set_header("Cache-Control", "no-cache");
  res.set_chunked_content_provider(content_type, [cgi, ended](size_t, httplib::DataSink& sink) {
    if (!cgi->pending.empty()) {
      std::string chunk = std::move(cgi->pending);
      cgi->pending.clear();
      return sink.write(chunk.data(), chunk.size());
    }
    char buffer[65536];
    ssize_t n;
    do {
      n = read(cgi->out, buffer, sizeof buffer);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return false;
    if (n == 0) {
      if (ended) ended();
      sink.done();
      return true;
    }
    return sink.write(buffer, static_cast<size_t>(n));
  });
}

}  // namespace

void GitHttp(Services& services, const ApiRequest& request, httplib::Response& res) {
  auto user = Authenticated(services, request.http, res);
  if (!user) return;
  auto team = MembersTeam(services, request, *user, res);
  if (!team || !EnsureRepo(services, *team, res)) return;
  std::vector<std::string> env =
      CgiEnvironment(services, request, *user, PathInfo(*team, request.http.path));
  // A push is named, so that the commits it brings are recorded as this account's.
  std::function<void()> ended;
  if (request.http.method == "POST" && request.http.path.ends_with("/git-receive-pack")) {
    std::string push_id = RandomHex(16);
    env.push_back("KOODIKOE_PUSH_ID=" + push_id);
    ended = [&services, team_id = team->id, user_id = user->id, push_id] {
      RecordPush(services.storage, services.options.data_dir, team_id, user_id, push_id);
    };
  }
  std::shared_ptr<Cgi> cgi = SpawnBackend(env);
  if (!cgi) return ReplyText(res, 503, "koodikoe: git could not be started on the server.");
  if (request.content) {
    bool fed = true;
    (*request.content)([&](const char* data, size_t size) {
      fed = fed && Feed(*cgi, data, size);
      return fed;
    });
    if (!fed) return ReplyText(res, 500, "koodikoe: git http-backend stopped answering.");
  }
  cgi->CloseInput();
  StreamAnswer(std::move(cgi), res, std::move(ended));
}

}  // namespace web
