// Opening a store, and the words for roles both databases keep.
#include "storage/storage.h"

#include "koodikoe/try.h"
#include "storage/migrations.h"
#include "storage/sql_storage.h"

namespace web {

using koodikoe::Fail;

const char* RoleName(Role role) {
  switch (role) {
    case Role::kCandidate:
      return "candidate";
    case Role::kTrainer:
      return "trainer";
    case Role::kCompany:
      return "company";
    case Role::kAdmin:
      return "admin";
    case Role::kCoordinator:
      return "coordinator";
  }
  return "candidate";
}

std::optional<Role> ParseRole(const std::string& name) {
  for (Role role :
       {Role::kCandidate, Role::kTrainer, Role::kCompany, Role::kAdmin, Role::kCoordinator}) {
    if (name == RoleName(role)) return role;
  }
  return std::nullopt;
}

int SchemaVersion() { return sql::SchemaVersion(); }

namespace {

Result<std::unique_ptr<Storage>> Migrated(Result<std::unique_ptr<sql::Driver>> driver) {
  if (!driver) return tl::unexpected(driver.error());
  KOODIKOE_TRY_VOID(sql::Migrate(**driver));
  return std::unique_ptr<Storage>(std::make_unique<SqlStorage>(std::move(*driver)));
}

}  // namespace

Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::string& path) {
  return Migrated(sql::OpenSqliteDriver(path));
}

Result<std::unique_ptr<Storage>> OpenPostgresStorage(const std::string& url) {
  return Migrated(sql::OpenPostgresDriver(url));
}

bool IsPostgresUrl(const std::string& url) {
  return url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Storage>> OpenStorage(const std::string& url) {
  if (IsPostgresUrl(url)) return OpenPostgresStorage(url);
  std::string path = url.rfind("sqlite:", 0) == 0 ? url.substr(7) : url;
  if (path.empty()) return Fail(ErrorCode::kInvalidArgument, "--db sqlite: needs a file path");
  return OpenSqliteStorage(path);
}

}  // namespace web
