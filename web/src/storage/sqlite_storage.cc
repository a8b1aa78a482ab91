// The embedded store: one SQLite file in WAL mode, one connection guarded by a mutex (the
// platform's writes are small and SQLite serialises writers anyway).
#include <sqlite3.h>

#include <mutex>
#include <utility>

#include "storage/storage.h"

namespace web {
namespace {

using koodikoe::Fail;

// Each entry moves the schema one version up; never edit an entry once released, add one.
const char* const kMigrations[] = {
    // 1: the first schema.
    R"sql(
CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,
  language TEXT NOT NULL DEFAULT 'fi',
  nickname TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL);
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL);
CREATE TABLE submissions(
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  exercise TEXT NOT NULL,
  language TEXT NOT NULL,
  source TEXT NOT NULL,
  kind TEXT NOT NULL,
  input TEXT,
  status TEXT NOT NULL,
  verdict TEXT NOT NULL DEFAULT '',
  score REAL NOT NULL DEFAULT 0,
  max_score REAL NOT NULL DEFAULT 0,
  report TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  started_at INTEGER NOT NULL DEFAULT 0,
  finished_at INTEGER NOT NULL DEFAULT 0,
  attempts INTEGER NOT NULL DEFAULT 0,
  judged_count INTEGER NOT NULL DEFAULT 0);
CREATE INDEX submissions_by_status ON submissions(status, id);
CREATE INDEX submissions_by_user ON submissions(user_id, exercise, id);
CREATE TABLE workshops(
  id INTEGER PRIMARY KEY,
  title TEXT NOT NULL,
  trainer_id INTEGER NOT NULL REFERENCES users(id),
  join_code TEXT NOT NULL UNIQUE,
  starts_at TEXT NOT NULL DEFAULT '',
  ends_at TEXT NOT NULL DEFAULT '',
  scoreboard INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL);
CREATE TABLE workshop_exercises(
  workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exercise TEXT NOT NULL,
  hints_released_at INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(workshop_id, exercise));
CREATE TABLE workshop_members(
  workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  nickname TEXT NOT NULL,
  extra_minutes INTEGER NOT NULL DEFAULT 0,
  joined_at INTEGER NOT NULL,
  PRIMARY KEY(workshop_id, user_id));
CREATE INDEX members_by_user ON workshop_members(user_id);
CREATE TABLE help_requests(
  id INTEGER PRIMARY KEY,
  workshop_id INTEGER NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  exercise TEXT NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  answered_at INTEGER NOT NULL DEFAULT 0);
CREATE TABLE comments(
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  line INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE INDEX comments_by_submission ON comments(submission_id, id);
)sql",
    // 2: the version (content hash) of the exercise a submission is judged on.
    R"sql(
ALTER TABLE submissions ADD COLUMN exercise_version TEXT NOT NULL DEFAULT '';
CREATE INDEX submissions_by_exercise ON submissions(exercise, id);
)sql",
    // 3: leases, for judging from many processes.
    R"sql(
ALTER TABLE submissions ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0;
)sql",
    // 4: candidate evidence and consent: profiles, reflections, shares, who has seen them,
    // company shortlists.
    R"sql(
CREATE TABLE profiles(
  user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  intro TEXT NOT NULL DEFAULT '',
  intro_language TEXT NOT NULL DEFAULT 'fi',
  hidden_exercises TEXT NOT NULL DEFAULT '',
  confirmed_skills TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL);
CREATE TABLE reflections(
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  exercise TEXT NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY(user_id, exercise));
CREATE TABLE shares(
  id INTEGER PRIMARY KEY,
  candidate_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  company_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  link_nonce TEXT NOT NULL DEFAULT '',
  label TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  contact_message TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  revoked_at INTEGER NOT NULL DEFAULT 0);
CREATE INDEX shares_by_candidate ON shares(candidate_id, id);
CREATE INDEX shares_by_company ON shares(company_id, id);
CREATE TABLE share_views(
  id INTEGER PRIMARY KEY,
  share_id INTEGER NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
  viewer_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  what TEXT NOT NULL,
  viewed_at INTEGER NOT NULL);
CREATE INDEX share_views_by_share ON share_views(share_id, id);
CREATE TABLE shortlist(
  company_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  share_id INTEGER NOT NULL REFERENCES shares(id) ON DELETE CASCADE,
  note TEXT NOT NULL DEFAULT '',
  updated_at INTEGER NOT NULL,
  PRIMARY KEY(company_id, share_id));
)sql",
    // 5: coding trials.
    R"sql(
CREATE TABLE trials(
  id INTEGER PRIMARY KEY,
  owner_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  title TEXT NOT NULL,
  minutes INTEGER NOT NULL,
  invite_code TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL);
CREATE INDEX trials_by_owner ON trials(owner_id, id);
CREATE TABLE trial_exercises(
  trial_id INTEGER NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  exercise TEXT NOT NULL,
  PRIMARY KEY(trial_id, exercise));
CREATE TABLE trial_participants(
  trial_id INTEGER NOT NULL REFERENCES trials(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  opened_at INTEGER NOT NULL,
  PRIMARY KEY(trial_id, user_id));
)sql",
};

// A prepared statement; finalized on destruction.
class Statement {
 public:
  Statement(sqlite3* db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK) stmt_ = nullptr;
  }
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  bool ok() const { return stmt_ != nullptr; }

  Statement& Bind(int index, int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
  }
  Statement& Bind(int index, int value) { return Bind(index, static_cast<int64_t>(value)); }
  Statement& Bind(int index, double value) {
    sqlite3_bind_double(stmt_, index, value);
    return *this;
  }
  Statement& Bind(int index, const std::string& value) {
    sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
    return *this;
  }
  Statement& Bind(int index, const std::optional<std::string>& value) {
    if (value) return Bind(index, *value);
    sqlite3_bind_null(stmt_, index);
    return *this;
  }

  // True while there is a row; an error ends the loop and is kept in error().
  bool Step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) failed_ = rc;
    return false;
  }
  int failed() const { return failed_; }

  int64_t Int(int column) const { return sqlite3_column_int64(stmt_, column); }
  double Real(int column) const { return sqlite3_column_double(stmt_, column); }
  std::string Text(int column) const {
    const unsigned char* text = sqlite3_column_text(stmt_, column);
    return text ? std::string(reinterpret_cast<const char*>(text),
                              static_cast<size_t>(sqlite3_column_bytes(stmt_, column)))
                : std::string();
  }
  bool IsNull(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int failed_ = 0;
};

const char* const kSubmissionColumns =
    "s.id, s.user_id, u.username, s.exercise, s.language, s.kind, s.input, s.status, "
    "s.verdict, s.score, s.max_score, s.created_at, s.started_at, s.finished_at, s.attempts, "
    "s.judged_count, s.exercise_version, s.lease_until";
// Columns after kSubmissionColumns start here.
constexpr int kAfterSubmission = 18;

Submission ReadSubmission(const Statement& row) {
  Submission s;
  s.id = row.Int(0);
  s.user_id = row.Int(1);
  s.username = row.Text(2);
  s.exercise = row.Text(3);
  s.language = row.Text(4);
  s.kind = row.Text(5);
  if (!row.IsNull(6)) s.input = row.Text(6);
  s.status = row.Text(7);
  s.verdict = row.Text(8);
  s.score = row.Real(9);
  s.max_score = row.Real(10);
  s.created_at = row.Int(11);
  s.started_at = row.Int(12);
  s.finished_at = row.Int(13);
  s.attempts = static_cast<int>(row.Int(14));
  s.judged_count = static_cast<int>(row.Int(15));
  s.exercise_version = row.Text(16);
  s.lease_until = row.Int(17);
  return s;
}

User ReadUser(const Statement& row) {
  User u;
  u.id = row.Int(0);
  u.username = row.Text(1);
  u.password_hash = row.Text(2);
  u.role = ParseRole(row.Text(3)).value_or(Role::kCandidate);
  u.language = row.Text(4);
  u.nickname = row.Text(5);
  u.created_at = row.Int(6);
  return u;
}

std::string Placeholders(size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += i ? ",?" : "?";
  return text;
}

std::string JoinLines(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : "\n") + item;
  return text;
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> items;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) items.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return items;
}

const char* const kShareColumns =
    "s.id, s.candidate_id, c.username, c.nickname, coalesce(s.company_id, 0), "
    "coalesce(k.username, ''), s.link_nonce, s.label, s.contact, s.contact_message, "
    "s.created_at, s.revoked_at FROM shares s JOIN users c ON c.id = s.candidate_id "
    "LEFT JOIN users k ON k.id = s.company_id";

Share ReadShare(const Statement& row) {
  Share s;
  s.id = row.Int(0);
  s.candidate_id = row.Int(1);
  s.candidate_username = row.Text(2);
  s.candidate_nickname = row.Text(3);
  s.company_id = row.Int(4);
  s.company_username = row.Text(5);
  s.link_nonce = row.Text(6);
  s.label = row.Text(7);
  s.contact = row.Text(8);
  s.contact_message = row.Text(9);
  s.created_at = row.Int(10);
  s.revoked_at = row.Int(11);
  return s;
}

class SqliteStorage final : public Storage {
 public:
  explicit SqliteStorage(sqlite3* db) : db_(db) {}
  ~SqliteStorage() override { sqlite3_close_v2(db_); }

  Result<void> Configure(const std::string& path) {
    sqlite3_busy_timeout(db_, 5000);
    // WAL: readers do not block the writer. synchronous=FULL: a submission that got its id
    // is on disk even if the machine, not just the server, goes down.
    for (const char* pragma :
         {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA foreign_keys=ON"}) {
      if (auto done = Exec(pragma); !done)
        return Fail(ErrorCode::kSystem, path + ": " + done.error().context);
    }
    return Migrate();
  }

  Result<void> Ping() override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "SELECT 1");
    if (!st.ok() || !st.Step()) return DbError("ping");
    return {};
  }

  Result<int64_t> AddUser(const User& user) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO users(username, password_hash, role, language, nickname, "
                 "created_at) VALUES(?,?,?,?,?,?)");
    st.Bind(1, user.username).Bind(2, user.password_hash).Bind(3, std::string(RoleName(user.role)));
    st.Bind(4, user.language).Bind(5, user.nickname).Bind(6, user.created_at);
    st.Step();
    if (st.failed() == SQLITE_CONSTRAINT) {
      return Fail(ErrorCode::kInvalidArgument, "the username '" + user.username + "' is taken");
    }
    if (st.failed()) return DbError("add user");
    return sqlite3_last_insert_rowid(db_);
  }

  Result<std::optional<User>> FindUserByName(const std::string& username) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT id, username, password_hash, role, language, nickname, created_at "
                 "FROM users WHERE username = ?");
    st.Bind(1, username);
    return OneUser(st);
  }

  Result<std::optional<User>> FindUser(int64_t id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT id, username, password_hash, role, language, nickname, created_at "
                 "FROM users WHERE id = ?");
    st.Bind(1, id);
    return OneUser(st);
  }

  Result<void> UpdateUser(const User& user) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "UPDATE users SET password_hash = ?, role = ?, language = ?, nickname = ? "
                 "WHERE id = ?");
    st.Bind(1, user.password_hash).Bind(2, std::string(RoleName(user.role)));
    st.Bind(3, user.language).Bind(4, user.nickname).Bind(5, user.id);
    return Run(st, "update user");
  }

  Result<std::vector<User>> ListUsersByRole(Role role) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT id, username, password_hash, role, language, nickname, created_at "
                 "FROM users WHERE role = ? ORDER BY username");
    st.Bind(1, std::string(RoleName(role)));
    std::vector<User> list;
    while (st.Step()) list.push_back(ReadUser(st));
    if (st.failed()) return DbError("list users");
    return list;
  }

  Result<void> AddSession(const Session& session) override {
    std::lock_guard lock(mutex_);
    // Expired sessions go whenever a new one comes, so the table stays small.
    Statement cleanup(db_, "DELETE FROM sessions WHERE expires_at < ?");
    cleanup.Bind(1, session.created_at);
    if (auto done = Run(cleanup, "drop expired sessions"); !done) return done;
    Statement st(db_,
                 "INSERT INTO sessions(token_hash, user_id, csrf, created_at, expires_at) "
                 "VALUES(?,?,?,?,?)");
    st.Bind(1, session.token_hash).Bind(2, session.user_id).Bind(3, session.csrf);
    st.Bind(4, session.created_at).Bind(5, session.expires_at);
    return Run(st, "add session");
  }

  Result<std::optional<Session>> FindSession(const std::string& token_hash, int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT token_hash, user_id, csrf, created_at, expires_at FROM sessions "
                 "WHERE token_hash = ? AND expires_at >= ?");
    st.Bind(1, token_hash).Bind(2, now);
    if (!st.Step()) {
      if (st.failed()) return DbError("find session");
      return std::optional<Session>();
    }
    return Session{st.Text(0), st.Int(1), st.Text(2), st.Int(3), st.Int(4)};
  }

  Result<void> DeleteSession(const std::string& token_hash) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "DELETE FROM sessions WHERE token_hash = ?");
    st.Bind(1, token_hash);
    return Run(st, "delete session");
  }

  Result<int64_t> AddSubmission(const Submission& s) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO submissions(user_id, exercise, language, source, kind, input, "
                 "status, created_at, exercise_version) VALUES(?,?,?,?,?,?,'queued',?,?)");
    st.Bind(1, s.user_id).Bind(2, s.exercise).Bind(3, s.language).Bind(4, s.source);
    st.Bind(5, s.kind).Bind(6, s.input).Bind(7, s.created_at).Bind(8, s.exercise_version);
    if (auto done = Run(st, "add submission"); !done) return tl::unexpected(done.error());
    return sqlite3_last_insert_rowid(db_);
  }

  Result<std::optional<Submission>> FindSubmission(int64_t id) override {
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kSubmissionColumns +
                      ", s.source, s.report FROM submissions s JOIN users u ON u.id = s.user_id "
                      "WHERE s.id = ?";
    Statement st(db_, sql.c_str());
    st.Bind(1, id);
    if (!st.Step()) {
      if (st.failed()) return DbError("find submission");
      return std::optional<Submission>();
    }
    Submission s = ReadSubmission(st);
    s.source = st.Text(kAfterSubmission);
    s.report_json = st.Text(kAfterSubmission + 1);
    return s;
  }

  Result<std::vector<Submission>> ListSubmissions(int64_t user_id, const std::string& exercise,
                                                  int64_t older_than) override {
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kSubmissionColumns +
                      " FROM submissions s JOIN users u ON u.id = s.user_id "
                      "WHERE s.user_id = ? AND s.kind = 'submission' AND (? = '' OR s.exercise "
                      "= ?) AND (? = 0 OR s.id < ?) ORDER BY s.id DESC LIMIT " +
                      std::to_string(kSubmissionPage);
    Statement st(db_, sql.c_str());
    st.Bind(1, user_id).Bind(2, exercise).Bind(3, exercise).Bind(4, older_than).Bind(5, older_than);
    return Submissions(st);
  }

  Result<std::optional<Submission>> ClaimNextQueued(int64_t now) override {
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kSubmissionColumns +
                      ", s.source FROM submissions s JOIN users u ON u.id = s.user_id "
                      "WHERE s.status = 'queued' OR (s.status = 'judging' AND s.lease_until < ?) "
                      "ORDER BY s.kind = 'run' DESC, s.id LIMIT 1";
    Statement pick(db_, sql.c_str());
    pick.Bind(1, now);
    if (!pick.Step()) {
      if (pick.failed()) return DbError("pick queued submission");
      return std::optional<Submission>();
    }
    Submission s = ReadSubmission(pick);
    s.source = pick.Text(kAfterSubmission);
    Statement claim(db_,
                    "UPDATE submissions SET status = 'judging', started_at = ?, attempts = "
                    "attempts + 1, lease_until = ? WHERE id = ? AND attempts = ?");
    claim.Bind(1, now).Bind(2, now + kLeaseSeconds).Bind(3, s.id).Bind(4, s.attempts);
    if (auto done = Run(claim, "claim submission"); !done) return tl::unexpected(done.error());
    s.status = "judging";
    s.started_at = now;
    s.attempts += 1;
    s.lease_until = now + kLeaseSeconds;
    return s;
  }

  Result<bool> RenewLease(int64_t id, int attempts, int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "UPDATE submissions SET lease_until = ? WHERE id = ? AND attempts = ? "
                 "AND status = 'judging'");
    st.Bind(1, now + kLeaseSeconds).Bind(2, id).Bind(3, attempts);
    if (auto done = Run(st, "renew lease"); !done) return tl::unexpected(done.error());
    return sqlite3_changes(db_) == 1;
  }

  Result<bool> FinishSubmission(int64_t id, const std::string& verdict, double score,
                                double max_score, const std::string& report_json,
                                int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "UPDATE submissions SET status = 'done', verdict = ?, score = ?, max_score = ?, "
                 "report = ?, finished_at = ?, judged_count = judged_count + 1 "
                 "WHERE id = ? AND status = 'judging'");
    st.Bind(1, verdict).Bind(2, score).Bind(3, max_score).Bind(4, report_json).Bind(5, now);
    st.Bind(6, id);
    if (auto done = Run(st, "finish submission"); !done) return tl::unexpected(done.error());
    return sqlite3_changes(db_) == 1;
  }

  Result<void> RequeueSubmission(int64_t id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "UPDATE submissions SET status = 'queued' WHERE id = ? AND status = 'judging'");
    st.Bind(1, id);
    return Run(st, "requeue submission");
  }

  Result<int> RequeueInterrupted() override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "UPDATE submissions SET status = 'queued' WHERE status = 'judging'");
    if (auto done = Run(st, "requeue interrupted submissions"); !done) {
      return tl::unexpected(done.error());
    }
    return sqlite3_changes(db_);
  }

  Result<int64_t> CountQueued() override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "SELECT count(*) FROM submissions WHERE status = 'queued'");
    if (!st.Step()) return DbError("count queued");
    return st.Int(0);
  }

  Result<std::vector<ExerciseResult>> ExerciseResults(int64_t user_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT exercise, max(verdict = 'accepted'), max(score), max(max_score), "
                 "count(*) FROM submissions WHERE user_id = ? AND kind = 'submission' "
                 "GROUP BY exercise");
    st.Bind(1, user_id);
    std::vector<ExerciseResult> results;
    while (st.Step()) {
      results.push_back(
          {st.Text(0), st.Int(1) != 0, st.Real(2), st.Real(3), static_cast<int>(st.Int(4))});
    }
    if (st.failed()) return DbError("exercise results");
    return results;
  }

  Result<std::vector<Submission>> SubmissionsFor(
      const std::vector<int64_t>& user_ids, const std::vector<std::string>& exercises) override {
    if (user_ids.empty() || exercises.empty()) return std::vector<Submission>();
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kSubmissionColumns +
                      ", s.report FROM submissions s JOIN users u ON u.id = s.user_id "
                      "WHERE s.kind = 'submission' AND s.user_id IN (" +
                      Placeholders(user_ids.size()) + ") AND s.exercise IN (" +
                      Placeholders(exercises.size()) + ") ORDER BY s.id";
    Statement st(db_, sql.c_str());
    int index = 1;
    for (int64_t id : user_ids) st.Bind(index++, id);
    for (const auto& exercise : exercises) st.Bind(index++, exercise);
    std::vector<Submission> list;
    while (st.Step()) {
      list.push_back(ReadSubmission(st));
      list.back().report_json = st.Text(kAfterSubmission);
    }
    if (st.failed()) return DbError("workshop submissions");
    return list;
  }

  Result<int64_t> AddWorkshop(const Workshop& w) override {
    std::lock_guard lock(mutex_);
    if (auto begun = Exec("BEGIN IMMEDIATE"); !begun) return tl::unexpected(begun.error());
    auto id = InsertWorkshop(w);
    if (!Exec(id ? "COMMIT" : "ROLLBACK") && id) return DbError("commit workshop");
    return id;
  }

  Result<std::optional<Workshop>> FindWorkshop(int64_t id) override {
    std::lock_guard lock(mutex_);
    return OneWorkshop("w.id = ?", [&](Statement& st) { st.Bind(1, id); });
  }

  Result<std::optional<Workshop>> FindWorkshopByCode(const std::string& code) override {
    std::lock_guard lock(mutex_);
    return OneWorkshop("w.join_code = ?", [&](Statement& st) { st.Bind(1, code); });
  }

  Result<std::vector<Workshop>> WorkshopsOfTrainer(int64_t trainer_id) override {
    std::lock_guard lock(mutex_);
    return ManyWorkshops("w.trainer_id = ?", [&](Statement& st) { st.Bind(1, trainer_id); });
  }

  Result<std::vector<Workshop>> WorkshopsOfMember(int64_t user_id) override {
    std::lock_guard lock(mutex_);
    return ManyWorkshops("w.id IN (SELECT workshop_id FROM workshop_members WHERE user_id = ?)",
                         [&](Statement& st) { st.Bind(1, user_id); });
  }

  Result<void> AddMember(int64_t workshop_id, int64_t user_id, const std::string& nickname,
                         int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO workshop_members(workshop_id, user_id, nickname, joined_at) "
                 "VALUES(?,?,?,?) ON CONFLICT(workshop_id, user_id) DO UPDATE SET nickname = "
                 "excluded.nickname");
    st.Bind(1, workshop_id).Bind(2, user_id).Bind(3, nickname).Bind(4, now);
    return Run(st, "add workshop member");
  }

  Result<std::vector<Member>> Members(int64_t workshop_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT m.user_id, u.username, m.nickname, m.extra_minutes, m.joined_at "
                 "FROM workshop_members m JOIN users u ON u.id = m.user_id "
                 "WHERE m.workshop_id = ? ORDER BY m.joined_at, m.user_id");
    st.Bind(1, workshop_id);
    std::vector<Member> members;
    while (st.Step()) {
      members.push_back(
          {st.Int(0), st.Text(1), st.Text(2), static_cast<int>(st.Int(3)), st.Int(4)});
    }
    if (st.failed()) return DbError("workshop members");
    return members;
  }

  Result<bool> AddExtraTime(int64_t workshop_id, int64_t user_id, int minutes) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "UPDATE workshop_members SET extra_minutes = extra_minutes + ? "
                 "WHERE workshop_id = ? AND user_id = ?");
    st.Bind(1, minutes).Bind(2, workshop_id).Bind(3, user_id);
    if (auto done = Run(st, "extra time"); !done) return tl::unexpected(done.error());
    return sqlite3_changes(db_) == 1;
  }

  Result<void> ReleaseHints(int64_t workshop_id, const std::string& exercise,
                            int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "UPDATE workshop_exercises SET hints_released_at = ? "
                 "WHERE workshop_id = ? AND exercise = ? AND hints_released_at = 0");
    st.Bind(1, now).Bind(2, workshop_id).Bind(3, exercise);
    return Run(st, "release hints");
  }

  Result<bool> HintsReleasedFor(int64_t user_id, const std::string& exercise) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT 1 FROM workshop_exercises e JOIN workshop_members m "
                 "ON m.workshop_id = e.workshop_id WHERE m.user_id = ? AND e.exercise = ? "
                 "AND e.hints_released_at > 0 LIMIT 1");
    st.Bind(1, user_id).Bind(2, exercise);
    bool found = st.Step();
    if (st.failed()) return DbError("hints released");
    return found;
  }

  Result<bool> IsTrainerOf(int64_t trainer_id, int64_t candidate_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT 1 FROM workshops w JOIN workshop_members m ON m.workshop_id = w.id "
                 "WHERE w.trainer_id = ? AND m.user_id = ? LIMIT 1");
    st.Bind(1, trainer_id).Bind(2, candidate_id);
    bool found = st.Step();
    if (st.failed()) return DbError("trainer of");
    return found;
  }

  Result<int64_t> AddHelpRequest(const HelpRequest& request) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO help_requests(workshop_id, user_id, exercise, message, created_at) "
                 "VALUES(?,?,?,?,?)");
    st.Bind(1, request.workshop_id).Bind(2, request.user_id).Bind(3, request.exercise);
    st.Bind(4, request.message).Bind(5, request.created_at);
    if (auto done = Run(st, "add help request"); !done) return tl::unexpected(done.error());
    return sqlite3_last_insert_rowid(db_);
  }

  Result<std::vector<HelpRequest>> HelpRequests(int64_t workshop_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT h.id, h.workshop_id, h.user_id, u.username, coalesce(m.nickname, ''), "
                 "h.exercise, h.message, h.created_at, h.answered_at FROM help_requests h "
                 "JOIN users u ON u.id = h.user_id LEFT JOIN workshop_members m "
                 "ON m.workshop_id = h.workshop_id AND m.user_id = h.user_id "
                 "WHERE h.workshop_id = ? ORDER BY h.id");
    st.Bind(1, workshop_id);
    std::vector<HelpRequest> list;
    while (st.Step()) {
      list.push_back({st.Int(0), st.Int(1), st.Int(2), st.Text(3), st.Text(4), st.Text(5),
                      st.Text(6), st.Int(7), st.Int(8) != 0});
    }
    if (st.failed()) return DbError("help requests");
    return list;
  }

  Result<bool> AnswerHelpRequest(int64_t workshop_id, int64_t id, int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "UPDATE help_requests SET answered_at = ? WHERE workshop_id = ? AND id = ? "
                 "AND answered_at = 0");
    st.Bind(1, now).Bind(2, workshop_id).Bind(3, id);
    if (auto done = Run(st, "answer help request"); !done) return tl::unexpected(done.error());
    if (sqlite3_changes(db_) == 1) return true;
    Statement exists(db_, "SELECT 1 FROM help_requests WHERE workshop_id = ? AND id = ?");
    exists.Bind(1, workshop_id).Bind(2, id);
    return exists.Step();
  }

  Result<std::vector<int64_t>> RejudgeSubmissions(const std::string& exercise,
                                                  std::optional<int64_t> only,
                                                  const std::string& version) override {
    std::lock_guard lock(mutex_);
    if (auto begun = Exec("BEGIN IMMEDIATE"); !begun) return tl::unexpected(begun.error());
    Statement pick(db_,
                   "SELECT id FROM submissions WHERE exercise = ? AND kind = 'submission' AND "
                   "status = 'done' AND (? = 0 OR id = ?) ORDER BY id");
    int64_t id = only.value_or(0);
    pick.Bind(1, exercise).Bind(2, only ? 1 : 0).Bind(3, id);
    std::vector<int64_t> ids;
    while (pick.Step()) ids.push_back(pick.Int(0));
    if (pick.failed()) {
      (void)Exec("ROLLBACK");
      return DbError("pick submissions to rejudge");
    }
    for (int64_t each : ids) {
      Statement st(db_,
                   "UPDATE submissions SET status = 'queued', exercise_version = ?, attempts = 0 "
                   "WHERE id = ? AND status = 'done'");
      st.Bind(1, version).Bind(2, each);
      if (auto done = Run(st, "rejudge submission"); !done) {
        (void)Exec("ROLLBACK");
        return tl::unexpected(done.error());
      }
    }
    if (auto committed = Exec("COMMIT"); !committed) return tl::unexpected(committed.error());
    return ids;
  }

  Result<bool> AddWorkshopExercise(int64_t workshop_id, const std::string& exercise) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT OR IGNORE INTO workshop_exercises(workshop_id, position, exercise) "
                 "SELECT ?, coalesce(max(position), -1) + 1, ? FROM workshop_exercises "
                 "WHERE workshop_id = ?");
    st.Bind(1, workshop_id).Bind(2, exercise).Bind(3, workshop_id);
    if (auto done = Run(st, "add workshop exercise"); !done) return tl::unexpected(done.error());
    return sqlite3_changes(db_) == 1;
  }

  Result<std::vector<Submission>> ExerciseSubmissions(const std::string& exercise) override {
    std::lock_guard lock(mutex_);
    std::string sql = std::string("SELECT ") + kSubmissionColumns +
                      ", s.report FROM submissions s JOIN users u ON u.id = s.user_id "
                      "WHERE s.exercise = ? AND s.kind = 'submission' ORDER BY s.id";
    Statement st(db_, sql.c_str());
    st.Bind(1, exercise);
    std::vector<Submission> list;
    while (st.Step()) {
      list.push_back(ReadSubmission(st));
      list.back().report_json = st.Text(kAfterSubmission);
    }
    if (st.failed()) return DbError("exercise submissions");
    return list;
  }

  Result<int64_t> AddComment(const Comment& c) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO comments(submission_id, user_id, line, text, created_at) "
                 "VALUES(?,?,?,?,?)");
    st.Bind(1, c.submission_id).Bind(2, c.user_id).Bind(3, c.line).Bind(4, c.text);
    st.Bind(5, c.created_at);
    if (auto done = Run(st, "add comment"); !done) return tl::unexpected(done.error());
    return sqlite3_last_insert_rowid(db_);
  }

  Result<std::vector<Comment>> Comments(int64_t submission_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT c.id, c.submission_id, c.user_id, u.username, u.role, c.line, c.text, "
                 "c.created_at FROM comments c JOIN users u ON u.id = c.user_id "
                 "WHERE c.submission_id = ? ORDER BY c.line, c.id");
    st.Bind(1, submission_id);
    std::vector<Comment> list;
    while (st.Step()) {
      list.push_back({st.Int(0), st.Int(1), st.Int(2), st.Text(3),
                      ParseRole(st.Text(4)).value_or(Role::kCandidate), static_cast<int>(st.Int(5)),
                      st.Text(6), st.Int(7)});
    }
    if (st.failed()) return DbError("comments");
    return list;
  }

  Result<std::optional<Profile>> FindProfile(int64_t user_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT intro, intro_language, hidden_exercises, confirmed_skills, updated_at "
                 "FROM profiles WHERE user_id = ?");
    st.Bind(1, user_id);
    if (!st.Step()) {
      if (st.failed()) return DbError("find profile");
      return std::optional<Profile>();
    }
    Profile p;
    p.user_id = user_id;
    p.intro = st.Text(0);
    p.intro_language = st.Text(1);
    p.hidden_exercises = SplitLines(st.Text(2));
    p.confirmed_skills = SplitLines(st.Text(3));
    p.updated_at = st.Int(4);
    Statement refl(db_, "SELECT exercise, text FROM reflections WHERE user_id = ?");
    refl.Bind(1, user_id);
    while (refl.Step()) p.reflections[refl.Text(0)] = refl.Text(1);
    if (refl.failed()) return DbError("reflections");
    return p;
  }

  Result<void> PutProfile(const Profile& p) override {
    std::lock_guard lock(mutex_);
    if (auto begun = Exec("BEGIN IMMEDIATE"); !begun) return begun;
    auto done = WriteProfile(p);
    if (!done) {
      Exec("ROLLBACK");
      return done;
    }
    return Exec("COMMIT");
  }

  Result<int64_t> AddShare(const Share& s) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO shares(candidate_id, company_id, link_nonce, label, contact, "
                 "contact_message, created_at, revoked_at) VALUES(?,?,?,?,?,?,?,?)");
    st.Bind(1, s.candidate_id);
    if (s.company_id > 0) {
      st.Bind(2, s.company_id);
    } else {
      st.Bind(2, std::optional<std::string>());
    }
    st.Bind(3, s.link_nonce).Bind(4, s.label).Bind(5, s.contact).Bind(6, s.contact_message);
    st.Bind(7, s.created_at).Bind(8, s.revoked_at);
    if (auto done = Run(st, "add share"); !done) return tl::unexpected(done.error());
    return sqlite3_last_insert_rowid(db_);
  }

  Result<std::optional<Share>> FindShare(int64_t id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, (std::string("SELECT ") + kShareColumns + " WHERE s.id = ?").c_str());
    st.Bind(1, id);
    auto list = Shares(st);
    if (!list) return tl::unexpected(list.error());
    if (list->empty()) return std::optional<Share>();
    return std::move(list->front());
  }

  Result<std::vector<Share>> SharesOfCandidate(int64_t candidate_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, (std::string("SELECT ") + kShareColumns +
                       " WHERE s.candidate_id = ? ORDER BY s.id DESC")
                          .c_str());
    st.Bind(1, candidate_id);
    return Shares(st);
  }

  Result<std::vector<Share>> SharesForCompany(int64_t company_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, (std::string("SELECT ") + kShareColumns +
                       " WHERE s.company_id = ? AND s.revoked_at = 0 ORDER BY s.id DESC")
                          .c_str());
    st.Bind(1, company_id);
    return Shares(st);
  }

  Result<bool> RevokeShare(int64_t id, int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "UPDATE shares SET revoked_at = ? WHERE id = ? AND revoked_at = 0");
    st.Bind(1, now).Bind(2, id);
    if (auto done = Run(st, "revoke share"); !done) return tl::unexpected(done.error());
    return sqlite3_changes(db_) > 0;
  }

  Result<void> SetShareContact(int64_t id, const std::string& contact,
                               const std::string& message) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "UPDATE shares SET contact = ?, contact_message = ? WHERE id = ?");
    st.Bind(1, contact).Bind(2, message).Bind(3, id);
    return Run(st, "set share contact");
  }

  Result<void> AddShareView(const ShareView& v) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO share_views(share_id, viewer_id, what, viewed_at) VALUES(?,?,?,?)");
    st.Bind(1, v.share_id);
    if (v.viewer_id > 0) {
      st.Bind(2, v.viewer_id);
    } else {
      st.Bind(2, std::optional<std::string>());
    }
    st.Bind(3, v.what).Bind(4, v.viewed_at);
    return Run(st, "add share view");
  }

  Result<std::vector<ShareView>> ShareViewsOfCandidate(int64_t candidate_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT v.share_id, coalesce(v.viewer_id, 0), coalesce(u.username, ''), v.what, "
                 "v.viewed_at FROM share_views v JOIN shares s ON s.id = v.share_id "
                 "LEFT JOIN users u ON u.id = v.viewer_id WHERE s.candidate_id = ? "
                 "ORDER BY v.id DESC LIMIT 500");
    st.Bind(1, candidate_id);
    std::vector<ShareView> list;
    while (st.Step()) list.push_back({st.Int(0), st.Int(1), st.Text(2), st.Text(3), st.Int(4)});
    if (st.failed()) return DbError("share views");
    return list;
  }

  Result<void> PutShortlistEntry(const ShortlistEntry& e) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "INSERT INTO shortlist(company_id, share_id, note, updated_at) VALUES(?,?,?,?) "
                 "ON CONFLICT(company_id, share_id) DO UPDATE SET note = excluded.note, "
                 "updated_at = excluded.updated_at");
    st.Bind(1, e.company_id).Bind(2, e.share_id).Bind(3, e.note).Bind(4, e.updated_at);
    return Run(st, "put shortlist entry");
  }

  Result<void> RemoveShortlistEntry(int64_t company_id, int64_t share_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "DELETE FROM shortlist WHERE company_id = ? AND share_id = ?");
    st.Bind(1, company_id).Bind(2, share_id);
    return Run(st, "remove shortlist entry");
  }

  Result<std::vector<ShortlistEntry>> Shortlist(int64_t company_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT company_id, share_id, note, updated_at FROM shortlist "
                 "WHERE company_id = ? ORDER BY updated_at DESC");
    st.Bind(1, company_id);
    std::vector<ShortlistEntry> list;
    while (st.Step()) list.push_back({st.Int(0), st.Int(1), st.Text(2), st.Int(3)});
    if (st.failed()) return DbError("shortlist");
    return list;
  }

  Result<int64_t> AddTrial(const Trial& t) override {
    std::lock_guard lock(mutex_);
    if (auto begun = Exec("BEGIN IMMEDIATE"); !begun) return tl::unexpected(begun.error());
    auto id = InsertTrial(t);
    if (!id) {
      Exec("ROLLBACK");
      return id;
    }
    if (auto done = Exec("COMMIT"); !done) return tl::unexpected(done.error());
    return id;
  }

  Result<std::optional<Trial>> FindTrial(int64_t id) override {
    std::lock_guard lock(mutex_);
    return OneTrial("t.id = ?", [&](Statement& st) { st.Bind(1, id); });
  }

  Result<std::optional<Trial>> FindTrialByCode(const std::string& code) override {
    std::lock_guard lock(mutex_);
    return OneTrial("t.invite_code = ?", [&](Statement& st) { st.Bind(1, code); });
  }

  Result<std::vector<Trial>> TrialsOfOwner(int64_t owner_id) override {
    std::lock_guard lock(mutex_);
    return ManyTrials("t.owner_id = ?", [&](Statement& st) { st.Bind(1, owner_id); });
  }

  Result<int64_t> OpenTrial(int64_t trial_id, int64_t user_id, int64_t now) override {
    std::lock_guard lock(mutex_);
    Statement add(db_,
                  "INSERT OR IGNORE INTO trial_participants(trial_id, user_id, opened_at) "
                  "VALUES(?,?,?)");
    add.Bind(1, trial_id).Bind(2, user_id).Bind(3, now);
    if (auto done = Run(add, "open trial"); !done) return tl::unexpected(done.error());
    Statement st(db_,
                 "SELECT opened_at FROM trial_participants WHERE trial_id = ? AND user_id = ?");
    st.Bind(1, trial_id).Bind(2, user_id);
    if (!st.Step()) return DbError("read trial window");
    return st.Int(0);
  }

  Result<std::vector<TrialParticipant>> TrialParticipants(int64_t trial_id) override {
    std::lock_guard lock(mutex_);
    Statement st(db_,
                 "SELECT p.user_id, u.username, u.nickname, p.opened_at FROM trial_participants "
                 "p JOIN users u ON u.id = p.user_id WHERE p.trial_id = ? ORDER BY p.opened_at");
    st.Bind(1, trial_id);
    std::vector<TrialParticipant> list;
    while (st.Step()) list.push_back({st.Int(0), st.Text(1), st.Text(2), st.Int(3)});
    if (st.failed()) return DbError("trial participants");
    return list;
  }

  Result<bool> IsTrialExercise(const std::string& exercise) override {
    std::lock_guard lock(mutex_);
    Statement st(db_, "SELECT 1 FROM trial_exercises WHERE exercise = ? LIMIT 1");
    st.Bind(1, exercise);
    bool found = st.Step();
    if (st.failed()) return DbError("trial exercise");
    return found;
  }

  Result<bool> DeleteUser(int64_t user_id) override {
    std::lock_guard lock(mutex_);
    if (auto begun = Exec("BEGIN IMMEDIATE"); !begun) return tl::unexpected(begun.error());
    auto deleted = DeleteUserLocked(user_id);
    if (!deleted) {
      Exec("ROLLBACK");
      return deleted;
    }
    if (auto done = Exec("COMMIT"); !done) return tl::unexpected(done.error());
    return deleted;
  }

 private:
  tl::unexpected<Error> DbError(const std::string& what) const {
    return Fail(ErrorCode::kSystem, "sqlite " + what + ": " + sqlite3_errmsg(db_));
  }

  Result<void> Exec(const char* sql) {
    char* message = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &message) != SQLITE_OK) {
      std::string text = message ? message : "unknown error";
      sqlite3_free(message);
      return Fail(ErrorCode::kSystem, std::string("sqlite: ") + text);
    }
    return {};
  }

  Result<void> Run(Statement& st, const std::string& what) {
    if (!st.ok()) return DbError("prepare " + what);
    st.Step();
    if (st.failed()) return DbError(what);
    return {};
  }

  Result<void> WriteProfile(const Profile& p) {
    Statement st(db_,
                 "INSERT INTO profiles(user_id, intro, intro_language, hidden_exercises, "
                 "confirmed_skills, updated_at) VALUES(?,?,?,?,?,?) ON CONFLICT(user_id) DO "
                 "UPDATE SET intro = excluded.intro, intro_language = excluded.intro_language, "
                 "hidden_exercises = excluded.hidden_exercises, "
                 "confirmed_skills = excluded.confirmed_skills, updated_at = excluded.updated_at");
    st.Bind(1, p.user_id).Bind(2, p.intro).Bind(3, p.intro_language);
    st.Bind(4, JoinLines(p.hidden_exercises)).Bind(5, JoinLines(p.confirmed_skills));
    st.Bind(6, p.updated_at);
    if (auto done = Run(st, "put profile"); !done) return done;
    Statement clear(db_, "DELETE FROM reflections WHERE user_id = ?");
    clear.Bind(1, p.user_id);
    if (auto done = Run(clear, "clear reflections"); !done) return done;
    for (const auto& [exercise, text] : p.reflections) {
      Statement add(db_, "INSERT INTO reflections(user_id, exercise, text) VALUES(?,?,?)");
      add.Bind(1, p.user_id).Bind(2, exercise).Bind(3, text);
      if (auto done = Run(add, "add reflection"); !done) return done;
    }
    return {};
  }

  Result<bool> DeleteUserLocked(int64_t user_id) {
    // Rows that refer to the user without ON DELETE CASCADE go first, in dependency order;
    // the tables of schema 2 cascade from users.
    const char* const statements[] = {
        "DELETE FROM comments WHERE user_id = ?1",
        "DELETE FROM submissions WHERE user_id = ?1",
        "DELETE FROM help_requests WHERE user_id = ?1",
        "DELETE FROM workshop_members WHERE user_id = ?1",
        "DELETE FROM workshops WHERE trainer_id = ?1",
        "DELETE FROM sessions WHERE user_id = ?1",
        "DELETE FROM users WHERE id = ?1",
    };
    for (const char* sql : statements) {
      Statement st(db_, sql);
      st.Bind(1, user_id);
      if (auto done = Run(st, "delete user"); !done) return tl::unexpected(done.error());
    }
    return sqlite3_changes(db_) > 0;
  }

  Result<int64_t> InsertTrial(const Trial& t) {
    Statement st(db_,
                 "INSERT INTO trials(owner_id, title, minutes, invite_code, created_at) "
                 "VALUES(?,?,?,?,?)");
    st.Bind(1, t.owner_id).Bind(2, t.title).Bind(3, t.minutes).Bind(4, t.invite_code);
    st.Bind(5, t.created_at);
    if (auto done = Run(st, "add trial"); !done) return tl::unexpected(done.error());
    int64_t id = sqlite3_last_insert_rowid(db_);
    int position = 0;
    for (const auto& exercise : t.exercises) {
      Statement add(db_,
                    "INSERT OR IGNORE INTO trial_exercises(trial_id, position, exercise) "
                    "VALUES(?,?,?)");
      add.Bind(1, id).Bind(2, position++).Bind(3, exercise);
      if (auto done = Run(add, "add trial exercise"); !done) return tl::unexpected(done.error());
    }
    return id;
  }

  template <class BindFn>
  Result<std::vector<Trial>> ManyTrials(const std::string& where, BindFn bind) {
    std::string sql =
        "SELECT t.id, t.owner_id, u.username, t.title, t.minutes, t.invite_code, t.created_at "
        "FROM trials t JOIN users u ON u.id = t.owner_id WHERE " +
        where + " ORDER BY t.id DESC";
    Statement st(db_, sql.c_str());
    bind(st);
    std::vector<Trial> list;
    while (st.Step()) {
      Trial t;
      t.id = st.Int(0);
      t.owner_id = st.Int(1);
      t.owner_username = st.Text(2);
      t.title = st.Text(3);
      t.minutes = static_cast<int>(st.Int(4));
      t.invite_code = st.Text(5);
      t.created_at = st.Int(6);
      list.push_back(std::move(t));
    }
    if (st.failed()) return DbError("find trials");
    for (auto& t : list) {
      Statement ex(db_,
                   "SELECT exercise FROM trial_exercises WHERE trial_id = ? ORDER BY position");
      ex.Bind(1, t.id);
      while (ex.Step()) t.exercises.push_back(ex.Text(0));
      if (ex.failed()) return DbError("trial exercises");
    }
    return list;
  }

  template <class BindFn>
  Result<std::optional<Trial>> OneTrial(const std::string& where, BindFn bind) {
    auto list = ManyTrials(where, bind);
    if (!list) return tl::unexpected(list.error());
    if (list->empty()) return std::optional<Trial>();
    return std::move(list->front());
  }

  Result<std::vector<Share>> Shares(Statement& st) {
    if (!st.ok()) return DbError("prepare shares");
    std::vector<Share> list;
    while (st.Step()) list.push_back(ReadShare(st));
    if (st.failed()) return DbError("shares");
    return list;
  }

  Result<std::optional<User>> OneUser(Statement& st) {
    if (!st.Step()) {
      if (st.failed()) return DbError("find user");
      return std::optional<User>();
    }
    return ReadUser(st);
  }

  Result<std::vector<Submission>> Submissions(Statement& st) {
    std::vector<Submission> list;
    while (st.Step()) list.push_back(ReadSubmission(st));
    if (st.failed()) return DbError("list submissions");
    return list;
  }

  Result<int64_t> InsertWorkshop(const Workshop& w) {
    Statement st(db_,
                 "INSERT INTO workshops(title, trainer_id, join_code, starts_at, ends_at, "
                 "scoreboard, created_at) VALUES(?,?,?,?,?,?,?)");
    st.Bind(1, w.title).Bind(2, w.trainer_id).Bind(3, w.join_code).Bind(4, w.starts_at);
    st.Bind(5, w.ends_at).Bind(6, w.scoreboard ? 1 : 0).Bind(7, w.created_at);
    st.Step();
    if (st.failed() == SQLITE_CONSTRAINT) {
      return Fail(ErrorCode::kInvalidArgument, "the join code " + w.join_code + " is taken");
    }
    if (st.failed()) return DbError("add workshop");
    int64_t id = sqlite3_last_insert_rowid(db_);
    int position = 0;
    for (const auto& exercise : w.exercises) {
      Statement add(db_,
                    "INSERT OR IGNORE INTO workshop_exercises(workshop_id, position, exercise) "
                    "VALUES(?,?,?)");
      add.Bind(1, id).Bind(2, position++).Bind(3, exercise);
      if (auto done = Run(add, "add workshop exercise"); !done) {
        return tl::unexpected(done.error());
      }
    }
    return id;
  }

  template <class BindFn>
  Result<std::vector<Workshop>> ManyWorkshops(const std::string& where, BindFn bind) {
    std::string sql =
        "SELECT w.id, w.title, w.trainer_id, w.join_code, w.starts_at, w.ends_at, "
        "w.scoreboard, w.created_at FROM workshops w WHERE " +
        where + " ORDER BY w.id DESC";
    Statement st(db_, sql.c_str());
    bind(st);
    std::vector<Workshop> list;
    while (st.Step()) {
      Workshop w;
      w.id = st.Int(0);
      w.title = st.Text(1);
      w.trainer_id = st.Int(2);
      w.join_code = st.Text(3);
      w.starts_at = st.Text(4);
      w.ends_at = st.Text(5);
      w.scoreboard = st.Int(6) != 0;
      w.created_at = st.Int(7);
      list.push_back(std::move(w));
    }
    if (st.failed()) return DbError("find workshops");
    for (auto& w : list) {
      Statement ex(db_,
                   "SELECT exercise, hints_released_at FROM workshop_exercises "
                   "WHERE workshop_id = ? ORDER BY position");
      ex.Bind(1, w.id);
      while (ex.Step()) {
        w.exercises.push_back(ex.Text(0));
        if (ex.Int(1) > 0) w.hints_released.push_back(ex.Text(0));
      }
      if (ex.failed()) return DbError("workshop exercises");
    }
    return list;
  }

  template <class BindFn>
  Result<std::optional<Workshop>> OneWorkshop(const std::string& where, BindFn bind) {
    auto list = ManyWorkshops(where, bind);
    if (!list) return tl::unexpected(list.error());
    if (list->empty()) return std::optional<Workshop>();
    return std::move(list->front());
  }

  Result<void> Migrate() {
    if (auto done = Exec("CREATE TABLE IF NOT EXISTS schema_version(version INTEGER NOT NULL)");
        !done) {
      return done;
    }
    Statement current(db_, "SELECT coalesce(max(version), 0) FROM schema_version");
    if (!current.Step()) return DbError("read schema version");
    int version = static_cast<int>(current.Int(0));
    if (version > SchemaVersion()) {
      return Fail(ErrorCode::kUnsupported,
                  "the database has schema version " + std::to_string(version) +
                      ", newer than this koodikoe (" + std::to_string(SchemaVersion()) +
                      "); use a newer koodikoe or another --db");
    }
    for (int next = version + 1; next <= SchemaVersion(); ++next) {
      // One transaction per migration: a crash leaves the schema at a whole version.
      std::string sql = std::string("BEGIN IMMEDIATE;") + kMigrations[next - 1] +
                        "INSERT INTO schema_version(version) VALUES(" + std::to_string(next) +
                        ");COMMIT;";
      if (auto done = Exec(sql.c_str()); !done) {
        Exec("ROLLBACK");
        return Fail(ErrorCode::kSystem, "migrating the database to schema version " +
                                            std::to_string(next) + ": " + done.error().context);
      }
    }
    return {};
  }

  std::mutex mutex_;
  sqlite3* const db_;
};

}  // namespace

int SchemaVersion() { return static_cast<int>(std::size(kMigrations)); }

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
  }
  return "candidate";
}

std::optional<Role> ParseRole(const std::string& name) {
  for (Role role : {Role::kCandidate, Role::kTrainer, Role::kCompany, Role::kAdmin}) {
    if (name == RoleName(role)) return role;
  }
  return std::nullopt;
}

Result<std::unique_ptr<Storage>> OpenSqliteStorage(const std::string& path) {
  sqlite3* db = nullptr;
  int rc =
      sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return Fail(ErrorCode::kSystem, "opening the database " + path + ": " + message);
  }
  auto storage = std::make_unique<SqliteStorage>(db);
  if (auto configured = storage->Configure(path); !configured) {
    return tl::unexpected(configured.error());
  }
  return std::unique_ptr<Storage>(std::move(storage));
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
