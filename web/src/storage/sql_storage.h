// The one SQL implementation of Storage, for both databases: every statement,
// row reader and transaction is written once here and in sql_*.cc (one file per
// kind of data), and runs through a Driver (driver.h). Thread-safe: each call
// takes a connection of its own from the driver for its statements (SQLite: the
// one connection, under the driver's mutex).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "koodikoe/try.h"
#include "storage/driver.h"
#include "storage/storage.h"

namespace web {

class SqlStorage final : public Storage {
 public:
  explicit SqlStorage(std::unique_ptr<sql::Driver> driver) : driver_(std::move(driver)) {}

  Result<void> Ping() override;

  // Accounts and sessions (sql_accounts.cc).
  Result<int64_t> AddUser(const User& user) override;
  Result<std::optional<User>> FindUserByName(const std::string& username) override;
  Result<std::optional<User>> FindUser(int64_t id) override;
  Result<void> UpdateUser(const User& user) override;
  Result<std::vector<User>> ListUsersByRole(Role role) override;
  Result<void> AddSession(const Session& session) override;
  Result<std::optional<Session>> FindSession(const std::string& token_hash, int64_t now) override;
  Result<void> DeleteSession(const std::string& token_hash) override;
  Result<bool> DeleteUser(int64_t user_id) override;

  // The judging queue (sql_queue.cc).
  Result<int64_t> AddSubmission(const Submission& submission) override;
  Result<Admission> QueueSubmission(const Submission& submission, int cap) override;
  Result<std::optional<Submission>> FindSubmission(int64_t id) override;
  Result<std::vector<Submission>> ListSubmissions(int64_t user_id, const std::string& exercise,
                                                  int64_t older_than) override;
  Result<std::optional<Submission>> ClaimNextQueued(int64_t now) override;
  Result<std::vector<Submission>> TeamJudgings(int64_t team_id) override;
  Result<void> AddTeamCommits(int64_t team_id, int64_t user_id,
                              const std::vector<std::string>& shas, int64_t now) override;
  Result<std::vector<TeamCommit>> TeamCommits(int64_t team_id) override;
  Result<void> SetTeamReflection(int64_t team_id, int64_t user_id, const std::string& text,
                                 int64_t now) override;
  Result<void> SetTeamNote(int64_t team_id, int64_t user_id, const std::string& note,
                           int64_t now) override;
  Result<std::vector<TeamReflection>> TeamReflections(int64_t team_id) override;
  Result<std::vector<TeamReflection>> ReflectionsOfUser(int64_t user_id) override;
  Result<bool> RenewLease(int64_t id, int attempts, int64_t now) override;
  Result<bool> FinishSubmission(int64_t id, const std::string& verdict, double score,
                                double max_score, const std::string& report_json,
                                int64_t now) override;
  Result<void> RequeueSubmission(int64_t id) override;
  Result<int> RequeueInterrupted() override;
  Result<int64_t> CountQueued() override;
  bool NotifiesQueued() const override;
  Result<bool> WaitForQueued(int timeout_ms) override;
  Result<void> PublishEvent(int64_t id, const std::string& data) override;
  Result<std::vector<std::pair<int64_t, std::string>>> WaitForEvents(int timeout_ms) override;

  // Workshops, their rooms and comments (sql_workshops.cc).
  Result<int64_t> AddWorkshop(const Workshop& workshop) override;
  Result<std::optional<Workshop>> FindWorkshop(int64_t id) override;
  Result<std::optional<Workshop>> FindWorkshopByCode(const std::string& code) override;
  Result<std::vector<Workshop>> WorkshopsOfTrainer(int64_t trainer_id) override;
  Result<std::vector<Workshop>> WorkshopsOfMember(int64_t user_id) override;
  Result<bool> AddWorkshopExercise(int64_t workshop_id, const std::string& exercise) override;
  Result<void> AddMember(int64_t workshop_id, int64_t user_id, const std::string& nickname,
                         int64_t now) override;
  Result<std::vector<Member>> Members(int64_t workshop_id) override;
  Result<bool> AddExtraTime(int64_t workshop_id, int64_t user_id, int minutes) override;
  Result<void> ReleaseHints(int64_t workshop_id, const std::string& exercise, int64_t now) override;
  Result<bool> HintsReleasedFor(int64_t user_id, const std::string& exercise) override;
  Result<bool> IsTrainerOf(int64_t trainer_id, int64_t candidate_id) override;
  Result<int64_t> AddHelpRequest(const HelpRequest& request) override;
  Result<std::vector<HelpRequest>> HelpRequests(int64_t workshop_id) override;
  Result<bool> AnswerHelpRequest(int64_t workshop_id, int64_t id, int64_t now) override;
  Result<std::vector<Submission>> SubmissionsFor(
      const std::vector<int64_t>& user_ids, const std::vector<std::string>& exercises) override;
  Result<int64_t> AddComment(const Comment& comment) override;
  Result<std::vector<Comment>> Comments(int64_t submission_id) override;

  // Exercises: results, analytics, rejudging on a new version
  // (sql_exercises.cc).
  Result<std::vector<ExerciseResult>> ExerciseResults(int64_t user_id) override;
  Result<std::vector<Submission>> ExerciseSubmissions(const std::string& exercise) override;
  Result<std::vector<int64_t>> RejudgeSubmissions(const std::string& exercise,
                                                  std::optional<int64_t> only,
                                                  const std::string& version) override;

  // Evidence and sharing (sql_evidence.cc).
  Result<std::optional<Profile>> FindProfile(int64_t user_id) override;
  Result<void> PutProfile(const Profile& profile) override;
  Result<int64_t> AddShare(const Share& share) override;
  Result<std::optional<Share>> FindShare(int64_t id) override;
  Result<std::vector<Share>> SharesOfCandidate(int64_t candidate_id) override;
  Result<std::vector<Share>> SharesForCompany(int64_t company_id) override;
  Result<bool> RevokeShare(int64_t id, int64_t now) override;
  Result<void> SetShareContact(int64_t id, const std::string& contact,
                               const std::string& message) override;
  Result<void> AddShareView(const ShareView& view) override;
  Result<std::vector<ShareView>> ShareViewsOfCandidate(int64_t candidate_id) override;
  Result<void> PutShortlistEntry(const ShortlistEntry& entry) override;
  Result<void> RemoveShortlistEntry(int64_t company_id, int64_t share_id) override;
  Result<std::vector<ShortlistEntry>> Shortlist(int64_t company_id) override;

  // Trials (sql_trials.cc).
  Result<int64_t> AddTrial(const Trial& trial) override;
  Result<std::optional<Trial>> FindTrial(int64_t id) override;
  Result<std::optional<Trial>> FindTrialByCode(const std::string& code) override;
  Result<std::vector<Trial>> TrialsOfOwner(int64_t owner_id) override;
  Result<int64_t> OpenTrial(int64_t trial_id, int64_t user_id, int64_t now) override;
  Result<std::vector<TrialParticipant>> TrialParticipants(int64_t trial_id) override;
  Result<bool> IsTrialExercise(const std::string& exercise) override;

  // Team projects and teams (sql_projects.cc).
  Result<int64_t> AddProject(const TeamProject& project) override;
  Result<std::optional<TeamProject>> FindProject(int64_t id) override;
  Result<std::vector<TeamProject>> ProjectsOfWorkshop(int64_t workshop_id) override;
  Result<int64_t> AddTeam(const Team& team, const std::vector<int64_t>& member_ids) override;
  Result<std::optional<Team>> FindTeam(int64_t id) override;
  Result<std::optional<Team>> FindTeamByCode(const std::string& code) override;
  Result<std::vector<Team>> TeamsOfProject(int64_t project_id) override;
  Result<bool> JoinTeam(int64_t team_id, int64_t user_id, int max_members, int64_t now) override;

  // Programmes, coaching and guidance paths (sql_programmes.cc).
  Result<int64_t> AddProgramme(const Programme& programme) override;
  Result<std::optional<Programme>> FindProgramme(int64_t id) override;
  Result<std::optional<Programme>> FindProgrammeByCode(const std::string& code) override;
  Result<std::vector<Programme>> ProgrammesOfUser(int64_t user_id) override;
  Result<void> PutProgrammeMember(const ProgrammeMember& member) override;
  Result<std::vector<ProgrammeMember>> ProgrammeMembers(int64_t programme_id) override;
  Result<std::vector<ProgrammeMember>> MembershipsOf(int64_t user_id) override;
  Result<bool> AddProgrammeItem(int64_t programme_id, const std::string& kind,
                                int64_t item_id) override;
  Result<std::vector<std::pair<std::string, int64_t>>> ProgrammeItems(
      int64_t programme_id) override;
  Result<void> AssignCoach(int64_t programme_id, int64_t coach_id, int64_t participant_id) override;
  Result<std::vector<std::pair<int64_t, int64_t>>> CoachAssignments(int64_t programme_id) override;
  Result<int64_t> AddGuidanceEntry(const GuidanceEntry& entry) override;
  Result<std::vector<GuidanceEntry>> GuidanceEntries(int64_t programme_id,
                                                     int64_t participant_id) override;
  Result<std::map<int64_t, int64_t>> LastActivity(const std::vector<int64_t>& user_ids) override;
  Result<int64_t> FirstTrialOpened(int64_t user_id) override;
  Result<int64_t> AddCareerPath(const CareerPath& path) override;
  Result<std::vector<CareerPath>> CareerPaths(int64_t programme_id) override;
  Result<void> PutOutcome(const ProgrammeOutcome& outcome) override;
  Result<std::vector<ProgrammeOutcome>> Outcomes(int64_t programme_id,
                                                 int64_t participant_id) override;

 private:
  using Params = std::vector<sql::Value>;

  // One statement on a connection of its own. A unique key violated becomes
  // kInvalidArgument with `taken` as its message when one is given; other
  // failures are kSystem,
  // "<database> <what>: <its message>".
  Result<sql::Rows> Run(const std::string& what, std::string_view sql, const Params& params,
                        const std::string& taken = "");
  Result<sql::Rows> Run(sql::Connection& connection, const std::string& what, std::string_view sql,
                        const Params& params, const std::string& taken = "");
  Result<void> Exec(const std::string& what, std::string_view sql, const Params& params);
  tl::unexpected<Error> DbError(const std::string& what, const sql::Failure& failure) const;

  // Runs `body(connection)` in a transaction, committed if it returns a value
  // and rolled back otherwise.
  template <class Body>
  auto InTransaction(const std::string& what, Body body)
      -> decltype(body(std::declval<sql::Connection&>()));

  // The exercises of a workshop or a trial, in their order: rows (owner, position, exercise)
  // of `table` ("workshop_exercises" with "workshop_id", or "trial_exercises" with
  // "trial_id"); a row already there is kept (ON CONFLICT DO NOTHING).
  Result<void> AddExerciseList(sql::Connection& connection, const std::string& what,
                               const std::string& table, const std::string& owner_column,
                               int64_t owner_id, const std::vector<std::string>& exercises);

  Result<std::vector<Workshop>> ManyWorkshops(std::string_view where, const Params& params);
  Result<std::vector<Trial>> ManyTrials(std::string_view where, const Params& params);
  Result<std::vector<Team>> ManyTeams(std::string_view where, const Params& params);
  Result<std::vector<Share>> Shares(std::string_view where, const Params& params);
  // Inserts a queued job and notifies waiting workers when the transaction commits.
  Result<int64_t> InsertQueued(sql::Connection& connection, const Submission& submission);
  Result<std::vector<Submission>> SubmissionRows(const std::string& what, std::string_view sql,
                                                 const Params& params, bool with_report);

  const std::unique_ptr<sql::Driver> driver_;
};

template <class Body>
auto SqlStorage::InTransaction(const std::string& what, Body body)
    -> decltype(body(std::declval<sql::Connection&>())) {
  KOODIKOE_TRY(auto connection, driver_->Acquire());
  auto tx = sql::Transaction::Begin(*connection, driver_->dialect());
  if (!tx) return DbError("begin " + what, tx.error());
  auto done = body(*connection);
  if (!done) return done;
  if (auto committed = tx->Commit(); !committed)
    return DbError("commit " + what, committed.error());
  return done;
}

namespace sql {

// "?1,?2,..." from `first` on, for an IN list of `count` values.
std::string Placeholders(size_t first, size_t count);

// The columns every submission read starts with (submissions s JOIN users u),
// and the index of the first column after them.
extern const char* const kSubmissionColumns;
inline constexpr size_t kAfterSubmission = 20;
Submission ReadSubmission(const Rows& rows, size_t row);

// Sets a member from a column, converting as the member's type asks (NULL is 0 or "").
inline void Assign(const Value& value, int64_t& out) { out = value.Int(); }
inline void Assign(const Value& value, int& out) { out = static_cast<int>(value.Int()); }
inline void Assign(const Value& value, bool& out) { out = value.Int() != 0; }
inline void Assign(const Value& value, double& out) { out = value.Real(); }
inline void Assign(const Value& value, std::string& out) { out = value.Text(); }
inline void Assign(const Value& value, std::optional<std::string>& out) {
  if (value.IsNull())
    out.reset();
  else
    out = value.Text();
}
inline void Assign(const Value& value, Role& out) {
  out = ParseRole(value.Text()).value_or(Role::kCandidate);
}

// A row reader that fills the named members of T from the row's columns in order: the
// column list of a SELECT and the members it fills are read side by side.
template <class T, class... Types>
auto Fields(Types T::*... members) {
  return [members...](const Rows& rows, size_t row) {
    T item{};
    size_t column = 0;
    (Assign(rows.rows[row][column++], item.*members), ...);
    return item;
  };
}

// Each row as `read(rows, index)` makes it, or the statement's error.
template <class Read>
auto ReadAll(Result<Rows> rows, Read read) -> Result<std::vector<decltype(read(*rows, size_t{}))>> {
  if (!rows) return tl::unexpected(rows.error());
  std::vector<decltype(read(*rows, size_t{}))> list;
  list.reserve(rows->size());
  for (size_t i = 0; i < rows->size(); ++i) list.push_back(read(*rows, i));
  return list;
}

// The first column of the first row: an id from RETURNING, a count.
Result<int64_t> FirstInt(Result<Rows> rows);
// True if the statement changed exactly one row.
Result<bool> ChangedOne(Result<Rows> rows);
// True if the query found a row.
Result<bool> AnyRow(Result<Rows> rows);

// The first of a list, if any: a Find... made of a Many... .
template <class T>
Result<std::optional<T>> First(Result<std::vector<T>> list) {
  if (!list) return tl::unexpected(list.error());
  if (list->empty()) return std::optional<T>();
  return std::move(list->front());
}

std::string JoinLines(const std::vector<std::string>& items);
std::vector<std::string> SplitLines(const std::string& text);

}  // namespace sql
}  // namespace web
