// The database for many machines: PostgreSQL through libpq. A small pool of connections, each
// lent to one thread at a time; every parameter is sent as text and typed by the server.
// Notifications (LISTEN/NOTIFY) tell workers of new jobs and servers of judging progress.
#include <libpq-fe.h>
#include <poll.h>

#include <condition_variable>
#include <cstdlib>
#include <map>

#include "base/thread_annotations.h"
#include "koodikoe/try.h"
#include "storage/driver.h"

namespace web::sql {
namespace {

using koodikoe::Fail;

// Any constant, the same in every process: serialises migrations of processes starting
// together.
constexpr const char* kMigrationLock = "7283641";
constexpr const char* kUniqueViolation = "23505";

std::string Trimmed(const char* message, const char* otherwise) {
  std::string text = message && *message ? message : otherwise;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  return text;
}

using PgResult = std::unique_ptr<PGresult, decltype(&PQclear)>;

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }

  PGconn* get() const { return conn_; }

  Outcome<Rows> Run(std::string_view common, const std::vector<Value>& params) override {
    std::string sql = Translate(kPostgres, common);
    std::vector<std::optional<std::string>> texts;
    texts.reserve(params.size());
    for (const auto& param : params) texts.push_back(param.ParamText());
    std::vector<const char*> values;
    values.reserve(texts.size());
    for (const auto& text : texts) values.push_back(text ? text->c_str() : nullptr);
    PgResult result(PQexecParams(conn_, sql.c_str(), static_cast<int>(values.size()), nullptr,
                                 values.data(), nullptr, nullptr, 0),
                    PQclear);
    if (!Succeeded(result.get())) return Failed(result.get());
    Rows rows;
    int count = PQntuples(result.get());
    int columns = PQnfields(result.get());
    for (int r = 0; r < count; ++r) {
      std::vector<Value> row;
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), r, c)) {
          row.emplace_back();
        } else {
          row.emplace_back(std::string(PQgetvalue(result.get(), r, c),
                                       static_cast<size_t>(PQgetlength(result.get(), r, c))));
        }
      }
      rows.rows.push_back(std::move(row));
    }
    rows.changes = std::atoll(PQcmdTuples(result.get()));
    return rows;
  }

  Outcome<void> Script(const std::string& sql) override {
    PgResult result(PQexec(conn_, sql.c_str()), PQclear);
    if (!Succeeded(result.get())) return Failed(result.get());
    return {};
  }

  // A broken connection (server restarted, network cut) is reset before its next use.
  bool EnsureAlive() {
    if (PQstatus(conn_) == CONNECTION_OK) return true;
    PQreset(conn_);
    return PQstatus(conn_) == CONNECTION_OK;
  }

 private:
  static bool Succeeded(const PGresult* result) {
    if (!result) return false;
    auto status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  }

  static tl::unexpected<Failure> Failed(const PGresult* result) {
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    return tl::unexpected(Failure{
        state && std::string(state) == kUniqueViolation,
        Trimmed(result ? PQresultErrorMessage(result) : nullptr, "no result (connection lost?)")});
  }

  PGconn* const conn_;
};

Result<std::unique_ptr<PgConnection>> Connect(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  auto connection = std::make_unique<PgConnection>(conn);
  if (!conn || PQstatus(conn) != CONNECTION_OK) {
    return Fail(ErrorCode::kSystem,
                "connecting to PostgreSQL: " +
                    Trimmed(conn ? PQerrorMessage(conn) : nullptr, "out of memory"));
  }
  // Notices (e.g. "relation already exists, skipping") are not the server log's business.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  return connection;
}

// A connection of its own per channel, LISTENing; reopened if lost.
struct Listener {
  Mutex mutex;  // one waiter per channel at a time
  std::unique_ptr<PgConnection> connection GUARDED_BY(mutex);
};

class PostgresDriver final : public Driver {
 public:
  // Up to this many connections at once; request threads beyond it wait for one.
  static constexpr size_t kPoolSize = 8;

  explicit PostgresDriver(std::string url) : url_(std::move(url)) {}

  const Dialect& dialect() const override { return kPostgres; }

  Result<Handle> Acquire() override EXCLUDES(mutex_);

  Outcome<void> LockSchema(Connection& connection) override {
    return connection.Script(std::string("SELECT pg_advisory_xact_lock(") + kMigrationLock + ")");
  }

  Outcome<void> Notify(Connection& connection, const char* channel,
                       const std::string& payload) override {
    KOODIKOE_TRY_VOID(connection.Run("SELECT pg_notify(?1, ?2)", {channel, payload}));
    return {};
  }

  Result<std::vector<std::string>> Listen(const char* channel, int timeout_ms) override;

 private:
  void GiveBack(std::unique_ptr<PgConnection> connection) EXCLUDES(mutex_);
  Result<std::vector<std::string>> Receive(std::unique_ptr<PgConnection>& listener, int timeout_ms);

  const std::string url_;
  Mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<PgConnection>> idle_ GUARDED_BY(mutex_);
  size_t open_ GUARDED_BY(mutex_) = 0;
  Mutex listeners_mutex_;
  std::map<std::string, Listener> listeners_ GUARDED_BY(listeners_mutex_);
};

Result<Handle> PostgresDriver::Acquire() {
  std::unique_ptr<PgConnection> conn;
  {
    std::unique_lock lock(mutex_.native());
    returned_.wait(lock,
                   [&]() NO_THREAD_SAFETY_ANALYSIS { return !idle_.empty() || open_ < kPoolSize; });
    [&]() NO_THREAD_SAFETY_ANALYSIS {  // held through `lock`
      if (!idle_.empty()) {
        conn = std::move(idle_.back());
        idle_.pop_back();
      } else {
        ++open_;
      }
    }();
  }
  if (!conn) {
    auto opened = Connect(url_);
    if (!opened) {
      GiveBack(nullptr);
      return tl::unexpected(opened.error());
    }
    conn = std::move(*opened);
  } else if (!conn->EnsureAlive()) {
    std::string message = Trimmed(PQerrorMessage(conn->get()), "");
    GiveBack(nullptr);
    return Fail(ErrorCode::kSystem, "PostgreSQL connection lost: " + message);
  }
  PgConnection* lent = conn.release();
  return Handle(*lent, [this, lent] { GiveBack(std::unique_ptr<PgConnection>(lent)); });
}

// `connection` null: one that could not be used, so the pool may open another.
void PostgresDriver::GiveBack(std::unique_ptr<PgConnection> connection) {
  MutexLock lock(mutex_);
  if (connection) {
    idle_.push_back(std::move(connection));
  } else {
    --open_;
  }
  returned_.notify_one();
}

Result<std::vector<std::string>> PostgresDriver::Listen(const char* channel, int timeout_ms) {
  Listener* listener;
  {
    MutexLock lock(listeners_mutex_);
    listener = &listeners_[channel];  // std::map: the element stays where it is
  }
  MutexLock lock(listener->mutex);
  auto& connection = listener->connection;
  if (connection && PQstatus(connection->get()) != CONNECTION_OK) connection.reset();
  if (!connection) {
    KOODIKOE_TRY(auto opened, Connect(url_));
    if (auto listening = opened->Script(std::string("LISTEN ") + channel); !listening) {
      return Fail(ErrorCode::kSystem, "postgresql listen: " + listening.error().message);
    }
    connection = std::move(opened);
  }
  return Receive(connection, timeout_ms);
}

// Notifications already read, or those arriving within `timeout_ms`.
Result<std::vector<std::string>> PostgresDriver::Receive(std::unique_ptr<PgConnection>& listener,
                                                         int timeout_ms) {
  PGconn* conn = listener->get();
  std::vector<std::string> payloads;
  auto take = [&] {
    while (PGnotify* notify = PQnotifies(conn)) {
      payloads.emplace_back(notify->extra ? notify->extra : "");
      PQfreemem(notify);
    }
  };
  if (PQconsumeInput(conn) == 0) {
    listener.reset();
    return Fail(ErrorCode::kSystem, "postgresql listen: connection lost");
  }
  take();
  if (!payloads.empty()) return payloads;
  pollfd fd{PQsocket(conn), POLLIN, 0};
  if (::poll(&fd, 1, timeout_ms) <= 0) return payloads;
  if (PQconsumeInput(conn) == 0) {
    listener.reset();
    return Fail(ErrorCode::kSystem, "postgresql listen: connection lost");
  }
  take();
  return payloads;
}

}  // namespace

Result<std::unique_ptr<Driver>> OpenPostgresDriver(const std::string& url) {
  auto driver = std::make_unique<PostgresDriver>(url);
  KOODIKOE_TRY_VOID(driver->Acquire());
  return std::unique_ptr<Driver>(std::move(driver));
}

}  // namespace web::sql
