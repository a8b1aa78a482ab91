// What both drivers share: values as the databases convert them, and the transaction guard.
#include "storage/driver.h"

#include <cstdio>
#include <cstdlib>

#include "koodikoe/try.h"

namespace web::sql {

int64_t Value::Int() const {
  if (auto* i = std::get_if<int64_t>(&value_)) return *i;
  if (auto* d = std::get_if<double>(&value_)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&value_)) return std::strtoll(s->c_str(), nullptr, 10);
  return 0;
}

double Value::Real() const {
  if (auto* d = std::get_if<double>(&value_)) return *d;
  if (auto* i = std::get_if<int64_t>(&value_)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&value_)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Value::Text() const {
  if (auto* s = std::get_if<std::string>(&value_)) return *s;
  if (auto* i = std::get_if<int64_t>(&value_)) return std::to_string(*i);
  if (auto* d = std::get_if<double>(&value_)) {
    char text[64];
    std::snprintf(text, sizeof text, "%.17g", *d);  // enough digits to read the same double
    return text;
  }
  return "";
}

std::optional<std::string> Value::ParamText() const {
  if (IsNull()) return std::nullopt;
  return Text();
}

Outcome<Transaction> Transaction::Begin(Connection& connection, const Dialect& dialect) {
  KOODIKOE_TRY_VOID(connection.Script(dialect.begin));
  return Transaction(connection);
}

Transaction::~Transaction() {
  if (connection_) (void)connection_->Script("ROLLBACK");
}

Outcome<void> Transaction::Commit() {
  Connection* connection = std::exchange(connection_, nullptr);
  if (!connection) return tl::unexpected(Failure{false, "the transaction has ended"});
  auto committed = connection->Script("COMMIT");
  // A failed COMMIT in PostgreSQL has already rolled back; SQLite keeps the transaction open
  // (e.g. SQLITE_BUSY), so it is rolled back here.
  if (!committed) (void)connection->Script("ROLLBACK");
  return committed;
}

}  // namespace web::sql
