// Trainers' exercise tools against a real server and the real judge (SQLite and PostgreSQL):
// import, export and the round trip, refused uploads that change nothing, authoring and the check
// of every version, publishing only what passed, versions kept by submissions, rejudging,
// analytics.
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <thread>

#include "authoring/exercise_store.h"
#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

namespace fs = std::filesystem;

std::string Zip(const std::map<std::string, std::string>& files,
                const std::map<std::string, std::string>& symlinks = {}) {
  std::string out;
  struct archive* writer = archive_write_new();
  archive_write_set_format_zip(writer);
  auto append = [](struct archive*, void* data, const void* buffer, size_t size) -> la_ssize_t {
    static_cast<std::string*>(data)->append(static_cast<const char*>(buffer), size);
    return static_cast<la_ssize_t>(size);
  };
  archive_write_open2(writer, &out, nullptr, append, nullptr, nullptr);
  for (const auto& [name, content] : files) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, static_cast<la_int64_t>(content.size()));
    archive_write_header(writer, entry);
    archive_write_data(writer, content.data(), content.size());
    archive_entry_free(entry);
  }
  for (const auto& [name, target] : symlinks) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.c_str());
    archive_entry_set_filetype(entry, AE_IFLNK);
    archive_entry_set_symlink(entry, target.c_str());
    archive_write_header(writer, entry);
    archive_entry_free(entry);
  }
  archive_write_close(writer);
  archive_write_free(writer);
  return out;
}

const std::map<std::string, std::string> kDoubler = {
    {"doubler/problem.yaml",
     "name:\n  en: Doubler\n  fi: Tuplaaja\nkoodikoe:\n  tier: 1\n  track: basics\n"},
    {"doubler/.timelimit", "2\n"},
    {"doubler/problem_statement/problem.en.md", "Print twice the number."},
    {"doubler/problem_statement/problem.fi.md", "Tulosta luku kaksinkertaisena."},
    {"doubler/data/sample/1.in", "2\n"},
    {"doubler/data/sample/1.ans", "4\n"},
    {"doubler/data/secret/1.in", "21\n"},
    {"doubler/data/secret/1.ans", "42\n"},
    {"doubler/data/secret/2.in", "-5\n"},
    {"doubler/data/secret/2.ans", "-10\n"},
    {"doubler/submissions/accepted/double.py", "print(2 * int(input()))\n"},
    {"doubler/submissions/wrong_answer/same.py", "print(int(input()))\n"},
};

// Each test on a fresh server, once with SQLite and once with PostgreSQL.
class AuthoringTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    db_ = NewStoreUrl(GetParam(), dir_.path(), "authoring");
    ASSERT_FALSE(db_.empty());
    StartServer();
  }

  // (Again) on the same store and data directory.
  void StartServer() {
    server_.reset();
    server_ = ServerProcess::Start(
        db_,
        {"--demo", "--workers", "1", "--data", dir_.path() + "/koodikoe-data", "--exercises",
         std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/hello"},
        dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr);
    trainer_ = std::make_unique<Api>(*server_);
    ASSERT_EQ(trainer_->Login("mikko", "mikko-demo").status, 200);
  }

  std::string VersionDir(const std::string& id, int number) {
    return dir_.path() + "/koodikoe-data/exercises/" + id + "/" + std::to_string(number) + "/" + id;
  }

  // Polls the check of `id` until it is no longer running.
  json WaitForCheck(const std::string& id) {
    json check;
    for (int i = 0; i < 1800; ++i) {
      check = trainer_->Get("/api/v1/exercises/" + id + "/check").body;
      if (check.value("status", "") != "running") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return check;
  }

  std::string Download(const std::string& path, int* status = nullptr) {
    auto client = server_->Client();
    auto result = client->Get(path, {{"Authorization", "Bearer " + trainer_->token()}});
    if (status) *status = result ? result->status : 0;
    return result ? result->body : "";
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<Api> trainer_;
};

TEST_P(AuthoringTest, ExportThenImportGivesTheSamePackage) {
  Reply imported = trainer_->PostRaw("/api/v1/exercises/import", Zip(kDoubler), "application/zip");
  ASSERT_EQ(imported.status, 200) << imported.body.dump();
  EXPECT_EQ(imported.body["version"], 1);
  int status = 0;
  std::string zip = Download("/api/v1/exercises/doubler/export", &status);
  ASSERT_EQ(status, 200);
  ASSERT_GT(zip.size(), 100u);
  Reply again = trainer_->PostRaw("/api/v1/exercises/import", zip, "application/zip");
  ASSERT_EQ(again.status, 200) << again.body.dump();
  EXPECT_EQ(again.body["version"], 2);
  EXPECT_EQ(again.body["hash"], imported.body["hash"]) << "the same content, the same hash";
  auto first = web::FileHashes(VersionDir("doubler", 1));
  auto second = web::FileHashes(VersionDir("doubler", 2));
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->size(), kDoubler.size());
  EXPECT_EQ(*first, *second);
  EXPECT_EQ(Download("/api/v1/exercises/doubler/export"), zip) << "export is deterministic";
  std::string hash = imported.body["hash"];
  EXPECT_EQ(Download("/api/v1/exercises/doubler/export?version=" + hash), zip);
  Download("/api/v1/exercises/doubler/export?version=0123", &status);
  EXPECT_EQ(status, 404);
  // A bundled exercise exports too, and reads back as the same files.
  std::string bundled = Download("/api/v1/exercises/hello/export", &status);
  ASSERT_EQ(status, 200);
  TempDir unpacked;
  ASSERT_TRUE(web::UnpackZip(bundled, unpacked.path()));
  EXPECT_EQ(*web::FileHashes(unpacked.path() + "/hello"),
            *web::FileHashes(std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/hello"));
}

// The check as Server-Sent Events: the reconnect hint, progress while it runs, then `done`
// with the whole check, after which the server ends the stream; later streams start at `done`.
TEST_P(AuthoringTest, CheckEventsFollowTheCheckToItsEnd) {
  Reply imported = trainer_->PostRaw("/api/v1/exercises/import", Zip(kDoubler), "application/zip");
  ASSERT_EQ(imported.status, 200) << imported.body.dump();
  auto stream = [&](const std::string& id, int* status) {
    auto client = server_->Client();
    client->set_read_timeout(300, 0);
    std::string body;
    auto result = client->Get("/api/v1/exercises/" + id + "/check/events",
                              {{"Authorization", "Bearer " + trainer_->token()}},
                              [&](const char* data, size_t length) {
                                body.append(data, length);
                                return true;
                              });
    *status = result ? result->status : 0;
    return body;
  };
  int status = 0;
  std::string first = stream("doubler", &status);
  ASSERT_EQ(status, 200);
  ASSERT_EQ(first.rfind("retry: 2000\n\n", 0), 0u) << first;
  size_t done = first.find("event: done\ndata: ");
  ASSERT_NE(done, std::string::npos) << first;
  EXPECT_EQ(first.find("event: done", done + 1), std::string::npos) << "one done, then the end";
  size_t data = done + std::string("event: done\ndata: ").size();
  json check = json::parse(first.substr(data, first.find('\n', data) - data), nullptr, false);
  EXPECT_EQ(check["id"], "doubler") << first;
  EXPECT_EQ(check["version"], 1);
  EXPECT_NE(check.value("status", "running"), "running");
  for (size_t at = first.find("event: progress"); at < done;
       at = first.find("event: progress", at + 1)) {
    EXPECT_NE(first.find("\"status\":\"running\"", at), std::string::npos) << first;
  }
  std::string again = stream("doubler", &status);
  EXPECT_EQ(again.rfind("retry: 2000\n\nevent: done\ndata: ", 0), 0u) << again;
  // A bundled exercise has no check to follow.
  stream("hello", &status);
  EXPECT_EQ(status, 404);
}

TEST_P(AuthoringTest, RefusedUploadsNameTheEntryAndChangeNothing) {
  ASSERT_EQ(trainer_->PostRaw("/api/v1/exercises/import", Zip(kDoubler), "application/zip").status,
            200);
  struct Case {
    const char* what;
    std::string zip;
    const char* expected;
  };
  auto with = [](const std::string& name, const std::string& content) {
    auto files = kDoubler;
    files[name] = content;
    return Zip(files);
  };
  std::vector<Case> cases = {
      {"traversal", with("doubler/../../../evil.txt", "x"), "'doubler/../../../evil.txt'"},
      {"absolute", with("/tmp/evil.txt", "x"), "'/tmp/evil.txt': an absolute path"},
      {"symlink", Zip(kDoubler, {{"doubler/data/secret/3.in", "/etc/shadow"}}), "symbolic link"},
      {"latin-1 statement",
       with("doubler/problem_statement/problem.fi.md", "Tulosta kaksinkertaisena \xE4"),
       "'doubler/problem_statement/problem.fi.md': not UTF-8"},
      {"latin-1 yaml", with("doubler/problem.yaml", "name: Tupl\xE4\xE4j\xE4\n"),
       "'doubler/problem.yaml': not UTF-8"},
      {"bad yaml", with("doubler/problem.yaml", "name: [unclosed\n"), "problem.yaml"},
      {"not a zip", "PK but not really", "not a .zip"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.what);
    Reply reply = trainer_->PostRaw("/api/v1/exercises/import", c.zip, "application/zip");
    EXPECT_EQ(reply.status, 400) << reply.body.dump();
    EXPECT_EQ(reply.body["error"], "invalid_package");
    EXPECT_NE(reply.body["message"].get<std::string>().find(c.expected), std::string::npos)
        << reply.body["message"];
  }
  Reply versions = trainer_->Get("/api/v1/exercises/doubler/versions");
  ASSERT_EQ(versions.status, 200);
  EXPECT_EQ(versions.body["versions"].size(), 1u) << versions.body.dump();
  EXPECT_EQ(trainer_->Get("/api/v1/exercises/doubler").body["statement"]["fi"],
            "Tulosta luku kaksinkertaisena.");
  EXPECT_FALSE(fs::exists("/tmp/evil.txt"));
  EXPECT_TRUE(fs::is_empty(dir_.path() + "/koodikoe-data/exercises/.incoming"));
}

TEST_P(AuthoringTest, AuthoredExerciseIsCheckedAndOnlyAPassingOneIsPublished) {
  json form = {
      {"id", "tripler"},
      {"titles", {{"fi", "Kolminkertaistaja"}, {"en", "Tripler"}}},
      {"statement", {{"fi", "Tulosta luku kolminkertaisena."}, {"en", "Print three times n."}}},
      {"kind", "batch"},
      {"tier", 1},
      {"track", "basics"},
      {"skills", {"arithmetic"}},
      {"time_limit", 1},
      {"memory_limit_mib", 256},
      {"checker", {{"type", "default"}, {"float_tolerance", nullptr}}},
      {"files",
       {{"data/sample/1.in", "2\n"},
        {"data/sample/1.ans", "6\n"},
        {"data/secret/1.in", "7\n"},
        {"data/secret/1.ans", "21\n"},
        {"submissions/accepted/triple.py", "print(3 * int(input()))\n"},
        {"submissions/wrong_answer/double.py", "print(2 * int(input()))\n"}}}};
  Reply created = trainer_->Post("/api/v1/exercises", form);
  ASSERT_EQ(created.status, 200) << created.body.dump();
  EXPECT_EQ(created.body["version"], 1);
  json check = WaitForCheck("tripler");
  EXPECT_EQ(check["status"], "passed") << check.dump();
  EXPECT_EQ(check["done"], check["total"]);
  EXPECT_EQ(check["total"], 3) << "input validation and two submissions";

  Reply source = trainer_->Get("/api/v1/exercises/tripler/source");
  ASSERT_EQ(source.status, 200);
  EXPECT_EQ(source.body["titles"]["fi"], "Kolminkertaistaja");
  EXPECT_EQ(source.body["statement"]["fi"], "Tulosta luku kolminkertaisena.");
  EXPECT_EQ(source.body["tier"], 1);
  EXPECT_EQ(source.body["time_limit"], 1);
  EXPECT_EQ(source.body["editable"], true);

  Reply workshop =
      trainer_->Post("/api/v1/workshops", {{"title", "Tiistai"}, {"exercises", {"hello"}}});
  ASSERT_EQ(workshop.status, 200);
  std::string workshop_path = "/api/v1/workshops/" + std::to_string(workshop.body["id"].get<int>());
  Reply published = trainer_->Post(workshop_path + "/exercises", {{"exercise", "tripler"}});
  EXPECT_EQ(published.status, 200) << published.body.dump();
  EXPECT_EQ(published.body["added"], true);

  // A broken edit: the accepted solution is now wrong. It is stored (as version 2), fails its
  // check, and cannot be published.
  Reply edited =
      trainer_->Put("/api/v1/exercises/tripler/source",
                    {{"base_version", 1},
                     {"statement", {{"fi", "Tulosta luku kolme kertaa."}}},
                     {"files", {{"submissions/accepted/triple.py", "print(4 * int(input()))\n"}}}});
  ASSERT_EQ(edited.status, 200) << edited.body.dump();
  EXPECT_EQ(edited.body["version"], 2);
  Reply stale = trainer_->Put("/api/v1/exercises/tripler/source",
                              {{"base_version", 1}, {"statement", {{"fi", "x"}}}});
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.body["error"], "stale_version");
  check = WaitForCheck("tripler");
  EXPECT_EQ(check["status"], "failed");
  EXPECT_NE(check["output"].get<std::string>().find("MISMATCH"), std::string::npos) << check.dump();
  Reply refused = trainer_->Post("/api/v1/workshops",
                                 {{"title", "Keskiviikko"}, {"exercises", {"hello", "tripler"}}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.body["error"], "not_validated");
  EXPECT_NE(refused.body["message"].get<std::string>().find("failed the check"), std::string::npos);
  EXPECT_EQ(trainer_->Post(workshop_path + "/exercises", {{"exercise", "tripler"}}).status, 409);
  // The first version is unchanged on disk.
  EXPECT_EQ(trainer_->Get("/api/v1/exercises/tripler/versions").body["versions"].size(), 2u);

  // Bundled exercises are read-only, but can be copied and then edited.
  EXPECT_EQ(trainer_->Put("/api/v1/exercises/hello/source", {{"statement", {{"fi", "x"}}}}).status,
            409);
  Reply copied = trainer_->Post("/api/v1/exercises/hello/copy", {{"new_id", "hello-copy"}});
  EXPECT_EQ(copied.status, 200) << copied.body.dump();
  Api candidate(*server_);
  ASSERT_EQ(candidate.Login("aino", "aino-demo").status, 200);
  EXPECT_EQ(candidate.Get("/api/v1/exercises/tripler/source").status, 403);
  EXPECT_EQ(candidate.Post("/api/v1/exercises", form).status, 403);
}

TEST_P(AuthoringTest, SubmissionsKeepTheirVersionUntilRejudged) {
  ASSERT_EQ(trainer_->PostRaw("/api/v1/exercises/import", Zip(kDoubler), "application/zip").status,
            200);
  ASSERT_EQ(WaitForCheck("doubler")["status"], "passed");
  Api candidate(*server_);
  ASSERT_EQ(candidate.Login("aino", "aino-demo").status, 200);
  Reply submitted = candidate.Post(
      "/api/v1/submissions",
      {{"exercise", "doubler"}, {"language", "python"}, {"source", "print(2 * int(input()))\n"}});
  ASSERT_EQ(submitted.status, 202);
  int64_t id = submitted.body["id"];
  json first = candidate.WaitDone(id, 120);
  EXPECT_EQ(first["verdict"], "accepted");
  std::string v1 = first["exercise_version"];
  EXPECT_EQ(v1.size(), 64u);
  // A failing one, for the analytics.
  Reply wrong = candidate.Post(
      "/api/v1/submissions",
      {{"exercise", "doubler"}, {"language", "python"}, {"source", "print(int(input()) + 2)\n"}});
  ASSERT_EQ(wrong.status, 202);
  EXPECT_EQ(candidate.WaitDone(wrong.body["id"], 120)["verdict"], "wrong_answer");

  // Version 2 changes an answer (and its accepted solution, so that it passes its check and
  // becomes current): the old submission keeps version 1 and its verdict.
  Reply edited = trainer_->Put(
      "/api/v1/exercises/doubler/source",
      {{"files",
        {{"data/secret/3.in", "0\n"},
         {"data/secret/3.ans", "1\n"},
         {"submissions/accepted/double.py", "n = int(input())\nprint(2 * n if n else 1)\n"}}}});
  ASSERT_EQ(edited.status, 200) << edited.body.dump();
  std::string v2 = edited.body["hash"];
  EXPECT_NE(v1, v2);
  ASSERT_EQ(WaitForCheck("doubler")["status"], "passed");
  json kept = candidate.Get("/api/v1/submissions/" + std::to_string(id)).body;
  EXPECT_EQ(kept["exercise_version"], v1);
  EXPECT_EQ(kept["verdict"], "accepted");

  // Rejudging one submission is one action; it is then judged on version 2.
  Reply rejudge = trainer_->Post("/api/v1/exercises/doubler/rejudge", {{"submission", id}});
  ASSERT_EQ(rejudge.status, 200) << rejudge.body.dump();
  EXPECT_EQ(rejudge.body["queued"], 1);
  json again = candidate.WaitDone(id, 120);
  EXPECT_EQ(again["exercise_version"], v2);
  EXPECT_EQ(again["verdict"], "wrong_answer");
  // The whole exercise, with progress.
  Reply all = trainer_->Post("/api/v1/exercises/doubler/rejudge", json::object());
  ASSERT_EQ(all.status, 200);
  EXPECT_EQ(all.body["queued"], 2);
  json progress;
  for (int i = 0; i < 1200; ++i) {
    progress = trainer_->Get("/api/v1/exercises/doubler/rejudge").body;
    if (progress["pending"] == 0) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(progress["total"], 2);
  EXPECT_EQ(progress["on_current_version"], 2);

  Reply analytics = trainer_->Get("/api/v1/exercises/doubler/analytics");
  ASSERT_EQ(analytics.status, 200);
  EXPECT_EQ(analytics.body["attempts"], 2);
  EXPECT_EQ(analytics.body["acceptance_rate"], 0);
  EXPECT_EQ(analytics.body["languages"][0]["language"], "python");
  ASSERT_FALSE(analytics.body["failing_tests"].empty());
  EXPECT_EQ(analytics.body["failing_tests"][0]["verdict"], "wrong_answer");
  int status = 0;
  std::string csv = Download("/api/v1/exercises/doubler/analytics?format=csv", &status);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(csv.rfind("submission,created_at,language,verdict", 0), 0u) << csv;
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 3);
}

// Issue 14: only an exercise's owners (its author, trainers an owner adds; admins always)
// change it: another trainer importing the same id, editing, rechecking, rejudging or
// publishing it gets 403 naming the owners, and may copy it instead.
TEST_P(AuthoringTest, Issue14OnlyOwnersChangeAnExercise) {
  ASSERT_EQ(trainer_->PostRaw("/api/v1/exercises/import", Zip(kDoubler), "application/zip").status,
            200);
  ASSERT_EQ(WaitForCheck("doubler")["status"], "passed");
  Api admin(*server_);
  ASSERT_EQ(admin.Login("admin", "admin-demo").status, 200);
  ASSERT_EQ(admin
                .Post("/api/v1/users",
                      {{"username", "liisa"}, {"password", "liisa-password"}, {"role", "trainer"}})
                .status,
            200);
  Api liisa(*server_);
  ASSERT_EQ(liisa.Login("liisa", "liisa-password").status, 200);

  Reply over = liisa.PostRaw("/api/v1/exercises/import", Zip(kDoubler), "application/zip");
  EXPECT_EQ(over.status, 403) << over.body.dump();
  EXPECT_EQ(over.body.value("error", ""), "not_owner");
  EXPECT_NE(over.body.value("message", "").find("mikko"), std::string::npos);
  EXPECT_EQ(trainer_->Get("/api/v1/exercises/doubler/versions").body["versions"].size(), 1u)
      << "a refused import leaves no version behind";
  Reply workshop =
      liisa.Post("/api/v1/workshops", {{"title", "Liisan paja"}, {"exercises", {"hello"}}});
  ASSERT_EQ(workshop.status, 200) << workshop.body.dump();
  std::string room = std::to_string(workshop.body["id"].get<int64_t>());
  struct Attempt {
    std::string method, path;
    json body;
  };
  for (const Attempt& attempt : std::vector<Attempt>{
           {"PUT", "/api/v1/exercises/doubler/source", {{"statement", {{"en", "Mine now."}}}}},
           {"POST", "/api/v1/exercises/doubler/check", json::object()},
           {"POST", "/api/v1/exercises/doubler/rejudge", json::object()},
           {"POST", "/api/v1/exercises/doubler/owners", {{"username", "liisa"}}},
           {"POST", "/api/v1/workshops/" + room + "/exercises", {{"exercise", "doubler"}}},
           {"POST", "/api/v1/exercises/hello/rejudge", json::object()}}) {
    Reply reply = attempt.method == "PUT" ? liisa.Put(attempt.path, attempt.body)
                                          : liisa.Post(attempt.path, attempt.body);
    EXPECT_EQ(reply.status, 403) << attempt.method << " " << attempt.path << reply.body.dump();
  }
  EXPECT_EQ(liisa.Post("/api/v1/exercises/doubler/copy", {{"new_id", "doubler-liisa"}}).status,
            200);

  // The owner adds her; then she may.
  Reply added = trainer_->Post("/api/v1/exercises/doubler/owners", {{"username", "liisa"}});
  ASSERT_EQ(added.status, 200) << added.body.dump();
  EXPECT_EQ(added.body["owners"], json::array({"mikko", "liisa"}));
  EXPECT_EQ(trainer_->Post("/api/v1/exercises/doubler/owners", {{"username", "aino"}}).status, 400)
      << "only trainers own exercises";
  Reply edited = liisa.Put("/api/v1/exercises/doubler/source", {{"statement", {{"en", "Ours."}}}});
  EXPECT_EQ(edited.status, 200) << edited.body.dump();
  EXPECT_EQ(admin.Post("/api/v1/exercises/doubler/rejudge", json::object()).status, 200)
      << "admins always may";
}

// Issue 14: a version that has not passed its check is never what candidates see. An import
// over the exercise and an edit that both fail their checks leave candidates with the last
// version that passed, also after a restart; a fixed edit replaces it once its check passes.
TEST_P(AuthoringTest, Issue14CandidatesKeepTheLastCheckedVersion) {
  ASSERT_EQ(trainer_->PostRaw("/api/v1/exercises/import", Zip(kDoubler), "application/zip").status,
            200);
  ASSERT_EQ(WaitForCheck("doubler")["status"], "passed");
  std::string v1 = trainer_->Get("/api/v1/exercises/doubler/versions").body["current_hash"];
  auto candidate = [&] {
    auto api = std::make_unique<Api>(*server_);
    EXPECT_EQ(api->Login("aino", "aino-demo").status, 200);
    return api;
  };
  auto statement = [](Api& api) {
    return api.Get("/api/v1/exercises/doubler").body["statement"].value("en", "");
  };
  auto aino = candidate();
  EXPECT_EQ(statement(*aino), "Print twice the number.");

  std::map<std::string, std::string> broken = kDoubler;
  broken["doubler/problem_statement/problem.en.md"] = "BROKEN: print the number.";
  broken["doubler/data/secret/1.ans"] = "21\n";
  Reply imported = trainer_->PostRaw("/api/v1/exercises/import", Zip(broken), "application/zip");
  ASSERT_EQ(imported.status, 200) << imported.body.dump();
  EXPECT_EQ(imported.body["version"], 2);
  EXPECT_EQ(statement(*aino), "Print twice the number.") << "not while the check runs";
  EXPECT_EQ(WaitForCheck("doubler")["status"], "failed");
  EXPECT_EQ(statement(*aino), "Print twice the number.");
  // The trainer edits the newest version; the edit fails its check too.
  Reply source = trainer_->Get("/api/v1/exercises/doubler/source");
  EXPECT_EQ(source.body["version"], 2);
  EXPECT_EQ(source.body["statement"]["en"], "BROKEN: print the number.");
  Reply edited = trainer_->Put("/api/v1/exercises/doubler/source",
                               {{"base_version", 2}, {"statement", {{"en", "STILL BROKEN."}}}});
  ASSERT_EQ(edited.status, 200) << edited.body.dump();
  EXPECT_EQ(WaitForCheck("doubler")["status"], "failed");
  EXPECT_EQ(statement(*aino), "Print twice the number.");
  Reply submitted = aino->Post(
      "/api/v1/submissions",
      {{"exercise", "doubler"}, {"language", "python"}, {"source", "print(2 * int(input()))\n"}});
  ASSERT_EQ(submitted.status, 202) << submitted.body.dump();
  json judged = aino->WaitDone(submitted.body["id"], 120);
  EXPECT_EQ(judged["verdict"], "accepted") << judged.dump();
  EXPECT_EQ(judged["exercise_version"], v1) << "judged on the checked version";

  StartServer();
  aino = candidate();
  EXPECT_EQ(statement(*aino), "Print twice the number.") << "after a restart too";
  EXPECT_EQ(trainer_->Get("/api/v1/exercises/doubler/versions").body["current_hash"], v1);

  // Fixed: once its check passes, candidates see it.
  Reply fixed = trainer_->Put("/api/v1/exercises/doubler/source",
                              {{"base_version", 3},
                               {"statement", {{"en", "Print the number doubled."}}},
                               {"files", {{"data/secret/1.ans", "42\n"}}}});
  ASSERT_EQ(fixed.status, 200) << fixed.body.dump();
  ASSERT_EQ(WaitForCheck("doubler")["status"], "passed");
  EXPECT_EQ(statement(*aino), "Print the number doubled.");
}

// The list is encoded once per catalogue change and language; each caller still gets their own
// status, and a new checked version shows at once.
TEST_P(AuthoringTest, Issue18TheCachedListFollowsEveryChangeAndCaller) {
  auto row_of = [](Api& api, const std::string& id) {
    Reply list = api.Get("/api/v1/exercises");
    EXPECT_EQ(list.status, 200);
    for (const auto& row : list.body) {
      if (row["id"] == id) return row;
    }
    return json();
  };
  Api aino(*server_);
  ASSERT_EQ(aino.Login("aino", "aino-demo").status, 200);
  ASSERT_TRUE(row_of(aino, "doubler").is_null()) << "the list is encoded before the import";

  ASSERT_EQ(trainer_->PostRaw("/api/v1/exercises/import", Zip(kDoubler), "application/zip").status,
            200);
  ASSERT_EQ(WaitForCheck("doubler")["status"], "passed");
  json row = row_of(aino, "doubler");
  ASSERT_FALSE(row.is_null()) << "a checked import shows in the list at once";
  EXPECT_EQ(row["version"], 1);
  EXPECT_EQ(row["status"], "new");
  EXPECT_EQ(row["titles"]["fi"], "Tuplaaja");

  Reply submitted = aino.Post(
      "/api/v1/submissions",
      {{"exercise", "doubler"}, {"language", "python"}, {"source", "print(2 * int(input()))\n"}});
  ASSERT_EQ(submitted.status, 202) << submitted.body.dump();
  ASSERT_EQ(aino.WaitDone(submitted.body["id"], 120)["verdict"], "accepted");
  EXPECT_EQ(row_of(aino, "doubler")["status"], "solved");
  Api yusuf(*server_);
  ASSERT_EQ(yusuf.Login("yusuf", "yusuf-demo").status, 200);
  EXPECT_EQ(row_of(yusuf, "doubler")["status"], "new") << "the status is the caller's own";

  Reply edited =
      trainer_->Put("/api/v1/exercises/doubler/source",
                    {{"base_version", 1}, {"titles", {{"en", "Doubler"}, {"fi", "Tuplaus"}}}});
  ASSERT_EQ(edited.status, 200) << edited.body.dump();
  ASSERT_EQ(WaitForCheck("doubler")["status"], "passed");
  row = row_of(aino, "doubler");
  EXPECT_EQ(row["version"], 2) << row.dump();
  EXPECT_EQ(row["titles"]["fi"], "Tuplaus");
  EXPECT_EQ(row["status"], "solved");
}

TEST_P(AuthoringTest, ExerciseSetsAreClonedAndEdited) {
  Reply sets = trainer_->Get("/api/v1/exercise-sets");
  ASSERT_EQ(sets.status, 200);
  json basics;
  for (const auto& set : sets.body) {
    if (set["id"] == "track-basics") basics = set;
  }
  ASSERT_TRUE(basics.is_object()) << sets.body.dump();
  EXPECT_EQ(basics["editable"], false);
  ASSERT_GE(basics["items"].size(), 2u);
  int previous = 0;
  for (const auto& item : basics["items"]) {  // a track is ordered by tier
    EXPECT_GE(item["tier"].get<int>(), previous);
    previous = item["tier"];
  }
  EXPECT_EQ(trainer_->Put("/api/v1/exercise-sets/track-basics", {{"title", "x"}}).status, 409);

  Reply copy = trainer_->Post("/api/v1/exercise-sets/track-basics/copy",
                              {{"new_id", "monday"}, {"title", "Maanantai"}});
  ASSERT_EQ(copy.status, 200) << copy.body.dump();
  EXPECT_EQ(copy.body["editable"], true);
  EXPECT_EQ(copy.body["items"], basics["items"]);
  EXPECT_EQ(
      trainer_->Post("/api/v1/exercise-sets/track-basics/copy", {{"new_id", "monday"}}).status,
      409);

  std::string first = basics["items"][0]["exercise"];
  std::string second = basics["items"][1]["exercise"];
  Reply edited =
      trainer_->Put("/api/v1/exercise-sets/monday",
                    {{"items", {{{"exercise", second}, {"tier", 3}}, {{"exercise", first}}}}});
  ASSERT_EQ(edited.status, 200) << edited.body.dump();
  Reply got = trainer_->Get("/api/v1/exercise-sets/monday");
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.body["title"], "Maanantai");
  ASSERT_EQ(got.body["items"].size(), 2u);
  EXPECT_EQ(got.body["items"][0]["exercise"], second);
  EXPECT_EQ(got.body["items"][0]["tier"], 3);
  EXPECT_EQ(got.body["items"][1]["exercise"], first);
  EXPECT_EQ(got.body["items"][1]["tier"], basics["items"][0]["tier"]) << "the exercise's own tier";

  Reply unknown = trainer_->Put("/api/v1/exercise-sets/monday",
                                {{"items", {{{"exercise", "no-such-exercise"}}}}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_NE(unknown.body["message"].get<std::string>().find("no-such-exercise"), std::string::npos);
  Reply bad_tier = trainer_->Put("/api/v1/exercise-sets/monday",
                                 {{"items", {{{"exercise", first}, {"tier", 9}}}}});
  EXPECT_EQ(bad_tier.status, 400);
  EXPECT_EQ(trainer_->Get("/api/v1/exercise-sets/monday").body["items"].size(), 2u)
      << "a refused edit changes nothing";
  Api candidate(*server_);
  ASSERT_EQ(candidate.Login("aino", "aino-demo").status, 200);
  EXPECT_EQ(candidate.Get("/api/v1/exercise-sets").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Stores, AuthoringTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
