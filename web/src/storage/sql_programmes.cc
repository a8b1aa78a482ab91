// Programmes: members in their roles, workshops and trials held, coaching, guidance paths.
#include "koodikoe/try.h"
#include "storage/sql_storage.h"

namespace web {

namespace {

constexpr const char* kProgrammeColumns =
    "SELECT p.id, p.coordinator_id, u.username, p.name, p.description, p.starts_on, p.ends_on, "
    "p.join_code, p.created_at FROM programmes p JOIN users u ON u.id = p.coordinator_id ";

auto ReadProgramme() {
  return sql::Fields(&Programme::id, &Programme::coordinator_id, &Programme::coordinator_username,
                     &Programme::name, &Programme::description, &Programme::starts_on,
                     &Programme::ends_on, &Programme::join_code, &Programme::created_at);
}

constexpr const char* kMemberColumns =
    "SELECT m.programme_id, m.user_id, u.username, u.nickname, m.role, m.looks_for, m.joined_at "
    "FROM programme_members m JOIN users u ON u.id = m.user_id ";

auto ReadMember() {
  return sql::Fields(&ProgrammeMember::programme_id, &ProgrammeMember::user_id,
                     &ProgrammeMember::username, &ProgrammeMember::nickname, &ProgrammeMember::role,
                     &ProgrammeMember::looks_for, &ProgrammeMember::joined_at);
}

}  // namespace

Result<int64_t> SqlStorage::AddProgramme(const Programme& p) {
  return sql::FirstInt(Run(
      "add programme",
      "INSERT INTO programmes(coordinator_id, name, description, starts_on, "
      "ends_on, join_code, created_at) VALUES(?1,?2,?3,?4,?5,?6,?7) "
      "RETURNING id",
      {p.coordinator_id, p.name, p.description, p.starts_on, p.ends_on, p.join_code, p.created_at},
      "the join code " + p.join_code + " is taken"));
}

Result<std::optional<Programme>> SqlStorage::FindProgramme(int64_t id) {
  return sql::First(
      sql::ReadAll(Run("find programme", std::string(kProgrammeColumns) + "WHERE p.id = ?1", {id}),
                   ReadProgramme()));
}

Result<std::optional<Programme>> SqlStorage::FindProgrammeByCode(const std::string& code) {
  return sql::First(sql::ReadAll(
      Run("find programme", std::string(kProgrammeColumns) + "WHERE p.join_code = ?1", {code}),
      ReadProgramme()));
}

Result<std::vector<Programme>> SqlStorage::ProgrammesOfUser(int64_t user_id) {
  return sql::ReadAll(Run("programmes of user",
                          std::string(kProgrammeColumns) +
                              "WHERE p.coordinator_id = ?1 OR p.id IN (SELECT programme_id FROM "
                              "programme_members WHERE user_id = ?1) ORDER BY p.id DESC",
                          {user_id}),
                      ReadProgramme());
}

Result<void> SqlStorage::PutProgrammeMember(const ProgrammeMember& m) {
  return Exec(
      "put programme member",
      "INSERT INTO programme_members(programme_id, user_id, role, looks_for, joined_at) "
      "VALUES(?1,?2,?3,?4,?5) ON CONFLICT(programme_id, user_id) DO UPDATE SET "
      "role = excluded.role, looks_for = excluded.looks_for, joined_at = excluded.joined_at",
      {m.programme_id, m.user_id, m.role, m.looks_for, m.joined_at});
}

Result<std::vector<ProgrammeMember>> SqlStorage::ProgrammeMembers(int64_t programme_id) {
  return sql::ReadAll(
      Run("programme members",
          std::string(kMemberColumns) + "WHERE m.programme_id = ?1 ORDER BY m.joined_at, m.user_id",
          {programme_id}),
      ReadMember());
}

Result<std::vector<ProgrammeMember>> SqlStorage::MembershipsOf(int64_t user_id) {
  return sql::ReadAll(
      Run("memberships of user",
          std::string(kMemberColumns) + "WHERE m.user_id = ?1 ORDER BY m.programme_id", {user_id}),
      ReadMember());
}

Result<bool> SqlStorage::AddProgrammeItem(int64_t programme_id, const std::string& kind,
                                          int64_t item_id) {
  KOODIKOE_TRY(auto r, Run("add programme item",
                           "INSERT INTO programme_items(programme_id, kind, item_id) "
                           "VALUES(?1,?2,?3) ON CONFLICT DO NOTHING",
                           {programme_id, kind, item_id}));
  return r.changes == 1;
}

Result<std::vector<std::pair<std::string, int64_t>>> SqlStorage::ProgrammeItems(
    int64_t programme_id) {
  KOODIKOE_TRY(auto r, Run("programme items",
                           "SELECT kind, item_id FROM programme_items WHERE programme_id = ?1 "
                           "ORDER BY position",
                           {programme_id}));
  std::vector<std::pair<std::string, int64_t>> items;
  for (size_t i = 0; i < r.size(); ++i) items.emplace_back(r.Text(i, 0), r.Int(i, 1));
  return items;
}

Result<void> SqlStorage::AssignCoach(int64_t programme_id, int64_t coach_id,
                                     int64_t participant_id) {
  return Exec("assign coach",
              "INSERT INTO programme_coaching(programme_id, coach_id, participant_id) "
              "VALUES(?1,?2,?3) ON CONFLICT DO NOTHING",
              {programme_id, coach_id, participant_id});
}

Result<std::vector<std::pair<int64_t, int64_t>>> SqlStorage::CoachAssignments(
    int64_t programme_id) {
  KOODIKOE_TRY(auto r, Run("coach assignments",
                           "SELECT coach_id, participant_id FROM programme_coaching "
                           "WHERE programme_id = ?1 ORDER BY coach_id, participant_id",
                           {programme_id}));
  std::vector<std::pair<int64_t, int64_t>> pairs;
  for (size_t i = 0; i < r.size(); ++i) pairs.emplace_back(r.Int(i, 0), r.Int(i, 1));
  return pairs;
}

Result<int64_t> SqlStorage::AddGuidanceEntry(const GuidanceEntry& e) {
  return sql::FirstInt(
      Run("add guidance entry",
          "INSERT INTO guidance_entries(programme_id, participant_id, author_id, "
          "kind, text, created_at) VALUES(?1,?2,?3,?4,?5,?6) RETURNING id",
          {e.programme_id, e.participant_id, e.author_id, e.kind, e.text, e.created_at}));
}

Result<std::vector<GuidanceEntry>> SqlStorage::GuidanceEntries(int64_t programme_id,
                                                               int64_t participant_id) {
  return sql::ReadAll(
      Run("guidance entries",
          "SELECT g.id, g.programme_id, g.participant_id, coalesce(g.author_id, 0), "
          "coalesce(u.username, ''), g.kind, g.text, g.created_at FROM guidance_entries g "
          "LEFT JOIN users u ON u.id = g.author_id WHERE g.participant_id = ?1 "
          "AND (?2 = 0 OR g.programme_id = ?2) ORDER BY g.created_at, g.id",
          {participant_id, programme_id}),
      sql::Fields(&GuidanceEntry::id, &GuidanceEntry::programme_id, &GuidanceEntry::participant_id,
                  &GuidanceEntry::author_id, &GuidanceEntry::author_username, &GuidanceEntry::kind,
                  &GuidanceEntry::text, &GuidanceEntry::created_at));
}

Result<std::map<int64_t, int64_t>> SqlStorage::LastActivity(const std::vector<int64_t>& user_ids) {
  std::map<int64_t, int64_t> last;
  if (user_ids.empty()) return last;
  Params ids(user_ids.begin(), user_ids.end());
  std::string in = sql::Placeholders(1, ids.size());
  KOODIKOE_TRY(auto r, Run("last activity",
                           "SELECT user_id, max(at) FROM (SELECT user_id, created_at AS at FROM "
                           "submissions WHERE user_id IN (" +
                               in +
                               ") UNION ALL SELECT author_id, created_at FROM guidance_entries "
                               "WHERE author_id IN (" +
                               in + ")) a GROUP BY user_id",
                           ids));
  for (size_t i = 0; i < r.size(); ++i) last[r.Int(i, 0)] = r.Int(i, 1);
  return last;
}

Result<int64_t> SqlStorage::FirstTrialOpened(int64_t user_id) {
  return sql::FirstInt(Run("first trial",
                           "SELECT coalesce(min(opened_at), 0) FROM trial_participants "
                           "WHERE user_id = ?1",
                           {user_id}));
}

Result<int64_t> SqlStorage::AddCareerPath(const CareerPath& path) {
  std::vector<std::string> lines;
  for (const auto& [skill, tier] : path.skills) lines.push_back(skill + " " + std::to_string(tier));
  return sql::FirstInt(Run("add career path",
                           "INSERT INTO career_paths(programme_id, name, skills, created_at) "
                           "VALUES(?1,?2,?3,?4) RETURNING id",
                           {path.programme_id, path.name, sql::JoinLines(lines), path.created_at}));
}

Result<std::vector<CareerPath>> SqlStorage::CareerPaths(int64_t programme_id) {
  KOODIKOE_TRY(auto r, Run("career paths",
                           "SELECT id, programme_id, name, skills, created_at FROM career_paths "
                           "WHERE programme_id = ?1 ORDER BY id",
                           {programme_id}));
  std::vector<CareerPath> paths;
  for (size_t i = 0; i < r.size(); ++i) {
    CareerPath path;
    path.id = r.Int(i, 0);
    path.programme_id = r.Int(i, 1);
    path.name = r.Text(i, 2);
    for (const auto& line : sql::SplitLines(r.Text(i, 3))) {
      auto space = line.rfind(' ');
      if (space == std::string::npos) continue;
      path.skills.emplace_back(line.substr(0, space), std::atoi(line.c_str() + space + 1));
    }
    path.created_at = r.Int(i, 4);
    paths.push_back(std::move(path));
  }
  return paths;
}

Result<void> SqlStorage::PutOutcome(const ProgrammeOutcome& o) {
  return Exec("put outcome",
              "INSERT INTO programme_outcomes(programme_id, participant_id, outcome, outcome_on, "
              "consent, recorded_by, updated_at) VALUES(?1,?2,?3,?4,?5,?6,?7) "
              "ON CONFLICT(programme_id, participant_id) DO UPDATE SET outcome = excluded.outcome, "
              "outcome_on = excluded.outcome_on, consent = excluded.consent, "
              "recorded_by = excluded.recorded_by, updated_at = excluded.updated_at",
              {o.programme_id, o.participant_id, o.outcome, o.outcome_on, o.consent ? 1 : 0,
               o.recorded_by, o.updated_at});
}

Result<std::vector<ProgrammeOutcome>> SqlStorage::Outcomes(int64_t programme_id,
                                                           int64_t participant_id) {
  return sql::ReadAll(
      Run("outcomes",
          "SELECT o.programme_id, o.participant_id, o.outcome, o.outcome_on, o.consent, "
          "coalesce(o.recorded_by, 0), coalesce(u.username, ''), o.updated_at "
          "FROM programme_outcomes o LEFT JOIN users u ON u.id = o.recorded_by "
          "WHERE (?1 = 0 OR o.programme_id = ?1) AND (?2 = 0 OR o.participant_id = ?2) "
          "ORDER BY o.programme_id, o.participant_id",
          {programme_id, participant_id}),
      sql::Fields(&ProgrammeOutcome::programme_id, &ProgrammeOutcome::participant_id,
                  &ProgrammeOutcome::outcome, &ProgrammeOutcome::outcome_on,
                  &ProgrammeOutcome::consent, &ProgrammeOutcome::recorded_by,
                  &ProgrammeOutcome::recorded_by_username, &ProgrammeOutcome::updated_at));
}

}  // namespace web
