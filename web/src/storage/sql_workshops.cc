// Workshops: the trainer's exercises and released hints, members and their
// extra time, help requests, the room's submissions, and comments on
// submissions.
#include "koodikoe/try.h"
#include "storage/sql_storage.h"

namespace web {

Result<int64_t> SqlStorage::AddWorkshop(const Workshop& w) {
  return InTransaction("add workshop", [&](sql::Connection& connection) -> Result<int64_t> {
    KOODIKOE_TRY(auto inserted,
                 Run(connection, "add workshop",
                     "INSERT INTO workshops(title, trainer_id, join_code, starts_at, "
                     "ends_at, "
                     "scoreboard, created_at) VALUES(?1,?2,?3,?4,?5,?6,?7) RETURNING id",
                     {w.title, w.trainer_id, w.join_code, w.starts_at, w.ends_at,
                      w.scoreboard ? 1 : 0, w.created_at},
                     "the join code " + w.join_code + " is taken"));
    int64_t id = inserted.Int(0, 0);
    KOODIKOE_TRY_VOID(AddExerciseList(connection, "add workshop exercise", "workshop_exercises",
                                      "workshop_id", id, w.exercises));
    return id;
  });
}

Result<std::vector<Workshop>> SqlStorage::ManyWorkshops(std::string_view where,
                                                        const Params& params) {
  KOODIKOE_TRY(auto r, Run("find workshops",
                           "SELECT w.id, w.title, w.trainer_id, w.join_code, w.starts_at, "
                           "w.ends_at, "
                           "w.scoreboard, w.created_at FROM workshops w WHERE " +
                               std::string(where) + " ORDER BY w.id DESC",
                           params));
  std::vector<Workshop> list;
  Params ids;
  for (size_t i = 0; i < r.size(); ++i) {
    Workshop w;
    w.id = r.Int(i, 0);
    w.title = r.Text(i, 1);
    w.trainer_id = r.Int(i, 2);
    w.join_code = r.Text(i, 3);
    w.starts_at = r.Text(i, 4);
    w.ends_at = r.Text(i, 5);
    w.scoreboard = r.Int(i, 6) != 0;
    w.created_at = r.Int(i, 7);
    ids.emplace_back(w.id);
    list.push_back(std::move(w));
  }
  if (list.empty()) return list;
  KOODIKOE_TRY(auto ex,
               Run("workshop exercises",
                   "SELECT workshop_id, exercise, hints_released_at FROM workshop_exercises "
                   "WHERE workshop_id IN (" +
                       sql::Placeholders(1, ids.size()) + ") ORDER BY workshop_id, position",
                   ids));
  for (auto& w : list) {
    for (size_t i = 0; i < ex.size(); ++i) {
      if (ex.Int(i, 0) != w.id) continue;
      w.exercises.push_back(ex.Text(i, 1));
      if (ex.Int(i, 2) > 0) {
        w.hints_released.push_back(ex.Text(i, 1));
        w.hints_released_at[ex.Text(i, 1)] = ex.Int(i, 2);
      }
    }
  }
  return list;
}

Result<std::optional<Workshop>> SqlStorage::FindWorkshop(int64_t id) {
  return sql::First(ManyWorkshops("w.id = ?1", {id}));
}

Result<std::optional<Workshop>> SqlStorage::FindWorkshopByCode(const std::string& code) {
  return sql::First(ManyWorkshops("w.join_code = ?1", {code}));
}

Result<std::vector<Workshop>> SqlStorage::WorkshopsOfTrainer(int64_t trainer_id) {
  return ManyWorkshops("w.trainer_id = ?1", {trainer_id});
}

Result<std::vector<Workshop>> SqlStorage::WorkshopsOfMember(int64_t user_id) {
  return ManyWorkshops("w.id IN (SELECT workshop_id FROM workshop_members WHERE user_id = ?1)",
                       {user_id});
}

Result<bool> SqlStorage::AddWorkshopExercise(int64_t workshop_id, const std::string& exercise) {
  return sql::ChangedOne(
      Run("add workshop exercise",
          "INSERT INTO workshop_exercises(workshop_id, position, exercise) "
          "SELECT ?1, coalesce(max(position), -1) + 1, ?2 FROM workshop_exercises "
          "WHERE workshop_id = ?1 ON CONFLICT DO NOTHING",
          {workshop_id, exercise}));
}

Result<void> SqlStorage::AddMember(int64_t workshop_id, int64_t user_id,
                                   const std::string& nickname, int64_t now) {
  return Exec("add workshop member",
              "INSERT INTO workshop_members(workshop_id, user_id, nickname, joined_at) "
              "VALUES(?1,?2,?3,?4) ON CONFLICT(workshop_id, user_id) DO UPDATE SET "
              "nickname = excluded.nickname",
              {workshop_id, user_id, nickname, now});
}

Result<std::vector<Member>> SqlStorage::Members(int64_t workshop_id) {
  return sql::ReadAll(Run("workshop members",
                          "SELECT m.user_id, u.username, m.nickname, m.extra_minutes, "
                          "m.joined_at "
                          "FROM workshop_members m JOIN users u ON u.id = m.user_id "
                          "WHERE m.workshop_id = ?1 ORDER BY m.joined_at, m.user_id",
                          {workshop_id}),
                      sql::Fields(&Member::user_id, &Member::username, &Member::nickname,
                                  &Member::extra_minutes, &Member::joined_at));
}

Result<bool> SqlStorage::AddExtraTime(int64_t workshop_id, int64_t user_id, int minutes) {
  return sql::ChangedOne(Run("extra time",
                             "UPDATE workshop_members SET extra_minutes = extra_minutes + ?1 "
                             "WHERE workshop_id = ?2 AND user_id = ?3",
                             {minutes, workshop_id, user_id}));
}

Result<void> SqlStorage::ReleaseHints(int64_t workshop_id, const std::string& exercise,
                                      int64_t now) {
  return Exec("release hints",
              "UPDATE workshop_exercises SET hints_released_at = ?1 "
              "WHERE workshop_id = ?2 AND exercise = ?3 AND hints_released_at = 0",
              {now, workshop_id, exercise});
}

Result<bool> SqlStorage::HintsReleasedFor(int64_t user_id, const std::string& exercise) {
  return sql::AnyRow(Run("hints released",
                         "SELECT 1 FROM workshop_exercises e JOIN workshop_members m "
                         "ON m.workshop_id = e.workshop_id WHERE m.user_id = ?1 AND "
                         "e.exercise = ?2 "
                         "AND e.hints_released_at > 0 LIMIT 1",
                         {user_id, exercise}));
}

Result<bool> SqlStorage::IsTrainerOf(int64_t trainer_id, int64_t candidate_id) {
  return sql::AnyRow(Run("trainer of",
                         "SELECT 1 FROM workshops w JOIN workshop_members m ON "
                         "m.workshop_id = w.id "
                         "WHERE w.trainer_id = ?1 AND m.user_id = ?2 LIMIT 1",
                         {trainer_id, candidate_id}));
}

Result<int64_t> SqlStorage::AddHelpRequest(const HelpRequest& request) {
  return sql::FirstInt(Run("add help request",
                           "INSERT INTO help_requests(workshop_id, user_id, exercise, message, "
                           "created_at) "
                           "VALUES(?1,?2,?3,?4,?5) RETURNING id",
                           {request.workshop_id, request.user_id, request.exercise, request.message,
                            request.created_at}));
}

Result<std::vector<HelpRequest>> SqlStorage::HelpRequests(int64_t workshop_id) {
  // answered_at twice: once for the flag (not 0), once for the time.
  return sql::ReadAll(
      Run("help requests",
          "SELECT h.id, h.workshop_id, h.user_id, u.username, "
          "coalesce(m.nickname, ''), "
          "h.exercise, h.message, h.created_at, h.answered_at, h.answered_at FROM "
          "help_requests h "
          "JOIN users u ON u.id = h.user_id LEFT JOIN workshop_members m "
          "ON m.workshop_id = h.workshop_id AND m.user_id = h.user_id "
          "WHERE h.workshop_id = ?1 ORDER BY h.id",
          {workshop_id}),
      sql::Fields(&HelpRequest::id, &HelpRequest::workshop_id, &HelpRequest::user_id,
                  &HelpRequest::username, &HelpRequest::nickname, &HelpRequest::exercise,
                  &HelpRequest::message, &HelpRequest::created_at, &HelpRequest::answered,
                  &HelpRequest::answered_at));
}

Result<bool> SqlStorage::AnswerHelpRequest(int64_t workshop_id, int64_t id, int64_t now) {
  KOODIKOE_TRY(auto r, Run("answer help request",
                           "UPDATE help_requests SET answered_at = ?1 WHERE workshop_id = "
                           "?2 AND id = ?3 "
                           "AND answered_at = 0",
                           {now, workshop_id, id}));
  if (r.changes == 1) return true;
  KOODIKOE_TRY(auto exists, Run("find help request",
                                "SELECT 1 FROM help_requests WHERE workshop_id = ?1 AND id = ?2",
                                {workshop_id, id}));
  return !exists.empty();
}

Result<std::vector<Submission>> SqlStorage::SubmissionsFor(
    const std::vector<int64_t>& user_ids, const std::vector<std::string>& exercises) {
  if (user_ids.empty() || exercises.empty()) return std::vector<Submission>();
  Params params(user_ids.begin(), user_ids.end());
  params.insert(params.end(), exercises.begin(), exercises.end());
  return SubmissionRows("workshop submissions",
                        std::string("SELECT ") + sql::kSubmissionColumns +
                            ", s.report FROM submissions s JOIN users u ON u.id = s.user_id "
                            "WHERE s.kind = 'submission' AND s.user_id IN (" +
                            sql::Placeholders(1, user_ids.size()) + ") AND s.exercise IN (" +
                            sql::Placeholders(1 + user_ids.size(), exercises.size()) +
                            ") ORDER BY s.id",
                        params, true);
}

Result<int64_t> SqlStorage::AddComment(const Comment& c) {
  return sql::FirstInt(Run("add comment",
                           "INSERT INTO comments(submission_id, user_id, line, text, created_at) "
                           "VALUES(?1,?2,?3,?4,?5) RETURNING id",
                           {c.submission_id, c.user_id, c.line, c.text, c.created_at}));
}

Result<std::vector<Comment>> SqlStorage::Comments(int64_t submission_id) {
  return sql::ReadAll(
      Run("comments",
          "SELECT c.id, c.submission_id, c.user_id, u.username, u.role, "
          "c.line, c.text, "
          "c.created_at FROM comments c JOIN users u ON u.id = c.user_id "
          "WHERE c.submission_id = ?1 ORDER BY c.line, c.id",
          {submission_id}),
      sql::Fields(&Comment::id, &Comment::submission_id, &Comment::user_id, &Comment::author,
                  &Comment::role, &Comment::line, &Comment::text, &Comment::created_at));
}

}  // namespace web
