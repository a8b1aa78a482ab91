// A private PostgreSQL server for tests: initdb into a temporary directory as the `postgres`
// user, started with pg_ctl on a free loopback port with its unix socket in that directory,
// stopped and removed at the end (also when the test process is killed: a watchdog child
// stops it once the test's end of a pipe closes).
//
// Tests that run against both stores take a StoreKind parameter and call NewStoreUrl():
//
//   class MyTest : public ::testing::TestWithParam<StoreKind> {};
//   TEST_P(MyTest, Works) { std::string url = NewStoreUrl(GetParam(), dir); ... }
//   INSTANTIATE_TEST_SUITE_P(Stores, MyTest, ::testing::ValuesIn(AllStores()), StoreName);
#pragma once

#include <gtest/gtest.h>
#include <sys/types.h>

#include <memory>
#include <string>
#include <vector>

#include "storage/storage.h"

namespace web_test {

class PostgresServer {
 public:
  // The server shared by every test of this process, started on first use. On failure (no
  // PostgreSQL binaries, initdb failed) returns nullptr and sets `error` to what to do.
  static PostgresServer* Shared(std::string* error);

  ~PostgresServer();  // pg_ctl stop -m immediate, then the directory goes

  // A new empty database on this server; its URL (postgresql://postgres@127.0.0.1:PORT/NAME).
  // Empty on failure, with `error` set.
  std::string NewDatabase(std::string* error);

  int port() const { return port_; }
  const std::string& socket_dir() const { return dir_; }

 private:
  PostgresServer() = default;
  std::string bin_dir_;
  std::string dir_;
  int port_ = 0;
  pid_t watchdog_ = -1;
  int watchdog_pipe_ = -1;
  int databases_ = 0;
};

enum class StoreKind { kSqlite, kPostgres };

std::vector<StoreKind> AllStores();
// For test names: "Sqlite" / "Postgres".
std::string StoreName(const ::testing::TestParamInfo<StoreKind>& info);

// A --db value for a fresh store of this kind: "sqlite:DIR/NAME.db", or a new database on the
// shared PostgreSQL server. For PostgreSQL failures it records a test failure (never a skip:
// the test command installs PostgreSQL) and returns "".
std::string NewStoreUrl(StoreKind kind, const std::string& dir, const std::string& name);

// Stores a user `name` with this role (a placeholder password hash) straight into a store;
// its id.
int64_t AddStoredUser(web::Storage& storage, const std::string& name,
                      web::Role role = web::Role::kCandidate);

}  // namespace web_test
