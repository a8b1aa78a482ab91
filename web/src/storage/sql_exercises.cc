// What is kept per exercise: each user's best results, every submission for the
// analytics, and rejudging on a new version of the exercise.
#include <algorithm>

#include "koodikoe/try.h"
#include "storage/sql_storage.h"

namespace web {

Result<std::vector<ExerciseResult>> SqlStorage::ExerciseResults(int64_t user_id) {
  // Ordered by exercise on both databases.
  return sql::ReadAll(
      Run("exercise results",
          "SELECT exercise, max(CASE WHEN verdict = 'accepted' THEN 1 ELSE 0 "
          "END), "
          "max(score), max(max_score), count(*) FROM submissions WHERE user_id "
          "= ?1 AND "
          "kind = 'submission' GROUP BY exercise ORDER BY exercise",
          {user_id}),
      sql::Fields(&ExerciseResult::exercise, &ExerciseResult::solved, &ExerciseResult::best_score,
                  &ExerciseResult::max_score, &ExerciseResult::attempts));
}

Result<std::vector<Submission>> SqlStorage::ExerciseSubmissions(const std::string& exercise) {
  return SubmissionRows("exercise submissions",
                        std::string("SELECT ") + sql::kSubmissionColumns +
                            ", s.report FROM submissions s JOIN users u ON u.id = s.user_id "
                            "WHERE s.exercise = ?1 AND s.kind = 'submission' ORDER BY s.id",
                        {exercise}, true);
}

Result<std::vector<int64_t>> SqlStorage::RejudgeSubmissions(const std::string& exercise,
                                                            std::optional<int64_t> only,
                                                            const std::string& version) {
  // One statement: the rows are queued again and returned together; a job being
  // judged right now is left alone.
  KOODIKOE_TRY(auto r, Run("rejudge submissions",
                           "UPDATE submissions SET status = 'queued', exercise_version = ?1, "
                           "attempts = 0 "
                           "WHERE exercise = ?2 AND kind = 'submission' AND status = 'done' AND "
                           "(?3 = 0 OR id = ?4) RETURNING id",
                           {version, exercise, only ? 1 : 0, only.value_or(0)}));
  std::vector<int64_t> ids;
  for (size_t i = 0; i < r.size(); ++i) ids.push_back(r.Int(i, 0));
  std::sort(ids.begin(), ids.end());  // RETURNING has no order of its own
  return ids;
}

}  // namespace web
