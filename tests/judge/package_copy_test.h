// A test fixture that judges through the real sandbox against a private copy of one package
// of tests/packages (in a temporary directory, removed after the test), so a test may change
// the package's files.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "judge/package_judge.h"
#include "koodikoe/files.h"

namespace judge {

class PackageCopyTest : public ::testing::Test {
 protected:
  // Copies tests/packages/NAME to root_/NAME and sets package_ to it.
  void CopyPackage(const std::string& name) {
    std::string pattern = "/tmp/koodikoe-package-test-XXXXXX";
    root_ = ::mkdtemp(pattern.data()) ? pattern : "";
    ASSERT_FALSE(root_.empty());
    package_ = root_ + "/" + name;
    std::filesystem::copy(std::string(KOODIKOE_TEST_PACKAGES) + "/" + name, package_,
                          std::filesystem::copy_options::recursive);
  }

  void TearDown() override {
    if (!root_.empty()) (void)koodikoe::RemoveTree(root_);
  }

  // The report of judging `source_path` on the copy, every test run; an empty report (after
  // a failed expectation) if the judge could not work.
  Report JudgeSource(const std::string& source_path, bool samples_only = false) {
    JudgeConfig config;
    config.cache_dir = root_ + "/cache";
    config.work_dir = root_ + "/work";
    auto judge = PackageJudge::Create(config);
    EXPECT_TRUE(judge) << judge.error().Describe();
    if (!judge) return {};
    EvaluateRequest request;
    request.package_dir = package_;
    request.source_path = source_path;
    request.run_all_tests = true;
    request.samples_only = samples_only;
    auto report = (*judge)->Evaluate(request, nullptr);
    EXPECT_TRUE(report) << report.error().Describe();
    return report ? *report : Report{};
  }

  std::string root_, package_;
};

}  // namespace judge
