// What every area of the SQL layer uses: running a statement and words for its
// failures.
#include "storage/sql_storage.h"

#include "koodikoe/try.h"

namespace web {

using koodikoe::Fail;

tl::unexpected<Error> SqlStorage::DbError(const std::string& what,
                                          const sql::Failure& failure) const {
  return Fail(ErrorCode::kSystem,
              std::string(driver_->dialect().name) + " " + what + ": " + failure.message);
}

Result<sql::Rows> SqlStorage::Run(sql::Connection& connection, const std::string& what,
                                  std::string_view sql, const Params& params,
                                  const std::string& taken) {
  auto rows = connection.Run(sql, params);
  if (rows) return std::move(*rows);
  if (!taken.empty() && rows.error().unique_violated) {
    return Fail(ErrorCode::kInvalidArgument, taken);
  }
  return DbError(what, rows.error());
}

Result<sql::Rows> SqlStorage::Run(const std::string& what, std::string_view sql,
                                  const Params& params, const std::string& taken) {
  KOODIKOE_TRY(auto connection, driver_->Acquire());
  return Run(*connection, what, sql, params, taken);
}

Result<void> SqlStorage::Exec(const std::string& what, std::string_view sql, const Params& params) {
  KOODIKOE_TRY_VOID(Run(what, sql, params));
  return {};
}

Result<void> SqlStorage::AddExerciseList(sql::Connection& connection, const std::string& what,
                                         const std::string& table, const std::string& owner_column,
                                         int64_t owner_id,
                                         const std::vector<std::string>& exercises) {
  const std::string sql = "INSERT INTO " + table + "(" + owner_column +
                          ", position, exercise) VALUES(?1,?2,?3) ON CONFLICT DO NOTHING";
  int position = 0;
  for (const auto& exercise : exercises) {
    KOODIKOE_TRY_VOID(Run(connection, what, sql, {owner_id, position++, exercise}));
  }
  return {};
}

Result<void> SqlStorage::Ping() { return Exec("ping", "SELECT 1", {}); }

namespace sql {

Result<int64_t> FirstInt(Result<Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return Fail(ErrorCode::kInternal, "the statement returned no row");
  return rows->Int(0, 0);
}

Result<bool> ChangedOne(Result<Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  return rows->changes == 1;
}

Result<bool> AnyRow(Result<Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  return !rows->empty();
}

std::string Placeholders(size_t first, size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += (i ? ",?" : "?") + std::to_string(first + i);
  return text;
}

std::string JoinLines(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : "\n") + item;
  return text;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

}  // namespace sql
}  // namespace web
