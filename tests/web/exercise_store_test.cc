// The exercise store's archive handling: every unsafe upload is refused with the entry named,
// export is deterministic and round-trips, versions never change once written.
#include "authoring/exercise_store.h"

#include <archive.h>
#include <archive_entry.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "koodikoe/files.h"
#include "server_fixture.h"

namespace web_test {
namespace {

namespace fs = std::filesystem;

struct ZipEntry {
  ZipEntry(std::string name_, std::string content_, int type_ = AE_IFREG, std::string link_ = "")
      : name(std::move(name_)), content(std::move(content_)), type(type_), link(std::move(link_)) {}
  std::string name;
  std::string content;
  int type;
  std::string link;  // symlink target or hard link source
};

std::string BuildZip(const std::vector<ZipEntry>& entries) {
  std::string out;
  struct archive* writer = archive_write_new();
  archive_write_set_format_zip(writer);
  auto append = [](struct archive*, void* data, const void* buffer, size_t size) -> la_ssize_t {
    static_cast<std::string*>(data)->append(static_cast<const char*>(buffer), size);
    return static_cast<la_ssize_t>(size);
  };
  archive_write_open2(writer, &out, nullptr, append, nullptr, nullptr);
  for (const auto& e : entries) {
    struct archive_entry* entry = archive_entry_new();
    archive_entry_set_pathname(entry, e.name.c_str());
    archive_entry_set_filetype(entry, static_cast<unsigned>(e.type));
    archive_entry_set_perm(entry, 0644);
    if (e.type == AE_IFLNK) archive_entry_set_symlink(entry, e.link.c_str());
    if (e.type == AE_IFREG && !e.link.empty()) archive_entry_set_hardlink(entry, e.link.c_str());
    archive_entry_set_size(entry,
                           e.type == AE_IFREG ? static_cast<la_int64_t>(e.content.size()) : 0);
    archive_write_header(writer, entry);
    if (e.type == AE_IFREG && !e.content.empty()) {
      archive_write_data(writer, e.content.data(), e.content.size());
    }
    archive_entry_free(entry);
  }
  archive_write_close(writer);
  archive_write_free(writer);
  return out;
}

const std::vector<ZipEntry> kGood = {
    {"sq/problem.yaml", "name: Square\n"},
    {"sq/problem_statement/problem.fi.md", "Tulosta luvun neliö.\n"},
    {"sq/data/sample/1.in", "3\n"},
    {"sq/data/sample/1.ans", "9\n"},
};

std::string Refusal(const std::vector<ZipEntry>& entries, const web::UploadLimits& limits = {}) {
  TempDir dir;
  auto result = web::UnpackZip(BuildZip(entries), dir.path(), limits);
  if (result) return "";
  EXPECT_EQ(result.error().code, koodikoe::ErrorCode::kInvalidArgument) << result.error().context;
  return result.error().context;
}

TEST(UnpackZipTest, AGoodPackageUnpacks) {
  TempDir dir;
  ASSERT_TRUE(web::UnpackZip(BuildZip(kGood), dir.path()));
  EXPECT_EQ(*koodikoe::ReadFile(dir.path() + "/sq/data/sample/1.ans"), "9\n");
}

TEST(UnpackZipTest, PathTraversalIsRefusedNamingTheEntry) {
  std::string why = Refusal({kGood[0], {"sq/../../escape.txt", "x"}});
  EXPECT_NE(why.find("'sq/../../escape.txt'"), std::string::npos) << why;
  EXPECT_NE(why.find("unsafe path"), std::string::npos) << why;
}

TEST(UnpackZipTest, AbsolutePathsAreRefused) {
  std::string why = Refusal({{"/etc/koodikoe-owned", "x"}});
  EXPECT_NE(why.find("'/etc/koodikoe-owned'"), std::string::npos) << why;
  EXPECT_NE(why.find("absolute path"), std::string::npos) << why;
  EXPECT_NE(Refusal({{"C:/windows/x.txt", "x"}}).find("unsafe path"), std::string::npos);
}

TEST(UnpackZipTest, SymbolicLinksAreRefused) {
  std::string why = Refusal({kGood[0], {"sq/data/secret/1.in", "", AE_IFLNK, "/etc/shadow"}});
  EXPECT_NE(why.find("'sq/data/secret/1.in'"), std::string::npos) << why;
  EXPECT_NE(why.find("symbolic link"), std::string::npos) << why;
  // A link to a folder, then a file "through" it: refused at the link, nothing written outside.
  std::string through = Refusal({{"sq/data", "", AE_IFLNK, "/tmp"}, {"sq/data/x.in", "x"}});
  EXPECT_NE(through.find("'sq/data': a symbolic link"), std::string::npos) << through;
}

TEST(UnpackZipTest, OversizedFilesAreRefused) {
  web::UploadLimits limits;
  limits.max_file_bytes = 1 << 20;
  std::string big(2 << 20, 'x');
  for (size_t i = 0; i < big.size(); i += 7) big[i] = static_cast<char>('a' + i % 26);
  std::string why = Refusal({kGood[0], {"sq/data/secret/huge.in", big}}, limits);
  EXPECT_NE(why.find("'sq/data/secret/huge.in'"), std::string::npos) << why;
  EXPECT_NE(why.find("at most 1 MiB"), std::string::npos) << why;
}

TEST(UnpackZipTest, TotalSizeIsCapped) {
  web::UploadLimits limits;
  limits.max_total_bytes = 1 << 20;
  limits.max_ratio = 1u << 30;
  std::string part(400 << 10, 'y');
  std::string why = Refusal({{"sq/a.in", part}, {"sq/b.in", part}, {"sq/c.in", part}}, limits);
  EXPECT_NE(why.find("'sq/c.in'"), std::string::npos) << why;
  EXPECT_NE(why.find("more than 1 MiB in all"), std::string::npos) << why;
}

TEST(UnpackZipTest, ZipBombsAreStoppedByTheCompressionRatio) {
  web::UploadLimits limits;
  limits.ratio_floor_bytes = 1 << 20;
  limits.max_ratio = 100;
  std::string zeros(16 << 20, '\0');
  std::string zip = BuildZip({{"sq/bomb.in", zeros}});
  ASSERT_LT(zip.size(), zeros.size() / 100) << "the test zip should compress well";
  TempDir dir;
  auto result = web::UnpackZip(zip, dir.path(), limits);
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().context.find("'sq/bomb.in'"), std::string::npos);
  EXPECT_NE(result.error().context.find("zip bomb"), std::string::npos) << result.error().context;
  // It stopped early: far less than the whole bomb was written.
  EXPECT_LT(fs::file_size(dir.path() + "/sq/bomb.in"), 4u << 20);
}

TEST(UnpackZipTest, TextFilesMustBeUtf8) {
  std::string why =
      Refusal({kGood[0], {"sq/problem_statement/problem.fi.md", "Tulosta luvun neli\xF6.\n"}});
  EXPECT_NE(why.find("'sq/problem_statement/problem.fi.md'"), std::string::npos) << why;
  EXPECT_NE(why.find("not UTF-8"), std::string::npos) << why;
  EXPECT_NE(why.find("0xF6 at offset 18"), std::string::npos) << why;
  std::string yaml = Refusal({{"sq/problem.yaml", "name: N\xE4kym\xE4\n"}});
  EXPECT_NE(yaml.find("'sq/problem.yaml'"), std::string::npos) << yaml;
  // Test data may be any bytes.
  TempDir dir;
  EXPECT_TRUE(
      web::UnpackZip(BuildZip({kGood[0], {"sq/data/secret/1.in", "\xFF\xFE"}}), dir.path()));
}

TEST(UnpackZipTest, NotAZipAndDuplicatesAreRefused) {
  TempDir dir;
  auto result = web::UnpackZip("this is not a zip", dir.path());
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().context.find("not a .zip"), std::string::npos);
  std::string why = Refusal({kGood[0], kGood[0]});
  EXPECT_NE(why.find("twice"), std::string::npos) << why;
}

TEST(ValidUtf8Test, AcceptsTextAndRejectsBadSequences) {
  EXPECT_TRUE(web::ValidUtf8("hyvää päivää €𝄞"));
  size_t at = 0;
  EXPECT_FALSE(web::ValidUtf8("ab\xC3", &at));  // cut short
  EXPECT_EQ(at, 2u);
  EXPECT_FALSE(web::ValidUtf8("\xC0\x80"));      // overlong
  EXPECT_FALSE(web::ValidUtf8("\xED\xA0\x80"));  // a surrogate
}

std::string Source(const std::string& relative) {
  return std::string(KOODIKOE_SOURCE_DIR) + "/" + relative;
}

TEST(ExportZipTest, RoundTripGivesTheSameFilesAndHashes) {
  for (const char* package :
       {"tests/packages/hello", "tests/packages/groups", "tests/packages/guess"}) {
    SCOPED_TRACE(package);
    auto zip = web::ExportZip(Source(package));
    ASSERT_TRUE(zip) << zip.error().Describe();
    TempDir dir;
    ASSERT_TRUE(web::UnpackZip(*zip, dir.path()));
    std::string name = fs::path(package).filename().string();
    auto original = web::FileHashes(Source(package));
    auto unpacked = web::FileHashes(dir.path() + "/" + name);
    ASSERT_TRUE(original && unpacked);
    EXPECT_FALSE(original->empty());
    EXPECT_EQ(*original, *unpacked);
    EXPECT_EQ(*web::ContentHash(Source(package)), *web::ContentHash(dir.path() + "/" + name));
    // Deterministic: the same package gives the same bytes.
    EXPECT_EQ(*zip, *web::ExportZip(dir.path() + "/" + name));
  }
}

TEST(ExerciseStoreTest, VersionsAreCopiesAndOldOnesNeverChange) {
  TempDir dir;
  web::ExerciseStore store(dir.path() + "/store", "/bin/false");
  auto first = store.ImportDirectory(Source("tests/packages/hello"), "mikko");
  ASSERT_TRUE(first) << first.error().Describe();
  EXPECT_EQ(first->id, "hello");
  EXPECT_EQ(first->number, 1);
  auto before = web::FileHashes(first->package_dir);
  auto second = store.SaveVersion(
      "hello", first->package_dir, "mikko", "edit", [](const std::string& package) {
        return web::ExerciseStore::WriteInto(package, "problem_statement/problem.fi.md",
                                             "Uusi teksti\n");
      });
  ASSERT_TRUE(second) << second.error().Describe();
  EXPECT_EQ(second->number, 2);
  EXPECT_NE(second->hash, first->hash);
  EXPECT_EQ(*web::FileHashes(first->package_dir), *before) << "version 1 changed";
  EXPECT_EQ(*koodikoe::ReadFile(second->package_dir + "/problem_statement/problem.fi.md"),
            "Uusi teksti\n");
  // An edit that breaks the package stores nothing.
  auto broken = store.SaveVersion(
      "hello", second->package_dir, "mikko", "edit", [](const std::string& package) {
        return web::ExerciseStore::WriteInto(package, "problem.yaml", "name: [unclosed\n");
      });
  EXPECT_FALSE(broken);
  EXPECT_EQ(broken.error().code, koodikoe::ErrorCode::kInvalidArgument);
  EXPECT_EQ(store.Versions("hello").size(), 2u);
  EXPECT_TRUE(fs::is_empty(dir.path() + "/store/.incoming"));
  // Unsafe names never reach the file system.
  EXPECT_FALSE(web::ExerciseStore::WriteInto(second->package_dir, "../x", "x"));
}

TEST(ExerciseStoreTest, ImportsOfEarlierServersBecomeVersionOne) {
  TempDir dir;
  std::string old_root = dir.path() + "/imported";
  fs::create_directories(old_root);
  fs::copy(Source("tests/packages/hello"), old_root + "/hello", fs::copy_options::recursive);
  web::ExerciseStore store(dir.path() + "/store", "/bin/false");
  EXPECT_TRUE(store.AdoptOldImports(old_root).empty());
  auto versions = store.Versions("hello");
  ASSERT_EQ(versions.size(), 1u);
  EXPECT_EQ(versions[0].origin, "import");
  EXPECT_EQ(*web::FileHashes(versions[0].package_dir),
            *web::FileHashes(Source("tests/packages/hello")));
  EXPECT_FALSE(fs::exists(old_root));
  EXPECT_TRUE(fs::exists(old_root + ".migrated/hello/problem.yaml"));
  EXPECT_TRUE(store.AdoptOldImports(old_root).empty()) << "once only";
  EXPECT_EQ(store.Versions("hello").size(), 1u);
}

}  // namespace
}  // namespace web_test
