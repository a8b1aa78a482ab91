#include "pg_fixture.h"

#include <fcntl.h>
#include <libpq-fe.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "server_fixture.h"

namespace web_test {
namespace {

namespace fs = std::filesystem;

constexpr const char* kInstallHint =
    "install PostgreSQL with scripts/install-deps --tests (Debian package postgresql)";

// The directory with initdb, pg_ctl and postgres: the newest /usr/lib/postgresql/N/bin.
std::string FindBinDir() {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator("/usr/lib/postgresql", ec)) {
    if (fs::exists(entry.path() / "bin" / "initdb") && fs::exists(entry.path() / "bin" / "pg_ctl"))
      found.push_back(entry.path() / "bin");
  }
  if (found.empty()) return "";
  std::sort(found.begin(), found.end(), [](const fs::path& a, const fs::path& b) {
    return std::atoi(a.parent_path().filename().c_str()) <
           std::atoi(b.parent_path().filename().c_str());
  });
  return found.back().string();
}

// Runs argv (argv[0] absolute) as the postgres user; returns the exit status, output in `out`.
int RunAsPostgres(const std::vector<std::string>& command, std::string* out) {
  std::vector<std::string> args = {"/usr/sbin/runuser", "-u", "postgres", "--"};
  if (!fs::exists(args[0])) args[0] = "/sbin/runuser";
  args.insert(args.end(), command.begin(), command.end());
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(pipe_fds[1], 1);
    ::dup2(pipe_fds[1], 2);
    int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(pipe_fds[1]);
  char chunk[4096];
  ssize_t got;
  while ((got = ::read(pipe_fds[0], chunk, sizeof chunk)) > 0) out->append(chunk, got);
  ::close(pipe_fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// initdb once per machine and PostgreSQL version into a template directory (under a lock, as
// test processes run in parallel); each server copies it, which is ten times faster.
bool EnsureTemplate(const std::string& bin_dir, std::string* tmpl, std::string* error) {
  const char* tmp = getenv("TMPDIR");
  std::string base = std::string(tmp && *tmp ? tmp : "/tmp");
  std::string version = fs::path(bin_dir).parent_path().filename().string();
  *tmpl = base + "/koodikoe-pg-template-" + version;
  std::string ready = *tmpl + "/.ready";
  if (fs::exists(ready)) return true;
  int lock = ::open((*tmpl + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
    *error = "cannot lock " + *tmpl + ".lock";
    if (lock >= 0) ::close(lock);
    return false;
  }
  bool ok = true;
  if (!fs::exists(ready)) {
    std::error_code ec;
    fs::remove_all(*tmpl, ec);
    fs::create_directories(*tmpl, ec);
    std::string output;
    std::string staging = *tmpl + "/data";
    fs::create_directories(staging, ec);
    // By name: the postgres user's uid differs between machines.
    std::string chown_cmd = "chmod 700 '" + staging + "' && chown postgres: '" + staging + "'";
    ok = std::system(chown_cmd.c_str()) == 0;
    if (ok) {
      int rc = RunAsPostgres({bin_dir + "/initdb", "-D", staging, "-U", "postgres", "--auth=trust",
                              "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"},
                             &output);
      ok = rc == 0;
      if (!ok) *error = "initdb failed (" + std::to_string(rc) + "): " + output;
    } else {
      *error =
          "cannot give " + staging + " to the postgres user (is there one? " + kInstallHint + ")";
    }
    if (ok) std::ofstream(ready) << "ok\n";
  }
  ::close(lock);
  return ok;
}

}  // namespace

PostgresServer* PostgresServer::Shared(std::string* error) {
  static std::unique_ptr<PostgresServer> shared;
  static std::string failure;
  if (shared) return shared.get();
  if (!failure.empty()) {
    *error = failure;
    return nullptr;
  }
  auto fail = [&](const std::string& message) -> PostgresServer* {
    failure = "PostgreSQL test server: " + message;
    *error = failure;
    return nullptr;
  };
  std::string bin_dir = FindBinDir();
  if (bin_dir.empty()) {
    return fail(std::string("no initdb/pg_ctl under /usr/lib/postgresql/*/bin; ") + kInstallHint);
  }
  std::string tmpl;
  std::string why;
  if (!EnsureTemplate(bin_dir, &tmpl, &why)) return fail(why);

  std::unique_ptr<PostgresServer> server(new PostgresServer());
  server->bin_dir_ = bin_dir;
  const char* tmp = getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/koodikoe-pg-XXXXXX";
  if (!::mkdtemp(pattern.data())) return fail("mkdtemp failed");
  server->dir_ = pattern;
  std::string data = server->dir_ + "/data";
  std::string copy =
      "cp -a '" + tmpl + "/data' '" + data + "' && chown postgres: '" + server->dir_ + "'";
  if (std::system(copy.c_str()) != 0) return fail("copying the template failed: " + copy);

  server->port_ = FreePort();
  std::string options = "-c listen_addresses=127.0.0.1 -p " + std::to_string(server->port_) +
                        " -k " + server->dir_ +
                        " -c fsync=off -c synchronous_commit=off -c full_page_writes=off "
                        "-c max_connections=300 -c shared_buffers=16MB";
  std::string output;
  int rc = RunAsPostgres({bin_dir + "/pg_ctl", "-D", data, "-l", server->dir_ + "/server.log", "-o",
                          options, "-w", "-t", "60", "start"},
                         &output);
  if (rc != 0) {
    std::ifstream log(server->dir_ + "/server.log");
    std::stringstream text;
    text << log.rdbuf();
    std::error_code ec;
    fs::remove_all(server->dir_, ec);
    return fail("pg_ctl start failed: " + output + "\n" + text.str());
  }

  // The watchdog stops the server and removes its directory when the pipe closes: at the
  // end of this process, however it ends.
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return fail("pipe failed");
  std::string script = "cat >/dev/null; runuser -u postgres -- '" + bin_dir + "/pg_ctl' -D '" +
                       data + "' -m immediate stop >/dev/null 2>&1; rm -rf '" + server->dir_ + "'";
  std::vector<std::string> args = {"/bin/sh", "-c", script};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(fds[0], 0);
    // Out of the test's process group, so a ^C to the tests still lets it clean up.
    ::setpgid(0, 0);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[0]);
  server->watchdog_ = pid;
  server->watchdog_pipe_ = fds[1];
  shared = std::move(server);
  return shared.get();
}

PostgresServer::~PostgresServer() {
  if (watchdog_pipe_ >= 0) ::close(watchdog_pipe_);
  if (watchdog_ > 0) ::waitpid(watchdog_, nullptr, 0);
}

std::string PostgresServer::NewDatabase(std::string* error) {
  std::string admin = "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/postgres";
  PGconn* conn = PQconnectdb(admin.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    *error = std::string("connecting to the test server: ") + PQerrorMessage(conn);
    PQfinish(conn);
    return "";
  }
  std::string name = "kk_" + std::to_string(::getpid()) + "_" + std::to_string(++databases_);
  PGresult* result = PQexec(conn, ("CREATE DATABASE " + name).c_str());
  bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  if (!ok) *error = std::string("CREATE DATABASE: ") + PQresultErrorMessage(result);
  PQclear(result);
  PQfinish(conn);
  if (!ok) return "";
  return "postgresql://postgres@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

std::vector<StoreKind> AllStores() { return {StoreKind::kSqlite, StoreKind::kPostgres}; }

std::string StoreName(const ::testing::TestParamInfo<StoreKind>& info) {
  return info.param == StoreKind::kSqlite ? "Sqlite" : "Postgres";
}

std::string NewStoreUrl(StoreKind kind, const std::string& dir, const std::string& name) {
  if (kind == StoreKind::kSqlite) return "sqlite:" + dir + "/" + name + ".db";
  std::string error;
  PostgresServer* server = PostgresServer::Shared(&error);
  if (!server) {
    ADD_FAILURE() << error;
    return "";
  }
  std::string url = server->NewDatabase(&error);
  if (url.empty()) ADD_FAILURE() << error;
  return url;
}

int64_t AddStoredUser(web::Storage& storage, const std::string& name, web::Role role) {
  web::User user;
  user.username = name;
  user.password_hash = "x";
  user.role = role;
  user.created_at = 1;
  return storage.AddUser(user).value();
}

}  // namespace web_test
