// Accounts and sessions, and deleting an account with everything that belongs
// to it.
#include "koodikoe/try.h"
#include "storage/sql_storage.h"

namespace web {
namespace {

constexpr const char* kUserColumns =
    "id, username, password_hash, role, language, nickname, created_at";

User ReadUser(const sql::Rows& r, size_t row) {
  return sql::Fields(&User::id, &User::username, &User::password_hash, &User::role, &User::language,
                     &User::nickname, &User::created_at)(r, row);
}

Result<std::optional<User>> OneUser(Result<sql::Rows> rows) {
  if (!rows) return tl::unexpected(rows.error());
  if (rows->empty()) return std::optional<User>();
  return ReadUser(*rows, 0);
}

}  // namespace

Result<int64_t> SqlStorage::AddUser(const User& user) {
  return sql::FirstInt(Run("add user",
                           "INSERT INTO users(username, password_hash, role, language, "
                           "nickname, created_at) "
                           "VALUES(?1,?2,?3,?4,?5,?6) RETURNING id",
                           {user.username, user.password_hash, RoleName(user.role), user.language,
                            user.nickname, user.created_at},
                           "the username '" + user.username + "' is taken"));
}

Result<std::optional<User>> SqlStorage::FindUserByName(const std::string& username) {
  return OneUser(Run("find user",
                     std::string("SELECT ") + kUserColumns + " FROM users WHERE username = ?1",
                     {username}));
}

Result<std::optional<User>> SqlStorage::FindUser(int64_t id) {
  return OneUser(
      Run("find user", std::string("SELECT ") + kUserColumns + " FROM users WHERE id = ?1", {id}));
}

Result<void> SqlStorage::UpdateUser(const User& user) {
  return Exec("update user",
              "UPDATE users SET password_hash = ?1, role = ?2, language = ?3, "
              "nickname = ?4 "
              "WHERE id = ?5",
              {user.password_hash, RoleName(user.role), user.language, user.nickname, user.id});
}

Result<std::vector<User>> SqlStorage::ListUsersByRole(Role role) {
  return sql::ReadAll(Run("list users",
                          std::string("SELECT ") + kUserColumns +
                              " FROM users WHERE role = ?1 ORDER BY "
                              "username",
                          {RoleName(role)}),
                      ReadUser);
}

Result<void> SqlStorage::AddSession(const Session& session) {
  // Expired sessions go whenever a new one comes, so the table stays small.
  KOODIKOE_TRY_VOID(Exec("drop expired sessions", "DELETE FROM sessions WHERE expires_at < ?1",
                         {session.created_at}));
  return Exec(
      "add session",
      "INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at) "
      "VALUES(?1,?2,?3,?4,?5)",
      {session.token_hash, session.user_id, session.csrf, session.created_at, session.expires_at});
}

Result<std::optional<Session>> SqlStorage::FindSession(const std::string& token_hash, int64_t now) {
  KOODIKOE_TRY(auto r, Run("find session",
                           "SELECT token_hash, user_id, csrf, created_at, expires_at FROM sessions "
                           "WHERE token_hash = ?1 AND expires_at >= ?2",
                           {token_hash, now}));
  if (r.empty()) return std::optional<Session>();
  return Session{r.Text(0, 0), r.Int(0, 1), r.Text(0, 2), r.Int(0, 3), r.Int(0, 4)};
}

Result<void> SqlStorage::DeleteSession(const std::string& token_hash) {
  return Exec("delete session", "DELETE FROM sessions WHERE token_hash = ?1", {token_hash});
}

Result<bool> SqlStorage::DeleteUser(int64_t user_id) {
  return InTransaction("delete user", [&](sql::Connection& connection) -> Result<bool> {
    // Rows that refer to the user without ON DELETE CASCADE go first, in
    // dependency order; the tables of the evidence and trial schemas
    // cascade from users.
    const char* const statements[] = {
        "DELETE FROM comments WHERE user_id = ?1",
        "DELETE FROM submissions WHERE user_id = ?1",
        "DELETE FROM help_requests WHERE user_id = ?1",
        "DELETE FROM workshop_members WHERE user_id = ?1",
        "DELETE FROM workshops WHERE trainer_id = ?1",
        "DELETE FROM sessions WHERE user_id = ?1",
        "DELETE FROM users WHERE id = ?1",
    };
    int64_t deleted = 0;
    for (const char* statement : statements) {
      KOODIKOE_TRY(auto done, Run(connection, "delete user", statement, {user_id}));
      deleted = done.changes;
    }
    return deleted > 0;
  });
}

}  // namespace web
