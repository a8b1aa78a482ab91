// The one SQL layer on both drivers: a database at the schema of the two old stores opens and
// keeps its rows; a fresh database gets exactly that schema; the same calls give the same
// order and the same error words on SQLite and PostgreSQL.
#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

#include "pg_fixture.h"
#include "server_fixture.h"
#include "storage/storage.h"

namespace web_test {
namespace {

using web::Storage;

std::string ReadFixture(const std::string& name) {
  std::ifstream in(std::string(KOODIKOE_SOURCE_DIR) + "/tests/web/fixtures/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Runs `sql` on the database behind a --db value, as its own client would; the rows of the
// last statement, one line each, columns separated by '|'.
std::string RawQuery(const std::string& url, const std::string& sql) {
  std::string out;
  if (web::IsPostgresUrl(url)) {
    PGconn* conn = PQconnectdb(url.c_str());
    PGresult* result = PQexec(conn, sql.c_str());
    auto status = PQresultStatus(result);
    EXPECT_TRUE(status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
        << PQresultErrorMessage(result);
    for (int r = 0; r < PQntuples(result); ++r) {
      for (int c = 0; c < PQnfields(result); ++c)
        out += (c ? "|" : "") + std::string(PQgetvalue(result, r, c));
      out += "\n";
    }
    PQclear(result);
    PQfinish(conn);
    return out;
  }
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open(url.substr(7).c_str(), &db), SQLITE_OK);
  char* message = nullptr;
  auto add_row = [](void* text, int columns, char** values, char**) {
    auto& out = *static_cast<std::string*>(text);
    for (int c = 0; c < columns; ++c)
      out += (c ? "|" : "") + std::string(values[c] ? values[c] : "");
    out += "\n";
    return 0;
  };
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), add_row, &out, &message), SQLITE_OK)
      << (message ? message : "");
  sqlite3_free(message);
  sqlite3_close(db);
  return out;
}

// The schema as the database describes it: tables, columns, types, keys and indexes.
std::string Schema(const std::string& url) {
  if (!web::IsPostgresUrl(url)) {
    return RawQuery(url, "SELECT type, name, sql FROM sqlite_master ORDER BY name");
  }
  return RawQuery(url,
                  "SELECT table_name, column_name, data_type, coalesce(column_default, ''), "
                  "is_nullable, is_identity FROM information_schema.columns WHERE table_schema = "
                  "'public' ORDER BY 1, 2") +
         RawQuery(url,
                  "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
                  "ORDER BY 1") +
         RawQuery(url,
                  "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE "
                  "connamespace = 'public'::regnamespace ORDER BY 1");
}

class StoreMigrationTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  // A database holding the fixture of schema version 5 (the old stores' last).
  std::string OldDatabase(const std::string& name) {
    std::string url = NewStoreUrl(GetParam(), dir_.path(), name);
    if (url.empty()) return url;
    bool postgres = web::IsPostgresUrl(url);
    RawQuery(url, ReadFixture(postgres ? "schema5_postgres.sql" : "schema5_sqlite.sql"));
    return url;
  }

  TempDir dir_;
};

TEST_P(StoreMigrationTest, ADatabaseOfTheOldStoresKeepsItsRows) {
  std::string url = OldDatabase("old");
  ASSERT_FALSE(url.empty());
  auto opened = web::OpenStorage(url);
  ASSERT_TRUE(opened) << opened.error().Describe();
  Storage& storage = **opened;
  EXPECT_EQ(RawQuery(url, "SELECT max(version) FROM schema_version"),
            std::to_string(web::SchemaVersion()) + "\n");

  auto aino = storage.FindUserByName("aino").value();
  ASSERT_TRUE(aino);
  EXPECT_EQ(aino->nickname, "Aino");
  auto done = storage.FindSubmission(1).value();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->verdict, "accepted");
  EXPECT_EQ(done->score, 100);
  EXPECT_EQ(done->report_json, "{}");
  auto claimed = storage.ClaimNextQueued(100).value();
  ASSERT_TRUE(claimed);
  EXPECT_EQ(claimed->id, 2);
  EXPECT_EQ(claimed->input, std::optional<std::string>("1 2"));
  auto workshop = storage.FindWorkshopByCode("JOIN1").value();
  ASSERT_TRUE(workshop);
  EXPECT_EQ(workshop->exercises, (std::vector<std::string>{"sum", "hello"}));
  EXPECT_EQ(workshop->hints_released, (std::vector<std::string>{"hello"}));
  EXPECT_EQ(storage.Members(workshop->id).value().at(0).extra_minutes, 5);
  EXPECT_EQ(storage.Comments(1).value().at(0).text, "Hyvä");
  auto profile = storage.FindProfile(aino->id).value();
  ASSERT_TRUE(profile);
  EXPECT_EQ(profile->reflections.at("sum"), "summasin");
  EXPECT_EQ(storage.SharesForCompany(2).value().at(0).label, "CV");
  auto trial = storage.FindTrialByCode("INVITE1").value();
  ASSERT_TRUE(trial);
  EXPECT_EQ(trial->exercises, (std::vector<std::string>{"sum"}));

  // New rows take the next ids.
  web::User user;
  user.username = "uusi";
  user.password_hash = "x";
  EXPECT_EQ(storage.AddUser(user).value(), 4);
}

// The old stores' schema, migrated on, is exactly what a fresh database gets.
TEST_P(StoreMigrationTest, AnOldDatabaseMigratedHasTheFreshSchema) {
  std::string old_url = OldDatabase("old");
  std::string fresh_url = NewStoreUrl(GetParam(), dir_.path(), "fresh");
  ASSERT_FALSE(old_url.empty());
  ASSERT_FALSE(fresh_url.empty());
  ASSERT_TRUE(web::OpenStorage(old_url));
  ASSERT_TRUE(web::OpenStorage(fresh_url));
  EXPECT_EQ(Schema(fresh_url), Schema(old_url));
}

INSTANTIATE_TEST_SUITE_P(Stores, StoreMigrationTest, ::testing::ValuesIn(AllStores()), StoreName);

// Error words without the database's own part: "<code> <what>" or the whole message a person
// reads ("the username 'aino' is taken").
template <class T>
std::string Words(const web::Result<T>& result) {
  if (result) return "ok";
  const auto& error = result.error();
  std::string text = error.context;
  if (error.code == koodikoe::ErrorCode::kSystem) {
    for (const char* name : {"sqlite ", "postgresql "}) {
      if (text.rfind(name, 0) == 0) text = text.substr(std::string(name).size());
    }
    text = text.substr(0, text.find(':'));
  }
  return std::to_string(static_cast<int>(error.code)) + " " + text;
}

// The same calls, in the same order, on one store; what each gave back, one line each.
std::vector<std::string> Transcript(Storage& storage) {
  std::vector<std::string> lines;
  auto note = [&](const std::string& line) { lines.push_back(line); };
  web::User user;
  user.password_hash = "x";
  int64_t ids[3];
  int n = 0;
  for (const char* name : {"veera", "aino", "bertta"}) {
    user.username = name;
    user.role = n == 0 ? web::Role::kTrainer : web::Role::kCandidate;
    ids[n++] = storage.AddUser(user).value();
  }
  note("taken user: " + Words(storage.AddUser(user)));
  auto got1 = storage.ListUsersByRole(web::Role::kCandidate).value();
  for (const auto& u : got1) {
    note("candidate " + u.username);
  }

  web::Submission s;
  s.user_id = ids[1];
  s.language = "python";
  s.source = "x";
  for (const char* exercise : {"sum", "hello", "abc", "sum"}) {
    s.exercise = exercise;
    s.kind = std::string(exercise) == "hello" ? "run" : "submission";
    storage.AddSubmission(s).value();
  }
  for (int i = 0; i < 5; ++i) {
    auto job = storage.ClaimNextQueued(100).value();
    note("claimed " + (job ? std::to_string(job->id) + " " + job->kind : "nothing"));
    if (job) storage.FinishSubmission(job->id, i % 2 ? "accepted" : "wrong", i, 10, "{}", 101);
  }
  auto got2 = storage.ExerciseResults(ids[1]).value();
  for (const auto& r : got2) {
    note("result " + r.exercise + " " + std::to_string(r.solved) + " " +
         std::to_string(r.best_score) + " " + std::to_string(r.attempts));
  }
  auto got3 = storage.ListSubmissions(ids[1], "", 0).value();
  for (const auto& sub : got3) {
    note("listed " + std::to_string(sub.id) + " " + sub.exercise);
  }
  auto got4 = storage.RejudgeSubmissions("sum", std::nullopt, "v2").value();
  for (int64_t id : got4) {
    note("rejudged " + std::to_string(id));
  }

  web::Workshop w;
  w.title = "K";
  w.trainer_id = ids[0];
  w.join_code = "CODE";
  w.exercises = {"sum", "abc", "sum"};
  int64_t workshop = storage.AddWorkshop(w).value();
  note("taken join code: " + Words(storage.AddWorkshop(w)));
  w.join_code = "CODE2";
  storage.AddWorkshop(w).value();
  auto got5 = storage.WorkshopsOfTrainer(ids[0]).value();
  for (const auto& each : got5) {
    note("workshop " + each.join_code + " " + std::to_string(each.exercises.size()));
  }
  EXPECT_TRUE(storage.AddMember(workshop, ids[2], "B", 5));
  EXPECT_TRUE(storage.AddMember(workshop, ids[1], "A", 5));
  auto members = storage.Members(workshop).value();
  for (const auto& m : members) note("member " + m.username);
  note("extra time of a stranger: " +
       std::to_string(storage.AddExtraTime(workshop, 999, 5).value()));
  note("answer a missing request: " +
       std::to_string(storage.AnswerHelpRequest(workshop, 999, 1).value()));
  web::Comment c;
  c.submission_id = 1;
  c.user_id = ids[0];
  for (int line : {7, 2, 7}) {
    c.line = line;
    c.text = "line " + std::to_string(line);
    storage.AddComment(c).value();
  }
  auto comments = storage.Comments(1).value();
  for (const auto& each : comments) note("comment " + std::to_string(each.id));
  c.submission_id = 999;
  note("comment on nothing: " + Words(storage.AddComment(c)));

  web::Trial t;
  t.owner_id = ids[0];
  t.title = "T";
  t.invite_code = "INV";
  t.exercises = {"b", "a"};
  int64_t trial = storage.AddTrial(t).value();
  note("taken invite: " + Words(storage.AddTrial(t)));
  note("opened " + std::to_string(storage.OpenTrial(trial, ids[1], 50).value()));
  note("opened again " + std::to_string(storage.OpenTrial(trial, ids[1], 60).value()));
  note("trial exercises " + storage.FindTrial(trial).value()->exercises.front());
  note("delete nobody: " + std::to_string(storage.DeleteUser(999).value()));
  note("delete aino: " + std::to_string(storage.DeleteUser(ids[1]).value()));
  return lines;
}

TEST(StoreParityTest, BothDriversGiveTheSameOrderAndTheSameErrorWords) {
  TempDir dir;
  std::string sqlite_url = NewStoreUrl(StoreKind::kSqlite, dir.path(), "parity");
  std::string postgres_url = NewStoreUrl(StoreKind::kPostgres, dir.path(), "parity");
  ASSERT_FALSE(postgres_url.empty());
  auto sqlite = web::OpenStorage(sqlite_url);
  auto postgres = web::OpenStorage(postgres_url);
  ASSERT_TRUE(sqlite && postgres);
  std::vector<std::string> on_sqlite = Transcript(**sqlite);
  std::vector<std::string> on_postgres = Transcript(**postgres);
  EXPECT_EQ(on_sqlite, on_postgres);
  // What the transcript must say, whichever the database: the results by exercise name,
  // runs claimed first, person-readable words for taken names.
  auto has = [&](const std::string& line) {
    return std::find(on_sqlite.begin(), on_sqlite.end(), line) != on_sqlite.end();
  };
  EXPECT_TRUE(has("claimed 2 run"));
  EXPECT_TRUE(has("taken user: 0 the username 'bertta' is taken"));
  EXPECT_TRUE(has("taken join code: 0 the join code CODE is taken"));
  auto first_result = std::find_if(on_sqlite.begin(), on_sqlite.end(),
                                   [](const std::string& l) { return l.rfind("result ", 0) == 0; });
  ASSERT_NE(first_result, on_sqlite.end());
  EXPECT_EQ(first_result->substr(0, 10), "result abc");
  for (const auto& line : on_sqlite) std::cout << line << "\n";
}

}  // namespace
}  // namespace web_test
