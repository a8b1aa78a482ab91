// The judging queue: submissions and runs, claiming with leases, verdicts
// recorded once, notifications of new jobs and of judging progress between
// processes.
#include <algorithm>
#include <cstdlib>

#include "koodikoe/try.h"
#include "storage/sql_storage.h"

namespace web {
namespace {

// AddSubmission notifies it, for workers waiting with LISTEN.
constexpr const char* kQueueChannel = "koodikoe_queue";
// Judging progress from workers, for the server's event streams: "ID JSON", or
// "ID" when done.
constexpr const char* kEventChannel = "koodikoe_events";

}  // namespace

namespace sql {

const char* const kSubmissionColumns =
    "s.id, s.user_id, u.username, s.exercise, s.language, s.kind, s.input, "
    "s.status, "
    "s.verdict, s.score, s.max_score, s.created_at, s.started_at, "
    "s.finished_at, s.attempts, "
    "s.judged_count, s.exercise_version, s.lease_until, s.team_id, s.commit_sha";

Submission ReadSubmission(const Rows& r, size_t row) {
  return Fields(&Submission::id, &Submission::user_id, &Submission::username, &Submission::exercise,
                &Submission::language, &Submission::kind, &Submission::input, &Submission::status,
                &Submission::verdict, &Submission::score, &Submission::max_score,
                &Submission::created_at, &Submission::started_at, &Submission::finished_at,
                &Submission::attempts, &Submission::judged_count, &Submission::exercise_version,
                &Submission::lease_until, &Submission::team_id, &Submission::commit_sha)(r, row);
}

}  // namespace sql

Result<std::vector<Submission>> SqlStorage::SubmissionRows(const std::string& what,
                                                           std::string_view sql,
                                                           const Params& params, bool with_report) {
  KOODIKOE_TRY(auto r, Run(what, sql, params));
  std::vector<Submission> list;
  list.reserve(r.size());
  for (size_t i = 0; i < r.size(); ++i) {
    list.push_back(sql::ReadSubmission(r, i));
    if (with_report) list.back().report_json = r.Text(i, sql::kAfterSubmission);
  }
  return list;
}

Result<int64_t> SqlStorage::InsertQueued(sql::Connection& connection, const Submission& s) {
  // The notification goes out when the row is committed: an idle worker starts at once.
  KOODIKOE_TRY(auto r,
               Run(connection, "add submission",
                   "INSERT INTO submissions(user_id, exercise, language, source, kind, input, "
                   "status, created_at, exercise_version, team_id, commit_sha) "
                   "VALUES(?1,?2,?3,?4,?5,?6,'queued',?7,?8,?9,?10) RETURNING id",
                   {s.user_id, s.exercise, s.language, s.source, s.kind, s.input, s.created_at,
                    s.exercise_version, s.team_id ? sql::Value(s.team_id) : sql::Value(),
                    s.team_id ? sql::Value(s.commit_sha) : sql::Value()}));
  int64_t id = r.Int(0, 0);
  if (auto told = driver_->Notify(connection, kQueueChannel, std::to_string(id)); !told) {
    return DbError("notify queued submission", told.error());
  }
  return id;
}

Result<int64_t> SqlStorage::AddSubmission(const Submission& s) {
  return InTransaction("add submission",
                       [&](sql::Connection& connection) { return InsertQueued(connection, s); });
}

Result<Storage::Admission> SqlStorage::QueueSubmission(const Submission& s, int cap) {
  return InTransaction("queue submission", [&](sql::Connection& connection) -> Result<Admission> {
    Admission admission;
    if (cap > 0) {
      // The account's row first: two submissions of one account at the same moment count
      // one after the other, so together they cannot pass the cap.
      KOODIKOE_TRY_VOID(Run(connection, "queue submission",
                            "SELECT id FROM users WHERE id = ?1{lock_row}", {s.user_id}));
      KOODIKOE_TRY(auto waiting,
                   sql::FirstInt(Run(connection, "count waiting submissions",
                                     "SELECT count(*) FROM submissions WHERE user_id = ?1 "
                                     "AND status IN ('queued', 'judging') AND judged_count = 0",
                                     {s.user_id})));
      admission.waiting = waiting;
      if (admission.waiting >= cap) return admission;
    }
    KOODIKOE_TRY(auto id, InsertQueued(connection, s));
    admission.id = id;
    return admission;
  });
}

Result<std::optional<Submission>> SqlStorage::FindSubmission(int64_t id) {
  KOODIKOE_TRY(auto r, Run("find submission",
                           std::string("SELECT ") + sql::kSubmissionColumns +
                               ", s.source, s.report FROM submissions s JOIN users u ON "
                               "u.id = s.user_id "
                               "WHERE s.id = ?1",
                           {id}));
  if (r.empty()) return std::optional<Submission>();
  Submission s = sql::ReadSubmission(r, 0);
  s.source = r.Text(0, sql::kAfterSubmission);
  s.report_json = r.Text(0, sql::kAfterSubmission + 1);
  return s;
}

Result<std::vector<Submission>> SqlStorage::ListSubmissions(int64_t user_id,
                                                            const std::string& exercise,
                                                            int64_t older_than) {
  return SubmissionRows("list submissions",
                        std::string("SELECT ") + sql::kSubmissionColumns +
                            " FROM submissions s JOIN users u ON u.id = s.user_id "
                            "WHERE s.user_id = ?1 AND s.kind = 'submission' AND (?2 = '' OR "
                            "s.exercise = ?2) "
                            "AND (CAST(?3 AS BIGINT) = 0 OR s.id < CAST(?3 AS BIGINT)) ORDER BY "
                            "s.id DESC LIMIT " +
                            std::to_string(kSubmissionPage),
                        {user_id, exercise, older_than}, false);
}

Result<std::optional<Submission>> SqlStorage::ClaimNextQueued(int64_t now) {
  return InTransaction(
      "claim submission", [&](sql::Connection& connection) -> Result<std::optional<Submission>> {
        // The order of storage.h, written once for both databases. {lock_rows}: workers
        // claiming at the same moment each get a different row instead of waiting for each
        // other's transactions.
        // A submitter is an account, or a team for its judgings (coalesce(-team, user)).
        KOODIKOE_TRY(auto claimed,
                     Run(connection, "claim submission",
                         "UPDATE submissions SET status = 'judging', started_at = ?1, "
                         "attempts = attempts + 1, lease_until = ?2 WHERE id = (SELECT s.id "
                         "FROM submissions s WHERE s.status = 'queued' OR (s.status = "
                         "'judging' AND s.lease_until < ?1) ORDER BY "
                         "(SELECT count(*) FROM submissions j WHERE coalesce(-j.team_id, "
                         "j.user_id) = coalesce(-s.team_id, s.user_id) AND j.status = "
                         "'judging' AND j.lease_until >= ?1), "
                         "coalesce(CASE WHEN s.team_id IS NULL THEN (SELECT t.turn FROM "
                         "queue_turns t WHERE t.user_id = s.user_id) ELSE (SELECT t.turn FROM "
                         "queue_team_turns t WHERE t.team_id = s.team_id) END, 0), "
                         "s.kind = 'run' DESC, s.id LIMIT 1{lock_rows}) "
                         "RETURNING id, user_id, team_id",
                         {now, now + kLeaseSeconds}));
        if (claimed.empty()) return std::optional<Submission>();
        // The submitter's turn moves behind every other's.
        const char* next_turn =
            "(SELECT coalesce(max(turn), 0) + 1 FROM (SELECT turn FROM queue_turns UNION ALL "
            "SELECT turn FROM queue_team_turns) x)";
        bool team = !claimed.IsNull(0, 2);
        KOODIKOE_TRY_VOID(
            Run(connection, "take turn",
                team ? std::string("INSERT INTO queue_team_turns(team_id, turn) VALUES(?1, ") +
                           next_turn + ") ON CONFLICT(team_id) DO UPDATE SET turn = excluded.turn"
                     : std::string("INSERT INTO queue_turns(user_id, turn) VALUES(?1, ") +
                           next_turn + ") ON CONFLICT(user_id) DO UPDATE SET turn = excluded.turn",
                {claimed.Int(0, team ? 2 : 1)}));
        KOODIKOE_TRY(auto r,
                     Run(connection, "read claimed submission",
                         std::string("SELECT ") + sql::kSubmissionColumns +
                             ", s.source FROM submissions s JOIN users u ON u.id = s.user_id "
                             "WHERE s.id = ?1",
                         {claimed.Int(0, 0)}));
        if (r.empty()) return std::optional<Submission>();
        Submission s = sql::ReadSubmission(r, 0);
        s.source = r.Text(0, sql::kAfterSubmission);
        return s;
      });
}

Result<std::vector<Submission>> SqlStorage::TeamJudgings(int64_t team_id) {
  return SubmissionRows("list team judgings",
                        std::string("SELECT ") + sql::kSubmissionColumns +
                            ", s.report FROM submissions s JOIN users u ON u.id = s.user_id "
                            "WHERE s.team_id = ?1 ORDER BY s.id DESC LIMIT " +
                            std::to_string(kSubmissionPage),
                        {team_id}, true);
}

Result<bool> SqlStorage::RenewLease(int64_t id, int attempts, int64_t now) {
  return sql::ChangedOne(
      Run("renew lease",
          "UPDATE submissions SET lease_until = ?1 WHERE id = ?2 AND attempts = ?3 "
          "AND status = 'judging'",
          {now + kLeaseSeconds, id, attempts}));
}

Result<bool> SqlStorage::FinishSubmission(int64_t id, const std::string& verdict, double score,
                                          double max_score, const std::string& report_json,
                                          int64_t now) {
  return sql::ChangedOne(Run("finish submission",
                             "UPDATE submissions SET status = 'done', verdict = ?1, score = ?2, "
                             "max_score = ?3, report = ?4, finished_at = ?5, judged_count = "
                             "judged_count + 1 "
                             "WHERE id = ?6 AND status = 'judging'",
                             {verdict, score, max_score, report_json, now, id}));
}

Result<void> SqlStorage::RequeueSubmission(int64_t id) {
  return Exec("requeue submission",
              "UPDATE submissions SET status = 'queued' WHERE id = ?1 AND "
              "status = 'judging'",
              {id});
}

Result<int> SqlStorage::RequeueInterrupted() {
  // One process judging everything (SQLite): every job left judging was its
  // own. Remote workers may be judging right now (PostgreSQL): only jobs whose
  // lease has ended.
  KOODIKOE_TRY(auto r, Run("requeue interrupted submissions",
                           "UPDATE submissions SET status = 'queued' WHERE status = 'judging' AND "
                           "(?1 = 0 OR lease_until < {epoch_now})",
                           {driver_->dialect().shared_by_processes ? 1 : 0}));
  return static_cast<int>(r.changes);
}

Result<int64_t> SqlStorage::CountQueued() {
  return sql::FirstInt(
      Run("count queued", "SELECT count(*) FROM submissions WHERE status = 'queued'", {}));
}

bool SqlStorage::NotifiesQueued() const { return driver_->dialect().shared_by_processes; }

Result<bool> SqlStorage::WaitForQueued(int timeout_ms) {
  if (!NotifiesQueued()) return false;
  KOODIKOE_TRY(auto payloads, driver_->Listen(kQueueChannel, timeout_ms));
  return !payloads.empty();
}

Result<void> SqlStorage::PublishEvent(int64_t id, const std::string& data) {
  if (!NotifiesQueued()) return {};
  std::string payload = std::to_string(id) + (data.empty() ? "" : " " + data);
  // NOTIFY payloads stop at 8000 bytes; a long progress event (a test's
  // feedback) is left out: the stored verdict has all of it.
  if (payload.size() > 7900) return {};
  KOODIKOE_TRY(auto connection, driver_->Acquire());
  if (auto told = driver_->Notify(*connection, kEventChannel, payload); !told) {
    return DbError("publish event", told.error());
  }
  return {};
}

Result<std::vector<std::pair<int64_t, std::string>>> SqlStorage::WaitForEvents(int timeout_ms) {
  std::vector<std::pair<int64_t, std::string>> events;
  if (!NotifiesQueued()) return events;
  KOODIKOE_TRY(auto payloads, driver_->Listen(kEventChannel, timeout_ms));
  for (const auto& payload : payloads) {
    size_t space = payload.find(' ');
    events.emplace_back(std::strtoll(payload.c_str(), nullptr, 10),
                        space == std::string::npos ? "" : payload.substr(space + 1));
  }
  return events;
}

}  // namespace web
