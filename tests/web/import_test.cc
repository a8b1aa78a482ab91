// Importing exercise packages as .zip uploads (real package reader; the background check runs
// `koodikoe exercise check` with the real judge).
#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <map>
#include <thread>

#include "server_fixture.h"

namespace web_test {
namespace {

std::string MakeZip(const std::map<std::string, std::string>& files) {
  std::vector<char> buffer(4u << 20);
  size_t used = 0;
  struct archive* writer = archive_write_new();
  archive_write_set_format_zip(writer);
  archive_write_open_memory(writer, buffer.data(), buffer.size(), &used);
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
  archive_write_close(writer);
  archive_write_free(writer);
  return std::string(buffer.data(), used);
}

const std::map<std::string, std::string> kDoubler = {
    {"doubler/problem.yaml",
     "name: Doubler\nkoodikoe:\n  tier: 1\n  track: basics\n  skills: [arithmetic]\n"},
    {"doubler/.timelimit", "2\n"},
    {"doubler/problem_statement/problem.en.md", "Print twice the number."},
    {"doubler/problem_statement/problem.fi.md", "Tulosta luku kaksinkertaisena."},
    {"doubler/data/sample/1.in", "2\n"},
    {"doubler/data/sample/1.ans", "4\n"},
    {"doubler/data/secret/1.in", "21\n"},
    {"doubler/data/secret/1.ans", "42\n"},
    {"doubler/submissions/accepted/double.py", "print(2 * int(input()))\n"},
    {"doubler/submissions/wrong_answer/same.py", "print(int(input()))\n"},
};

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = ServerProcess::Start(dir_.path() + "/import.db",
                                   {"--demo", "--workers", "1", "--exercises",
                                    std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/hello"},
                                   dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr);
    trainer_ = std::make_unique<Api>(*server_);
    ASSERT_EQ(trainer_->Login("mikko", "mikko-demo").status, 200);
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<Api> trainer_;
};

TEST_F(ImportTest, AZipBecomesAnExerciseAndIsChecked) {
  Reply imported =
      trainer_->PostRaw("/api/v1/exercises/import", MakeZip(kDoubler), "application/zip");
  ASSERT_EQ(imported.status, 200) << imported.body.dump();
  EXPECT_EQ(imported.body["id"], "doubler");
  EXPECT_EQ(imported.body["check"]["status"], "running");

  Api candidate(*server_);
  ASSERT_EQ(candidate.Login("aino", "aino-demo").status, 200);
  Reply exercise = candidate.Get("/api/v1/exercises/doubler");
  ASSERT_EQ(exercise.status, 200);
  EXPECT_EQ(exercise.body["statement"]["fi"], "Tulosta luku kaksinkertaisena.");
  EXPECT_EQ(exercise.body["samples"].size(), 1u);

  json check;
  for (int i = 0; i < 1200; ++i) {
    check = trainer_->Get("/api/v1/exercises/doubler/check").body;
    if (check.value("status", "") != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(check["status"], "passed") << check.dump();
  EXPECT_EQ(candidate.Get("/api/v1/exercises/doubler/check").status, 403);

  // Survives a restart: imports live in the data directory.
  server_.reset();
  server_ = ServerProcess::Start(dir_.path() + "/import.db", {"--workers", "1"},
                                 dir_.path() + "/server.log");
  ASSERT_NE(server_, nullptr);
  Api again(*server_);
  ASSERT_EQ(again.Login("aino", "aino-demo").status, 200);
  EXPECT_EQ(again.Get("/api/v1/exercises/doubler").status, 200);
}

TEST_F(ImportTest, BadUploadsAreRefusedWithReasons) {
  Reply not_zip = trainer_->PostRaw("/api/v1/exercises/import", "hello", "application/zip");
  EXPECT_EQ(not_zip.status, 400);
  EXPECT_EQ(not_zip.body["error"], "invalid_package");
  Reply escape =
      trainer_->PostRaw("/api/v1/exercises/import",
                        MakeZip({{"../evil/problem.yaml", "name: Evil\n"}}), "application/zip");
  EXPECT_EQ(escape.status, 400);
  EXPECT_NE(escape.body["message"].get<std::string>().find("unsafe"), std::string::npos);
  Reply empty = trainer_->PostRaw("/api/v1/exercises/import", MakeZip({{"readme.txt", "nothing"}}),
                                  "application/zip");
  EXPECT_EQ(empty.status, 400);
  EXPECT_NE(empty.body["message"].get<std::string>().find("problem.yaml"), std::string::npos);
  Reply bundled = trainer_->PostRaw("/api/v1/exercises/import",
                                    MakeZip({{"hello/problem.yaml", "name: Hello again\n"},
                                             {"hello/data/sample/1.in", ""},
                                             {"hello/data/sample/1.ans", "x\n"}}),
                                    "application/zip");
  EXPECT_EQ(bundled.status, 409) << bundled.body.dump();

  Api candidate(*server_);
  ASSERT_EQ(candidate.Login("aino", "aino-demo").status, 200);
  EXPECT_EQ(
      candidate.PostRaw("/api/v1/exercises/import", MakeZip(kDoubler), "application/zip").status,
      403);
}

}  // namespace
}  // namespace web_test
