// Timed coding trials: the owner's exercises, invitations, and when each
// candidate opened one.
#include "koodikoe/try.h"
#include "storage/sql_storage.h"

namespace web {

Result<int64_t> SqlStorage::AddTrial(const Trial& t) {
  return InTransaction("add trial", [&](sql::Connection& connection) -> Result<int64_t> {
    KOODIKOE_TRY(auto inserted, Run(connection, "add trial",
                                    "INSERT INTO trials(owner_id, title, minutes, invite_code, "
                                    "created_at) "
                                    "VALUES(?1,?2,?3,?4,?5) RETURNING id",
                                    {t.owner_id, t.title, t.minutes, t.invite_code, t.created_at}));
    int64_t id = inserted.Int(0, 0);
    KOODIKOE_TRY_VOID(AddExerciseList(connection, "add trial exercise", "trial_exercises",
                                      "trial_id", id, t.exercises));
    return id;
  });
}

Result<std::vector<Trial>> SqlStorage::ManyTrials(std::string_view where, const Params& params) {
  KOODIKOE_TRY(auto r,
               Run("find trials",
                   "SELECT t.id, t.owner_id, u.username, t.title, t.minutes, t.invite_code, "
                   "t.created_at FROM trials t JOIN users u ON u.id = t.owner_id WHERE " +
                       std::string(where) + " ORDER BY t.id DESC",
                   params));
  std::vector<Trial> list;
  Params ids;
  for (size_t i = 0; i < r.size(); ++i) {
    Trial t;
    t.id = r.Int(i, 0);
    t.owner_id = r.Int(i, 1);
    t.owner_username = r.Text(i, 2);
    t.title = r.Text(i, 3);
    t.minutes = static_cast<int>(r.Int(i, 4));
    t.invite_code = r.Text(i, 5);
    t.created_at = r.Int(i, 6);
    ids.emplace_back(t.id);
    list.push_back(std::move(t));
  }
  if (list.empty()) return list;
  KOODIKOE_TRY(auto ex, Run("trial exercises",
                            "SELECT trial_id, exercise FROM trial_exercises WHERE trial_id IN (" +
                                sql::Placeholders(1, ids.size()) + ") ORDER BY trial_id, position",
                            ids));
  for (auto& t : list) {
    for (size_t i = 0; i < ex.size(); ++i) {
      if (ex.Int(i, 0) == t.id) t.exercises.push_back(ex.Text(i, 1));
    }
  }
  return list;
}

Result<std::optional<Trial>> SqlStorage::FindTrial(int64_t id) {
  return sql::First(ManyTrials("t.id = ?1", {id}));
}

Result<std::optional<Trial>> SqlStorage::FindTrialByCode(const std::string& code) {
  return sql::First(ManyTrials("t.invite_code = ?1", {code}));
}

Result<std::vector<Trial>> SqlStorage::TrialsOfOwner(int64_t owner_id) {
  return ManyTrials("t.owner_id = ?1", {owner_id});
}

Result<int64_t> SqlStorage::OpenTrial(int64_t trial_id, int64_t user_id, int64_t now) {
  KOODIKOE_TRY_VOID(Exec("open trial",
                         "INSERT INTO trial_participants(trial_id, user_id, opened_at) "
                         "VALUES(?1,?2,?3) ON CONFLICT DO NOTHING",
                         {trial_id, user_id, now}));
  KOODIKOE_TRY(auto r, Run("read trial window",
                           "SELECT opened_at FROM trial_participants WHERE trial_id = ?1 "
                           "AND user_id = ?2",
                           {trial_id, user_id}));
  if (r.empty()) return koodikoe::Fail(ErrorCode::kInternal, "the trial window was not stored");
  return r.Int(0, 0);
}

Result<bool> SqlStorage::IsTrialExercise(const std::string& exercise) {
  return sql::AnyRow(Run("trial exercise",
                         "SELECT 1 FROM trial_exercises WHERE exercise = ?1 LIMIT 1", {exercise}));
}

Result<std::vector<TrialParticipant>> SqlStorage::TrialParticipants(int64_t trial_id) {
  return sql::ReadAll(Run("trial participants",
                          "SELECT p.user_id, u.username, u.nickname, "
                          "p.opened_at FROM trial_participants p "
                          "JOIN users u ON u.id = p.user_id WHERE p.trial_id = "
                          "?1 ORDER BY p.opened_at",
                          {trial_id}),
                      sql::Fields(&TrialParticipant::user_id, &TrialParticipant::username,
                                  &TrialParticipant::nickname, &TrialParticipant::opened_at));
}

}  // namespace web
