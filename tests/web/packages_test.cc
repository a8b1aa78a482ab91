// The worker's package cache: a package is used only if its content hash is the one asked
// for, is fetched once, and a tampered or wrong package is refused and not kept.
#include "authoring/packages.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "authoring/exercise_store.h"
#include "server_fixture.h"

namespace web_test {
namespace {

namespace fs = std::filesystem;

std::string HelloDir() { return std::string(KOODIKOE_SOURCE_DIR) + "/tests/packages/hello"; }

TEST(PackageCacheTest, FetchesOnceAndVerifiesTheContentHash) {
  TempDir dir;
  std::string hash = web::ContentHash(HelloDir()).value();
  std::string zip = web::ExportZip(HelloDir()).value();
  int calls = 0;
  web::PackageCache cache(dir.path() + "/cache", [&](const std::string& asked) {
    ++calls;
    EXPECT_EQ(asked, hash);
    return web::Result<std::string>(zip);
  });
  auto got = cache.Get(hash);
  ASSERT_TRUE(got) << got.error().Describe();
  EXPECT_EQ(*got, dir.path() + "/cache/" + hash + "/hello");
  EXPECT_EQ(web::ContentHash(*got).value(), hash);
  EXPECT_TRUE(cache.Get(hash));
  EXPECT_EQ(calls, 1) << "cached by hash";
  EXPECT_EQ(cache.fetched(), 1);
}

TEST(PackageCacheTest, ATamperedPackageIsRefusedAndNotKept) {
  TempDir dir;
  std::string hash = web::ContentHash(HelloDir()).value();
  // The same package with one answer changed, as a stale or tampered copy would be.
  fs::copy(HelloDir(), dir.path() + "/hello", fs::copy_options::recursive);
  for (const auto& entry : fs::recursive_directory_iterator(dir.path() + "/hello")) {
    if (entry.path().extension() == ".ans") {
      std::ofstream(entry.path(), std::ios::app) << "tampered\n";
      break;
    }
  }
  std::string zip = web::ExportZip(dir.path() + "/hello").value();
  web::PackageCache cache(dir.path() + "/cache",
                          [&](const std::string&) { return web::Result<std::string>(zip); });
  auto got = cache.Get(hash);
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, koodikoe::ErrorCode::kInvalidArgument);
  EXPECT_NE(got.error().context.find("not used"), std::string::npos) << got.error().context;
  EXPECT_FALSE(fs::exists(dir.path() + "/cache/" + hash));
  EXPECT_FALSE(cache.Get("../../etc")) << "only hashes name packages";
}

TEST(PackageCacheTest, FetchFailuresAreReturned) {
  TempDir dir;
  web::PackageCache cache(
      dir.path() + "/cache", [](const std::string&) -> web::Result<std::string> {
        return koodikoe::Fail(koodikoe::ErrorCode::kNotFound, "no such version");
      });
  auto got = cache.Get(std::string(64, 'b'));
  ASSERT_FALSE(got);
  EXPECT_EQ(got.error().code, koodikoe::ErrorCode::kNotFound);
}

}  // namespace
}  // namespace web_test
