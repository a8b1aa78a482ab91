// The few places where SQLite and PostgreSQL want different words, kept together: statements
// and migrations are written once, in SQLite's spelling with numbered placeholders (?1, ?2 ...)
// and two markers, and translated here for the other database.
#pragma once

#include <string>
#include <string_view>

namespace web::sql {

struct Dialect {
  const char* name;   // "sqlite" | "postgresql": the first word of its error messages
  const char* begin;  // the statement that starts a writing transaction
  // Placeholders are $N instead of ?N; schema words are PostgreSQL's (see TranslateSchema).
  bool postgres;
  // Other processes (remote workers) judge from the same database at the same time.
  bool shared_by_processes;
};

inline constexpr Dialect kSqlite{"sqlite", "BEGIN IMMEDIATE", false, false};
inline constexpr Dialect kPostgres{"postgresql", "BEGIN", true, true};

// A statement for the dialect. Outside quoted text: ?N becomes $N for PostgreSQL;
// {lock_rows} becomes " FOR UPDATE SKIP LOCKED" there (claiming workers each get another row)
// and nothing for SQLite (one connection at a time); {lock_row} becomes " FOR NO KEY UPDATE"
// there (others wanting the row wait until the transaction ends; references to it do not)
// and nothing for SQLite (BEGIN IMMEDIATE already serialises writers); {epoch_now} is the
// database's clock in unix seconds.
std::string Translate(const Dialect& dialect, std::string_view sql);

// A migration for the dialect. Written with PostgreSQL's type words; SQLite gets
// "INTEGER PRIMARY KEY" (its row id) for identity keys, INTEGER for BIGINT and REAL for
// DOUBLE PRECISION, the words its schema has always had.
std::string TranslateSchema(const Dialect& dialect, std::string_view sql);

}  // namespace web::sql
