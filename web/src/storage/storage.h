// What the platform keeps, behind interfaces split by the data they serve, so that the
// embedded SQLite store and a PostgreSQL store for many machines are interchangeable. One
// implementation (sql_storage.h) serves both through a driver per database.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "koodikoe/result.h"

namespace web {

using koodikoe::Error;
using koodikoe::ErrorCode;
using koodikoe::Result;

enum class Role { kCandidate, kTrainer, kCompany, kAdmin, kCoordinator };
const char* RoleName(Role role);
std::optional<Role> ParseRole(const std::string& name);

struct User {
  int64_t id = 0;
  std::string username;
  std::string password_hash;  // argon2id, crypto_pwhash_str format
  Role role = Role::kCandidate;
  std::string language = "fi";  // UI language preference: "fi" | "en"
  std::string nickname;
  int64_t created_at = 0;  // unix seconds
};

struct Session {
  std::string token_hash;  // BLAKE2b of the bearer token; the token itself is never stored
  int64_t user_id = 0;
  std::string csrf;
  int64_t created_at = 0;
  int64_t expires_at = 0;
};

struct Submission {
  int64_t id = 0;
  int64_t user_id = 0;
  std::string username;  // filled in by reads
  std::string exercise;
  std::string language;
  std::string source;
  std::string kind = "submission";   // "submission" | "run" (runs are not counted anywhere)
  std::optional<std::string> input;  // a run on the candidate's own input
  std::string status = "queued";     // "queued" | "judging" | "done"
  std::string verdict;               // a verdict word once done
  double score = 0;
  double max_score = 0;
  std::string report_json;  // the judge's report (contract JSON) once done
  int64_t created_at = 0;
  int64_t started_at = 0;
  int64_t finished_at = 0;
  int attempts = 0;              // how many times judging started
  int judged_count = 0;          // how many times a verdict was recorded (must end as exactly 1)
  std::string exercise_version;  // content hash of the exercise version it is judged on
  int64_t lease_until = 0;       // while judging: taken again by any worker after this (unix s)
  // A judging of a team's commit (issue 20): its source is that commit's tree in the team's
  // repository, taken when it is judged; `source` is empty. 0 and "" for anything else.
  int64_t team_id = 0;
  std::string commit_sha;
};

// How long a claimed job stays with its worker without a heartbeat (RenewLease). A worker
// renews every kLeaseSeconds / 3; one that died loses the job when the lease ends.
inline constexpr int64_t kLeaseSeconds = 30;

struct Workshop {
  int64_t id = 0;
  std::string title;
  int64_t trainer_id = 0;
  std::string join_code;
  std::string starts_at;  // ISO 8601 as given by the trainer
  std::string ends_at;
  bool scoreboard = false;
  std::vector<std::string> exercises;                // in the trainer's order
  std::vector<std::string> hints_released;           // exercises whose hints the room may read
  std::map<std::string, int64_t> hints_released_at;  // when each of those was released (unix s)
  int64_t created_at = 0;
};

struct Member {
  int64_t user_id = 0;
  std::string username;
  std::string nickname;
  int extra_minutes = 0;
  int64_t joined_at = 0;
};

struct HelpRequest {
  int64_t id = 0;
  int64_t workshop_id = 0;
  int64_t user_id = 0;
  std::string username;
  std::string nickname;
  std::string exercise;
  std::string message;
  int64_t created_at = 0;
  bool answered = false;
  int64_t answered_at = 0;  // unix s; 0 while waiting
};

struct Comment {
  int64_t id = 0;
  int64_t submission_id = 0;
  int64_t user_id = 0;
  std::string author;
  Role role = Role::kCandidate;
  int line = 0;
  std::string text;
  int64_t created_at = 0;
};

// The best a user has done on one exercise (submissions only, never runs).
struct ExerciseResult {
  std::string exercise;
  bool solved = false;
  double best_score = 0;
  double max_score = 0;
  int attempts = 0;
};

// What a candidate shows of their results (issue 7: evidence the candidate owns).
struct Profile {
  int64_t user_id = 0;
  std::string intro;                               // a short introduction in the candidate's words
  std::string intro_language = "fi";               // "fi" | "en"
  std::vector<std::string> hidden_exercises;       // results the candidate chose not to show
  std::vector<std::string> confirmed_skills;       // suggested skills the candidate confirmed
  std::map<std::string, std::string> reflections;  // exercise -> how it was solved
  int64_t updated_at = 0;
};

// Consent to see a candidate's evidence: given to one company account, or to whoever holds a
// signed link. Revoking is immediate; the row stays so that "who has seen it" keeps its history.
struct Share {
  int64_t id = 0;
  int64_t candidate_id = 0;
  std::string candidate_username;  // filled in by reads
  std::string candidate_nickname;  // filled in by reads
  int64_t company_id = 0;          // 0 for a link share
  std::string company_username;    // filled in by reads
  std::string link_nonce;          // the signed link's nonce (link shares only)
  std::string label;               // the candidate's own note ("CV, spring 2026")
  std::string contact;             // "" | "requested" | "accepted" | "declined"
  std::string contact_message;     // the company's request
  int64_t created_at = 0;
  int64_t revoked_at = 0;  // 0 while the share is in force
};

struct ShareView {
  int64_t share_id = 0;
  int64_t viewer_id = 0;        // 0 for someone holding the link without an account
  std::string viewer_username;  // filled in by reads
  std::string what;             // "report", "submission 42", ...
  int64_t viewed_at = 0;
};

// A company's private shortlist: candidates by share, with a note only the company sees.
struct ShortlistEntry {
  int64_t company_id = 0;
  int64_t share_id = 0;
  std::string note;
  int64_t updated_at = 0;
};

// A timed coding trial: exercises, a time limit per candidate, an unguessable invitation.
struct Trial {
  int64_t id = 0;
  int64_t owner_id = 0;        // the company (or trainer) that runs it
  std::string owner_username;  // filled in by reads
  std::string title;
  int minutes = 60;  // each candidate's window, from the moment they open the invitation
  std::string invite_code;
  std::vector<std::string> exercises;  // in the owner's order
  int64_t created_at = 0;
};

struct TrialParticipant {
  int64_t user_id = 0;
  std::string username;
  std::string nickname;
  int64_t opened_at = 0;
};

// A team project of a workshop (issue 20): teams build one `service`-kind exercise together,
// each team in a git repository of its own.
struct TeamProject {
  int64_t id = 0;
  int64_t workshop_id = 0;
  std::string exercise;
  std::string title;
  int64_t created_at = 0;
};

struct TeamMember {
  int64_t user_id = 0;
  std::string username;  // filled in by reads
  int64_t joined_at = 0;
};

struct Team {
  int64_t id = 0;
  int64_t project_id = 0;
  std::string name;
  std::string join_code;  // others of the workshop join with it
  int64_t created_at = 0;
  std::vector<TeamMember> members;  // filled in by reads, in the order they joined
};

// The account that brought a commit to a team's repository (a push, or a commit made in the
// browser): the authenticated account, never the commit's own author line.
struct TeamCommit {
  std::string sha;
  int64_t user_id = 0;
  std::string username;  // filled in by reads
  int64_t recorded_at = 0;
};

// A member's reflection on their own role in the team, and the trainer's note on them.
struct TeamReflection {
  int64_t team_id = 0;
  std::string team_name;  // filled in by reads
  int64_t user_id = 0;
  std::string username;  // filled in by reads
  std::string reflection;
  std::string trainer_note;
  int64_t updated_at = 0;
};

// A programme (issue 21): a cohort's months-long path, run by a coordinator, holding
// workshops, trials, coaches (trainers), participants and partner companies.
struct Programme {
  int64_t id = 0;
  int64_t coordinator_id = 0;
  std::string coordinator_username;  // filled in by reads
  std::string name;
  std::string description;
  std::string starts_on;  // ISO 8601 dates as the coordinator gave them
  std::string ends_on;
  std::string join_code;
  int64_t created_at = 0;
};

// Someone in a programme, in one of its roles.
struct ProgrammeMember {
  int64_t programme_id = 0;
  int64_t user_id = 0;
  std::string username;   // filled in by reads
  std::string nickname;   // filled in by reads
  std::string role;       // "participant" | "coach" | "company"
  std::string looks_for;  // a company's: JSON {"path": "...", "skills": [...]}, "" if none
  int64_t joined_at = 0;
};

// A line of a participant's guidance path: a goal set with the coach, a coach's check-in
// note, or the participant's own reflection. Private to the participant and their coaches.
struct GuidanceEntry {
  int64_t id = 0;
  int64_t programme_id = 0;
  int64_t participant_id = 0;
  int64_t author_id = 0;        // 0 once the author's account is gone
  std::string author_username;  // filled in by reads ("" once gone)
  std::string kind;             // "goal" | "checkin" | "reflection"
  std::string text;
  int64_t created_at = 0;
};

// A career path of a programme (junior web developer, test automation): skills of
// exercises/skills.yaml, each with the tier of exercise expected to show it.
struct CareerPath {
  int64_t id = 0;
  int64_t programme_id = 0;
  std::string name;
  std::vector<std::pair<std::string, int>> skills;  // (skill tag, expected tier)
  int64_t created_at = 0;
};

// Where a participant's path led, as their coach recorded it (and they may correct it).
struct ProgrammeOutcome {
  int64_t programme_id = 0;
  int64_t participant_id = 0;
  std::string outcome;     // "employed" | "apprenticeship" | "education" | "other" | "unknown"
  std::string outcome_on;  // ISO 8601 date
  bool consent = false;    // the participant agreed that it is kept and counted
  int64_t recorded_by = 0;
  std::string recorded_by_username;  // filled in by reads ("" once that account is gone)
  int64_t updated_at = 0;
};

// Every method below is safe to call from any number of threads (and, on PostgreSQL, from any
// number of processes sharing the database). A method is one atomic step unless its comment
// says otherwise. Errors: kSystem when the database fails, with the words
// "<sqlite|postgresql> <what was being done>: <the database's message>"; the few errors a
// person caused name the value ("the username 'aino' is taken"), listed per method.

// Accounts and their login sessions.
class AccountStore {
 public:
  // The new user's id. kInvalidArgument "the username 'NAME' is taken" when it is.
  virtual Result<int64_t> AddUser(const User& user) = 0;
  // The user, or nullopt if there is none by that name (names match exactly).
  virtual Result<std::optional<User>> FindUserByName(const std::string& username) = 0;
  virtual Result<std::optional<User>> FindUser(int64_t id) = 0;
  // Writes language, nickname, password and role of user.id; nothing happens if it is gone.
  virtual Result<void> UpdateUser(const User& user) = 0;
  // Accounts of one role (e.g. the partner companies a candidate may share with), by name.
  virtual Result<std::vector<User>> ListUsersByRole(Role role) = 0;
  // Stores the session; first drops every session expired before session.created_at.
  virtual Result<void> AddSession(const Session& session) = 0;
  // Only a session that has not expired at `now`.
  virtual Result<std::optional<Session>> FindSession(const std::string& token_hash,
                                                     int64_t now) = 0;
  virtual Result<void> DeleteSession(const std::string& token_hash) = 0;
  // Deletes the account and everything that belongs to it, in one transaction: sessions,
  // submissions and their comments, comments written, memberships, help requests, workshops
  // run, profile, shares given and received, views, shortlists, trials, team reflections and
  // notes, the record of commits pushed, programmes coordinated, programme memberships,
  // coaching, guidance paths and outcomes. False if there was no such user.
  virtual Result<bool> DeleteUser(int64_t user_id) = 0;

 protected:
  virtual ~AccountStore() = default;
};

// The judging queue: submissions and runs, claimed by judges in this or other processes.
// A job is "queued", then "judging" under a lease (one claim at a time), then "done" with
// exactly one recorded verdict.
class QueueStore {
 public:
  // Queues the submission (status "queued") and returns its id. Committed before it returns:
  // once it has an id, the submission survives a crash. Wakes WaitForQueued in other processes.
  virtual Result<int64_t> AddSubmission(const Submission& submission) = 0;
  // What QueueSubmission did.
  struct Admission {
    int64_t id = 0;       // the queued job; 0 when refused (the account was at the cap)
    int64_t waiting = 0;  // the account's jobs waiting for a first verdict before this call
  };
  // AddSubmission for a person's own submission or run, unless their account already has
  // `cap` jobs waiting for a first verdict (queued or judging and never judged; rejudges of
  // finished jobs do not count): then nothing is stored and the id is 0. cap 0 = no cap.
  // Concurrent calls for one account wait for each other, so together they stay within it.
  virtual Result<Admission> QueueSubmission(const Submission& submission, int cap) = 0;
  // With source and report; nullopt if there is no such id.
  virtual Result<std::optional<Submission>> FindSubmission(int64_t id) = 0;
  // A page of the user's submissions (kind "submission"), newest first, without source and
  // report: at most kSubmissionPage, of `exercise` unless it is "", only ids below
  // `older_than` unless it is 0.
  static constexpr int kSubmissionPage = 500;
  virtual Result<std::vector<Submission>> ListSubmissions(int64_t user_id,
                                                          const std::string& exercise,
                                                          int64_t older_than) = 0;
  // Atomically takes the next queued job, or a judging one whose lease ended before `now`
  // (its worker died), marks it judging with a lease until now + kLeaseSeconds and counts the
  // attempt; with its source, without report. nullopt when nothing waits. The next job is,
  // so that one account's flood does not hold up everyone else: of the account with the
  // fewest jobs being judged right now, then of the account whose last job was claimed
  // longest ago (never is longest: with one worker this takes turns), then a run before a
  // submission (a person is waiting at the screen), then the oldest. Any number of processes
  // may claim concurrently; each job goes to one of them.
  virtual Result<std::optional<Submission>> ClaimNextQueued(int64_t now) = 0;
  // A team's judgings (submissions with this team_id), newest first, with their reports,
  // without source: at most kSubmissionPage.
  virtual Result<std::vector<Submission>> TeamJudgings(int64_t team_id) = 0;
  // Heartbeat: extends the lease of a job still judging in attempt `attempts` to
  // now + kLeaseSeconds. False if the job is no longer this attempt's (finished, or its
  // lease ended and another worker took it).
  virtual Result<bool> RenewLease(int64_t id, int attempts, int64_t now) = 0;
  // Records the verdict if the job is still judging; false if it was not (then nothing
  // changes), so a verdict is recorded at most once.
  virtual Result<bool> FinishSubmission(int64_t id, const std::string& verdict, double score,
                                        double max_score, const std::string& report_json,
                                        int64_t now) = 0;
  // Back to the queue if it is still judging (its judge helper died).
  virtual Result<void> RequeueSubmission(int64_t id) = 0;
  // At start: jobs left "judging" by a previous server are queued again. Returns how many.
  // SQLite (one server judges everything): all of them. PostgreSQL (remote workers may be
  // judging right now): only those whose lease has ended by the database's clock.
  virtual Result<int> RequeueInterrupted() = 0;
  // How many jobs are queued (not judging).
  virtual Result<int64_t> CountQueued() = 0;
  // True if other processes' queued jobs can be awaited with WaitForQueued (PostgreSQL).
  virtual bool NotifiesQueued() const = 0;
  // Blocks up to `timeout_ms` until some process sharing the database queues a job
  // (PostgreSQL: LISTEN on a connection of its own); true if one did. False at once when
  // !NotifiesQueued(). One caller at a time.
  virtual Result<bool> WaitForQueued(int timeout_ms) = 0;
  // Judging progress of a job, for the event streams of a server in another process
  // (PostgreSQL NOTIFY): `data` is a progress event's JSON, "" when the verdict is stored.
  // Ignored without notifications, and for events too long for one (over 7900 bytes).
  virtual Result<void> PublishEvent(int64_t id, const std::string& data) = 0;
  // Blocks up to `timeout_ms` for events other processes published; (id, data) pairs as
  // PublishEvent got them, in the order published. Empty at once without notifications.
  // One caller at a time.
  virtual Result<std::vector<std::pair<int64_t, std::string>>> WaitForEvents(int timeout_ms) = 0;

 protected:
  virtual ~QueueStore() = default;
};

// Workshops: the trainer's exercises and hints, members, help requests, comments.
class WorkshopStore {
 public:
  // The new workshop's id, its exercises stored in the given order (a repeated one once), in
  // one transaction. kInvalidArgument "the join code CODE is taken" when it is.
  virtual Result<int64_t> AddWorkshop(const Workshop& workshop) = 0;
  virtual Result<std::optional<Workshop>> FindWorkshop(int64_t id) = 0;
  virtual Result<std::optional<Workshop>> FindWorkshopByCode(const std::string& code) = 0;
  // Newest first.
  virtual Result<std::vector<Workshop>> WorkshopsOfTrainer(int64_t trainer_id) = 0;
  // Newest first.
  virtual Result<std::vector<Workshop>> WorkshopsOfMember(int64_t user_id) = 0;
  // Appends an exercise to a workshop; false if it is there already.
  virtual Result<bool> AddWorkshopExercise(int64_t workshop_id, const std::string& exercise) = 0;
  // Adds the member, or updates the nickname of one already there.
  virtual Result<void> AddMember(int64_t workshop_id, int64_t user_id, const std::string& nickname,
                                 int64_t now) = 0;
  // In the order they joined.
  virtual Result<std::vector<Member>> Members(int64_t workshop_id) = 0;
  // Adds minutes to the member's time; false if the user is not a member.
  virtual Result<bool> AddExtraTime(int64_t workshop_id, int64_t user_id, int minutes) = 0;
  // Releases the exercise's hints to the room at `now`; releasing again keeps the first time.
  virtual Result<void> ReleaseHints(int64_t workshop_id, const std::string& exercise,
                                    int64_t now) = 0;
  // True if some workshop of the user has released the exercise's hints.
  virtual Result<bool> HintsReleasedFor(int64_t user_id, const std::string& exercise) = 0;
  // True if the candidate is a member of a workshop the trainer runs.
  virtual Result<bool> IsTrainerOf(int64_t trainer_id, int64_t candidate_id) = 0;
  virtual Result<int64_t> AddHelpRequest(const HelpRequest& request) = 0;
  // Oldest first, answered ones included.
  virtual Result<std::vector<HelpRequest>> HelpRequests(int64_t workshop_id) = 0;
  // True if the request is answered now or was before; false if there is no such request in
  // that workshop.
  virtual Result<bool> AnswerHelpRequest(int64_t workshop_id, int64_t id, int64_t now) = 0;
  // Submissions (kind "submission", with report, no source) of these users on these
  // exercises, oldest first: the room's scoreboard and live view.
  virtual Result<std::vector<Submission>> SubmissionsFor(
      const std::vector<int64_t>& user_ids, const std::vector<std::string>& exercises) = 0;
  virtual Result<int64_t> AddComment(const Comment& comment) = 0;
  // By line, then oldest first.
  virtual Result<std::vector<Comment>> Comments(int64_t submission_id) = 0;

 protected:
  virtual ~WorkshopStore() = default;
};

// What is kept per exercise and its versions: results, analytics, rejudging.
class ExerciseRecords {
 public:
  // The best a user has done on each exercise (submissions only, never runs), ordered by
  // exercise name on both databases.
  virtual Result<std::vector<ExerciseResult>> ExerciseResults(int64_t user_id) = 0;
  // Every submission (kind "submission", with its report, without source) on an exercise,
  // oldest first: the exercise's analytics.
  virtual Result<std::vector<Submission>> ExerciseSubmissions(const std::string& exercise) = 0;
  // Queues the done submissions of `exercise` (only `only` if given) again, to be judged on
  // `version`, in one statement (a job being judged right now is left alone); their ids in
  // ascending order.
  virtual Result<std::vector<int64_t>> RejudgeSubmissions(const std::string& exercise,
                                                          std::optional<int64_t> only,
                                                          const std::string& version) = 0;

 protected:
  virtual ~ExerciseRecords() = default;
};

// A candidate's evidence and consent: profile, shares, views, company shortlists.
class EvidenceStore {
 public:
  // With reflections; nullopt if the candidate never saved one.
  virtual Result<std::optional<Profile>> FindProfile(int64_t user_id) = 0;
  // Replaces the whole profile, reflections included, in one transaction.
  virtual Result<void> PutProfile(const Profile& profile) = 0;
  // The new share's id; company_id 0 stores a link share.
  virtual Result<int64_t> AddShare(const Share& share) = 0;
  virtual Result<std::optional<Share>> FindShare(int64_t id) = 0;
  // Newest first, revoked ones included.
  virtual Result<std::vector<Share>> SharesOfCandidate(int64_t candidate_id) = 0;
  // Only shares in force, newest first.
  virtual Result<std::vector<Share>> SharesForCompany(int64_t company_id) = 0;
  // False if there was no such share in force.
  virtual Result<bool> RevokeShare(int64_t id, int64_t now) = 0;
  virtual Result<void> SetShareContact(int64_t id, const std::string& contact,
                                       const std::string& message) = 0;
  // viewer_id 0: someone holding the link without an account.
  virtual Result<void> AddShareView(const ShareView& view) = 0;
  // Views of any of the candidate's shares, newest first, at most 500.
  virtual Result<std::vector<ShareView>> ShareViewsOfCandidate(int64_t candidate_id) = 0;
  // Adds the entry or replaces its note.
  virtual Result<void> PutShortlistEntry(const ShortlistEntry& entry) = 0;
  virtual Result<void> RemoveShortlistEntry(int64_t company_id, int64_t share_id) = 0;
  // Most recently updated first.
  virtual Result<std::vector<ShortlistEntry>> Shortlist(int64_t company_id) = 0;

 protected:
  virtual ~EvidenceStore() = default;
};

// Timed coding trials.
class TrialStore {
 public:
  // The new trial's id, its exercises in the given order, in one transaction.
  virtual Result<int64_t> AddTrial(const Trial& trial) = 0;
  virtual Result<std::optional<Trial>> FindTrial(int64_t id) = 0;
  virtual Result<std::optional<Trial>> FindTrialByCode(const std::string& code) = 0;
  // Newest first.
  virtual Result<std::vector<Trial>> TrialsOfOwner(int64_t owner_id) = 0;
  // Starts the candidate's window at `now` the first time they open the trial; returns when
  // it started (the first time wins when two open at once).
  virtual Result<int64_t> OpenTrial(int64_t trial_id, int64_t user_id, int64_t now) = 0;
  // In the order they opened the trial.
  virtual Result<std::vector<TrialParticipant>> TrialParticipants(int64_t trial_id) = 0;
  // True if some coding trial uses the exercise: its hidden tests then never show their data
  // to a candidate, whatever the package says.
  virtual Result<bool> IsTrialExercise(const std::string& exercise) = 0;

 protected:
  virtual ~TrialStore() = default;
};

// Team projects and their teams. A person is in at most one team of a project.
class ProjectStore {
 public:
  virtual Result<int64_t> AddProject(const TeamProject& project) = 0;
  virtual Result<std::optional<TeamProject>> FindProject(int64_t id) = 0;
  // Newest first.
  virtual Result<std::vector<TeamProject>> ProjectsOfWorkshop(int64_t workshop_id) = 0;
  // The new team's id, with `member_ids` as its members (joined at team.created_at), in one
  // transaction. kInvalidArgument "the join code CODE is taken", or "someone of the team is
  // in another team of this project already".
  virtual Result<int64_t> AddTeam(const Team& team, const std::vector<int64_t>& member_ids) = 0;
  // With members.
  virtual Result<std::optional<Team>> FindTeam(int64_t id) = 0;
  virtual Result<std::optional<Team>> FindTeamByCode(const std::string& code) = 0;
  // With members, oldest first.
  virtual Result<std::vector<Team>> TeamsOfProject(int64_t project_id) = 0;
  // Adds the user to the team unless it has `max_members` already (false, nothing changes);
  // true if they are (or already were) a member. Concurrent joins wait for each other, so the
  // team never grows past `max_members`. kInvalidArgument "you are in another team of this
  // project already".
  virtual Result<bool> JoinTeam(int64_t team_id, int64_t user_id, int max_members, int64_t now) = 0;
  // Records `user_id` as the account that brought each commit (full ids) to the team's
  // repository; a commit already recorded keeps its first account. One transaction.
  virtual Result<void> AddTeamCommits(int64_t team_id, int64_t user_id,
                                      const std::vector<std::string>& shas, int64_t now) = 0;
  // Oldest first.
  virtual Result<std::vector<TeamCommit>> TeamCommits(int64_t team_id) = 0;
  // A member's reflection (the trainer's note kept), or the trainer's note on a member (the
  // reflection kept).
  virtual Result<void> SetTeamReflection(int64_t team_id, int64_t user_id, const std::string& text,
                                         int64_t now) = 0;
  virtual Result<void> SetTeamNote(int64_t team_id, int64_t user_id, const std::string& note,
                                   int64_t now) = 0;
  // The team's reflections and notes, by member; those of one account, in all its teams.
  virtual Result<std::vector<TeamReflection>> TeamReflections(int64_t team_id) = 0;
  virtual Result<std::vector<TeamReflection>> ReflectionsOfUser(int64_t user_id) = 0;

 protected:
  virtual ~ProjectStore() = default;
};

// Programmes (issue 21): members in their roles, the workshops and trials they hold, who
// coaches whom, and guidance paths.
class ProgrammeStore {
 public:
  // The new programme's id. kInvalidArgument "the join code CODE is taken" when it is.
  virtual Result<int64_t> AddProgramme(const Programme& programme) = 0;
  virtual Result<std::optional<Programme>> FindProgramme(int64_t id) = 0;
  virtual Result<std::optional<Programme>> FindProgrammeByCode(const std::string& code) = 0;
  // Those the user coordinates or is a member of, newest first.
  virtual Result<std::vector<Programme>> ProgrammesOfUser(int64_t user_id) = 0;
  // Adds the member, or rewrites role, looks_for and joined_at of one already there.
  virtual Result<void> PutProgrammeMember(const ProgrammeMember& member) = 0;
  // In the order they joined.
  virtual Result<std::vector<ProgrammeMember>> ProgrammeMembers(int64_t programme_id) = 0;
  // Every programme the user is a member of, in any role.
  virtual Result<std::vector<ProgrammeMember>> MembershipsOf(int64_t user_id) = 0;
  // Puts a workshop or a trial ("workshop" | "trial") in the programme; false if it was there.
  virtual Result<bool> AddProgrammeItem(int64_t programme_id, const std::string& kind,
                                        int64_t item_id) = 0;
  // (kind, id) pairs in the order added.
  virtual Result<std::vector<std::pair<std::string, int64_t>>> ProgrammeItems(
      int64_t programme_id) = 0;
  // Makes the coach one of the participant's coaches in the programme (again is a no-op).
  virtual Result<void> AssignCoach(int64_t programme_id, int64_t coach_id,
                                   int64_t participant_id) = 0;
  // (coach, participant) pairs of the programme.
  virtual Result<std::vector<std::pair<int64_t, int64_t>>> CoachAssignments(
      int64_t programme_id) = 0;
  virtual Result<int64_t> AddGuidanceEntry(const GuidanceEntry& entry) = 0;
  // Oldest first; of every programme when programme_id is 0.
  virtual Result<std::vector<GuidanceEntry>> GuidanceEntries(int64_t programme_id,
                                                             int64_t participant_id) = 0;
  // When each of the users last did something (a submission or run, a guidance line they
  // wrote); users who never did are absent.
  virtual Result<std::map<int64_t, int64_t>> LastActivity(const std::vector<int64_t>& user_ids) = 0;
  // When the user first opened a trial invitation; 0 if never.
  virtual Result<int64_t> FirstTrialOpened(int64_t user_id) = 0;
  // Career paths of the programme, oldest first.
  virtual Result<int64_t> AddCareerPath(const CareerPath& path) = 0;
  virtual Result<std::vector<CareerPath>> CareerPaths(int64_t programme_id) = 0;
  // Records (or replaces) the participant's outcome in the programme.
  virtual Result<void> PutOutcome(const ProgrammeOutcome& outcome) = 0;
  // Of one programme when programme_id is not 0, and of one participant when participant_id
  // is not 0.
  virtual Result<std::vector<ProgrammeOutcome>> Outcomes(int64_t programme_id,
                                                         int64_t participant_id) = 0;

 protected:
  virtual ~ProgrammeStore() = default;
};

// Everything the platform keeps, by kind of data; the server holds one.
class Storage : public AccountStore,
                public QueueStore,
                public WorkshopStore,
                public ExerciseRecords,
                public EvidenceStore,
                public TrialStore,
                public ProjectStore,
                public ProgrammeStore {
 public:
  ~Storage() override = default;

  // A cheap round trip, for /healthz.
  virtual Result<void> Ping() = 0;
};

// Opens (creating if needed) an SQLite database in WAL mode and brings its schema up to date.
Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::string& path);

// Connects to PostgreSQL (a libpq URL, "postgresql://user@host:port/db?host=/socket/dir"),
// and brings the schema up to date (one migration at a time, under an advisory lock, so a
// server and workers starting together do not race).
Result<std::unique_ptr<Storage>> OpenPostgresStorage(const std::string& url);

// Opens the store named by a --db value: "sqlite:PATH", a bare path, or a postgresql:// (or
// postgres://) URL.
Result<std::unique_ptr<Storage>> OpenStorage(const std::string& url);

// True for postgresql:// and postgres:// URLs.
bool IsPostgresUrl(const std::string& url);

// The current schema version: the number of migrations, one list for both databases.
int SchemaVersion();

}  // namespace web
