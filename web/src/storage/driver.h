// The seam between the one SQL layer (sql_*.cc) and a database library: a driver runs a
// statement written in the common dialect (dialect.h) and hands back every row it returned.
// Two thin drivers exist: sqlite_driver.cc and postgres_driver.cc.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "koodikoe/result.h"
#include "storage/dialect.h"

namespace web::sql {

using koodikoe::Error;
using koodikoe::ErrorCode;
using koodikoe::Result;

// A value bound to a placeholder or read from a column: NULL, an integer, a real or text.
class Value {
 public:
  Value() = default;  // NULL
  Value(std::nullptr_t) {}
  Value(int64_t value) : value_(value) {}
  Value(int value) : value_(static_cast<int64_t>(value)) {}
  Value(double value) : value_(value) {}
  Value(std::string value) : value_(std::move(value)) {}
  Value(const char* value) : value_(std::string(value)) {}
  Value(const std::optional<std::string>& value) {
    if (value) value_ = *value;
  }

  bool IsNull() const { return std::holds_alternative<std::monostate>(value_); }
  // Conversions as the databases make them: text is parsed, NULL is 0 or "".
  int64_t Int() const;
  double Real() const;
  std::string Text() const;
  // Text for a database that takes every parameter as text (PostgreSQL); nullopt for NULL.
  std::optional<std::string> ParamText() const;

  const std::variant<std::monostate, int64_t, double, std::string>& get() const { return value_; }

 private:
  std::variant<std::monostate, int64_t, double, std::string> value_;
};

// Everything one statement gave back: its rows, all read, and how many rows it changed.
struct Rows {
  std::vector<std::vector<Value>> rows;
  int64_t changes = 0;  // rows inserted, updated or deleted; 0 for a query

  size_t size() const { return rows.size(); }
  bool empty() const { return rows.empty(); }
  int64_t Int(size_t row, size_t column) const { return rows[row][column].Int(); }
  double Real(size_t row, size_t column) const { return rows[row][column].Real(); }
  std::string Text(size_t row, size_t column) const { return rows[row][column].Text(); }
  bool IsNull(size_t row, size_t column) const { return rows[row][column].IsNull(); }
};

// What a driver reports when a statement fails. `unique_violated`: a unique or primary key
// already holds the value (SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL 23505), the
// one failure the SQL layer turns into words for a person ("the username ... is taken").
struct Failure {
  bool unique_violated = false;
  std::string message;  // the database's own words
};

template <class T>
using Outcome = tl::expected<T, Failure>;

// One database connection, used by one thread at a time (the handle from Driver::Acquire).
class Connection {
 public:
  virtual ~Connection() = default;
  // Prepares `sql` (one statement, common dialect: ?N placeholders), binds `params` to ?1...,
  // steps it to the end and returns what it gave.
  virtual Outcome<Rows> Run(std::string_view sql, const std::vector<Value>& params) = 0;
  // Several statements without parameters (migrations, BEGIN, COMMIT), as written.
  virtual Outcome<void> Script(const std::string& sql) = 0;
};

// A connection lent to the calling thread; given back to its driver when destroyed.
class Handle {
 public:
  Handle(Connection& connection, std::function<void()> give_back)
      : connection_(&connection), give_back_(std::move(give_back)) {}
  Handle(Handle&& other) noexcept
      : connection_(other.connection_), give_back_(std::exchange(other.give_back_, nullptr)) {}
  Handle(const Handle&) = delete;
  Handle& operator=(const Handle&) = delete;
  Handle& operator=(Handle&&) = delete;
  ~Handle() {
    if (give_back_) give_back_();
  }
  Connection& operator*() const { return *connection_; }
  Connection* operator->() const { return connection_; }

 private:
  Connection* connection_;
  std::function<void()> give_back_;
};

class Driver {
 public:
  virtual ~Driver() = default;
  virtual const Dialect& dialect() const = 0;
  // A connection for the calling thread until the handle goes. SQLite: its one connection,
  // the caller holding the driver's mutex meanwhile (so never Acquire twice on one thread);
  // PostgreSQL: one of a pool, waiting while all are lent.
  virtual Result<Handle> Acquire() = 0;
  // Inside a transaction: serialises schema migrations of processes starting together.
  virtual Outcome<void> LockSchema(Connection& connection) = 0;
  // Tells the listeners of `channel` in other processes, when the connection's transaction
  // commits. Databases of one process ignore it.
  virtual Outcome<void> Notify(Connection& connection, const char* channel,
                               const std::string& payload) = 0;
  // Blocks up to `timeout_ms` for notifications on `channel` (a connection of its own per
  // channel; one caller per channel at a time); their payloads. Empty at once for databases of
  // one process.
  virtual Result<std::vector<std::string>> Listen(const char* channel, int timeout_ms) = 0;
};

// Opens the one SQLite connection (WAL, synchronous=FULL, foreign keys on).
Result<std::unique_ptr<Driver>> OpenSqliteDriver(const std::string& path);
// Checks that PostgreSQL answers at `url` and keeps the connection as the pool's first.
Result<std::unique_ptr<Driver>> OpenPostgresDriver(const std::string& url);

// A transaction on one connection: rolled back when destroyed unless Commit succeeded.
class Transaction {
 public:
  static Outcome<Transaction> Begin(Connection& connection, const Dialect& dialect);
  Transaction(Transaction&& other) noexcept
      : connection_(std::exchange(other.connection_, nullptr)) {}
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Outcome<void> Commit();

 private:
  explicit Transaction(Connection& connection) : connection_(&connection) {}
  Connection* connection_;  // null once committed or rolled back
};

}  // namespace web::sql
