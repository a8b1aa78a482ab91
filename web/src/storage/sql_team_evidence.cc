// A team's evidence of teamwork: who pushed each commit, each member's reflection on their
// role and the trainer's note on them.
#include "koodikoe/try.h"
#include "storage/sql_storage.h"

namespace web {

Result<void> SqlStorage::AddTeamCommits(int64_t team_id, int64_t user_id,
                                        const std::vector<std::string>& shas, int64_t now) {
  if (shas.empty()) return {};
  return InTransaction("record team commits", [&](sql::Connection& connection) -> Result<void> {
    for (const auto& sha : shas) {
      // A commit keeps the account that first brought it to the team's repository.
      KOODIKOE_TRY_VOID(Run(connection, "record team commit",
                            "INSERT INTO team_commits(team_id, commit_sha, user_id, recorded_at) "
                            "VALUES(?1,?2,?3,?4) ON CONFLICT(team_id, commit_sha) DO NOTHING",
                            {team_id, sha, user_id, now}));
    }
    return {};
  });
}

Result<std::vector<TeamCommit>> SqlStorage::TeamCommits(int64_t team_id) {
  return sql::ReadAll(Run("team commits",
                          "SELECT c.commit_sha, c.user_id, u.username, c.recorded_at FROM "
                          "team_commits c JOIN users u ON u.id = c.user_id WHERE c.team_id = ?1 "
                          "ORDER BY c.recorded_at, c.commit_sha",
                          {team_id}),
                      sql::Fields(&TeamCommit::sha, &TeamCommit::user_id, &TeamCommit::username,
                                  &TeamCommit::recorded_at));
}

Result<void> SqlStorage::SetTeamReflection(int64_t team_id, int64_t user_id,
                                           const std::string& text, int64_t now) {
  return Exec("write team reflection",
              "INSERT INTO team_reflections(team_id, user_id, reflection, trainer_note, "
              "updated_at) VALUES(?1,?2,?3,'',?4) ON CONFLICT(team_id, user_id) DO UPDATE SET "
              "reflection = excluded.reflection, updated_at = excluded.updated_at",
              {team_id, user_id, text, now});
}

Result<void> SqlStorage::SetTeamNote(int64_t team_id, int64_t user_id, const std::string& note,
                                     int64_t now) {
  return Exec("write trainer's note",
              "INSERT INTO team_reflections(team_id, user_id, reflection, trainer_note, "
              "updated_at) VALUES(?1,?2,'',?3,?4) ON CONFLICT(team_id, user_id) DO UPDATE SET "
              "trainer_note = excluded.trainer_note, updated_at = excluded.updated_at",
              {team_id, user_id, note, now});
}

namespace {

const char* const kReflectionColumns =
    "SELECT r.team_id, t.name, r.user_id, u.username, r.reflection, r.trainer_note, "
    "r.updated_at FROM team_reflections r JOIN users u ON u.id = r.user_id JOIN teams t ON "
    "t.id = r.team_id ";

auto ReadReflection() {
  return sql::Fields(&TeamReflection::team_id, &TeamReflection::team_name, &TeamReflection::user_id,
                     &TeamReflection::username, &TeamReflection::reflection,
                     &TeamReflection::trainer_note, &TeamReflection::updated_at);
}

}  // namespace

Result<std::vector<TeamReflection>> SqlStorage::TeamReflections(int64_t team_id) {
  return sql::ReadAll(
      Run("team reflections",
          std::string(kReflectionColumns) + "WHERE r.team_id = ?1 ORDER BY u.id", {team_id}),
      ReadReflection());
}

Result<std::vector<TeamReflection>> SqlStorage::ReflectionsOfUser(int64_t user_id) {
  return sql::ReadAll(
      Run("reflections of a user",
          std::string(kReflectionColumns) + "WHERE r.user_id = ?1 ORDER BY r.team_id", {user_id}),
      ReadReflection());
}

}  // namespace web
