// The embedded database: one SQLite file in WAL mode and one connection, lent to one thread
// at a time under a mutex (the platform's writes are small and SQLite serialises writers
// anyway).
#include <sqlite3.h>

#include <mutex>

#include "storage/driver.h"
#include "base/thread_annotations.h"

namespace web::sql {
namespace {

using koodikoe::Fail;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  Outcome<Rows> Run(std::string_view common, const std::vector<Value>& params) override {
    std::string sql = Translate(kSqlite, common);
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), static_cast<int>(sql.size()), &stmt, nullptr) !=
        SQLITE_OK) {
      return Failed();
    }
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> owned(stmt, sqlite3_finalize);
    for (size_t i = 0; i < params.size(); ++i) Bind(stmt, static_cast<int>(i + 1), params[i]);
    Rows rows;
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) rows.rows.push_back(ReadRow(stmt));
    if (rc != SQLITE_DONE) return Failed();
    if (!sqlite3_stmt_readonly(stmt)) rows.changes = sqlite3_changes(db_);
    return rows;
  }

  Outcome<void> Script(const std::string& sql) override {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      return tl::unexpected(Failure{false, text});
    }
    return {};
  }

 private:
  static void Bind(sqlite3_stmt* stmt, int index, const Value& value) {
    const auto& v = value.get();
    if (auto* i = std::get_if<int64_t>(&v)) {
      sqlite3_bind_int64(stmt, index, *i);
    } else if (auto* d = std::get_if<double>(&v)) {
      sqlite3_bind_double(stmt, index, *d);
    } else if (auto* s = std::get_if<std::string>(&v)) {
      sqlite3_bind_text(stmt, index, s->data(), static_cast<int>(s->size()), SQLITE_TRANSIENT);
    } else {
      sqlite3_bind_null(stmt, index);
    }
  }

  static std::vector<Value> ReadRow(sqlite3_stmt* stmt) {
    std::vector<Value> row;
    int columns = sqlite3_column_count(stmt);
    row.reserve(static_cast<size_t>(columns));
    for (int c = 0; c < columns; ++c) {
      switch (sqlite3_column_type(stmt, c)) {
        case SQLITE_INTEGER:
          row.emplace_back(static_cast<int64_t>(sqlite3_column_int64(stmt, c)));
          break;
        case SQLITE_FLOAT:
          row.emplace_back(sqlite3_column_double(stmt, c));
          break;
        case SQLITE_NULL:
          row.emplace_back();
          break;
        default: {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, c));
          row.emplace_back(
              std::string(text ? text : "", static_cast<size_t>(sqlite3_column_bytes(stmt, c))));
        }
      }
    }
    return row;
  }

  tl::unexpected<Failure> Failed() const {
    int code = sqlite3_extended_errcode(db_);
    bool unique = code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY;
    return tl::unexpected(Failure{unique, sqlite3_errmsg(db_)});
  }

  sqlite3* const db_;
};

class SqliteDriver final : public Driver {
 public:
  explicit SqliteDriver(sqlite3* db) : connection_(db) {}

  const Dialect& dialect() const override { return kSqlite; }

  // The handle holds the mutex until it goes, which the analysis cannot follow.
  Result<Handle> Acquire() override NO_THREAD_SAFETY_ANALYSIS {
    mutex_.Lock();
    return Handle(connection_, [this]() NO_THREAD_SAFETY_ANALYSIS { mutex_.Unlock(); });
  }

  // BEGIN IMMEDIATE has taken the database's write lock already.
  Outcome<void> LockSchema(Connection&) override { return {}; }

  Outcome<void> Notify(Connection&, const char*, const std::string&) override { return {}; }

  Result<std::vector<std::string>> Listen(const char*, int) override {
    return std::vector<std::string>();
  }

 private:
  Mutex mutex_;
  SqliteConnection connection_ GUARDED_BY(mutex_);
};

}  // namespace

Result<std::unique_ptr<Driver>> OpenSqliteDriver(const std::string& path) {
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Fail(ErrorCode::kSystem, "opening the database " + path + ": " + message);
  }
  sqlite3_busy_timeout(db, 5000);
  auto driver = std::make_unique<SqliteDriver>(db);
  auto connection = driver->Acquire().value();  // cannot fail
  // WAL: readers do not block the writer. synchronous=FULL: a submission that got its id
  // is on disk even if the machine, not just the server, goes down.
  for (const char* pragma :
       {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
    if (auto done = connection->Script(pragma); !done) {
      return Fail(ErrorCode::kSystem, path + ": sqlite: " + done.error().message);
    }
  }
  return std::unique_ptr<Driver>(std::move(driver));
}

}  // namespace web::sql
