// Team projects of a workshop, their teams and members.
#include "storage/sql_storage.h"

namespace web {

Result<int64_t> SqlStorage::AddProject(const TeamProject& p) {
  return sql::FirstInt(Run("add team project",
                           "INSERT INTO team_projects(workshop_id, exercise, title, created_at) "
                           "VALUES(?1,?2,?3,?4) RETURNING id",
                           {p.workshop_id, p.exercise, p.title, p.created_at}));
}

namespace {

const char* const kProjectColumns =
    "SELECT id, workshop_id, exercise, title, created_at FROM team_projects ";

auto ReadProject() {
  return sql::Fields(&TeamProject::id, &TeamProject::workshop_id, &TeamProject::exercise,
                     &TeamProject::title, &TeamProject::created_at);
}

}  // namespace

Result<std::optional<TeamProject>> SqlStorage::FindProject(int64_t id) {
  return sql::First(
      sql::ReadAll(Run("find team project", std::string(kProjectColumns) + "WHERE id = ?1", {id}),
                   ReadProject()));
}

Result<std::vector<TeamProject>> SqlStorage::ProjectsOfWorkshop(int64_t workshop_id) {
  return sql::ReadAll(
      Run("team projects", std::string(kProjectColumns) + "WHERE workshop_id = ?1 ORDER BY id DESC",
          {workshop_id}),
      ReadProject());
}

Result<int64_t> SqlStorage::AddTeam(const Team& t, const std::vector<int64_t>& member_ids) {
  return InTransaction("add team", [&](sql::Connection& connection) -> Result<int64_t> {
    auto id = sql::FirstInt(Run(connection, "add team",
                                "INSERT INTO teams(project_id, name, join_code, created_at) "
                                "VALUES(?1,?2,?3,?4) RETURNING id",
                                {t.project_id, t.name, t.join_code, t.created_at},
                                "the join code " + t.join_code + " is taken"));
    if (!id) return id;
    for (int64_t user_id : member_ids) {
      auto added = Run(connection, "add team member",
                       "INSERT INTO team_members(team_id, project_id, user_id, joined_at) "
                       "VALUES(?1,?2,?3,?4)",
                       {*id, t.project_id, user_id, t.created_at},
                       "someone of the team is in another team of this project already");
      if (!added) return tl::unexpected(added.error());
    }
    return id;
  });
}

Result<std::vector<Team>> SqlStorage::ManyTeams(std::string_view where, const Params& params) {
  auto teams = sql::ReadAll(
      Run("find teams",
          "SELECT t.id, t.project_id, t.name, t.join_code, t.created_at FROM teams t WHERE " +
              std::string(where) + " ORDER BY t.id",
          params),
      sql::Fields(&Team::id, &Team::project_id, &Team::name, &Team::join_code, &Team::created_at));
  if (!teams || teams->empty()) return teams;
  Params ids;
  for (const auto& team : *teams) ids.emplace_back(team.id);
  auto members =
      Run("team members",
          "SELECT m.team_id, m.user_id, u.username, m.joined_at FROM team_members m "
          "JOIN users u ON u.id = m.user_id WHERE m.team_id IN (" +
              sql::Placeholders(1, ids.size()) + ") ORDER BY m.team_id, m.joined_at, m.user_id",
          ids);
  if (!members) return tl::unexpected(members.error());
  for (auto& team : *teams) {
    for (size_t i = 0; i < members->size(); ++i) {
      if (members->Int(i, 0) != team.id) continue;
      team.members.push_back({members->Int(i, 1), members->Text(i, 2), members->Int(i, 3)});
    }
  }
  return teams;
}

Result<std::optional<Team>> SqlStorage::FindTeam(int64_t id) {
  return sql::First(ManyTeams("t.id = ?1", {id}));
}

Result<std::optional<Team>> SqlStorage::FindTeamByCode(const std::string& code) {
  return sql::First(ManyTeams("t.join_code = ?1", {code}));
}

Result<std::vector<Team>> SqlStorage::TeamsOfProject(int64_t project_id) {
  return ManyTeams("t.project_id = ?1", {project_id});
}

Result<bool> SqlStorage::JoinTeam(int64_t team_id, int64_t user_id, int max_members, int64_t now) {
  return InTransaction("join team", [&](sql::Connection& connection) -> Result<bool> {
    // The team's row locked first: a second join waits here until this one has counted.
    auto team = Run(connection, "join team", "SELECT project_id FROM teams WHERE id = ?1{lock_row}",
                    {team_id});
    if (!team) return tl::unexpected(team.error());
    if (team->empty()) return false;
    auto already = sql::AnyRow(Run(connection, "join team",
                                   "SELECT 1 FROM team_members WHERE team_id = ?1 AND user_id = ?2",
                                   {team_id, user_id}));
    if (!already || *already) return already;
    auto count =
        sql::FirstInt(Run(connection, "join team",
                          "SELECT count(*) FROM team_members WHERE team_id = ?1", {team_id}));
    if (!count) return tl::unexpected(count.error());
    if (*count >= max_members) return false;
    auto added = Run(connection, "join team",
                     "INSERT INTO team_members(team_id, project_id, user_id, joined_at) "
                     "VALUES(?1,?2,?3,?4)",
                     {team_id, team->Int(0, 0), user_id, now},
                     "you are in another team of this project already");
    if (!added) return tl::unexpected(added.error());
    return true;
  });
}

}  // namespace web
