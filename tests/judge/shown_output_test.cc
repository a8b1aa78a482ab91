// The program's output, its stderr and the expected answer reach the report for sample tests
// and groups with full_feedback only (through the real sandbox and Python).
#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>

#include "package_copy_test.h"

namespace judge {
namespace {

class ShownOutputTest : public PackageCopyTest {
 protected:
  void SetUp() override { CopyPackage("hello"); }

  Report Judge(const std::string& program, bool samples_only = false) {
    std::ofstream(root_ + "/main.py") << program;
    return JudgeSource(root_ + "/main.py", samples_only);
  }
};

const char kBye[] =
    "import sys\nname = input().strip()\nprint('Goodbye, ' + name + '!')\n"
    "print('debug: read ' + name, file=sys.stderr)\n";

TEST_F(ShownOutputTest, SamplesShowOutputStderrAndExpectedSecretTestsDoNot) {
  Report report = Judge(kBye);
  EXPECT_EQ(report.verdict, Verdict::kWrongAnswer) << report.message;
  ASSERT_GE(report.tests.size(), 2u);
  for (const TestResult& test : report.tests) {
    if (test.group == "sample") {
      ASSERT_TRUE(test.output && test.error_output && test.expected) << test.name;
      EXPECT_EQ(*test.output, "Goodbye, World!\n");
      EXPECT_EQ(*test.error_output, "debug: read World\n");
      EXPECT_EQ(*test.expected, "Hello, World!\n");
    } else {
      EXPECT_FALSE(test.output || test.error_output || test.expected) << test.name;
    }
  }
  std::string json = ReportJson(report);
  EXPECT_NE(json.find("\"expected\":\"Hello, World!\\n\""), std::string::npos);
  EXPECT_EQ(json.find("Goodbye, Ada"), std::string::npos) << "a secret test's output";
  EXPECT_EQ(json.find("Hello, Ada"), std::string::npos) << "a secret test's answer";
}

TEST_F(ShownOutputTest, FullFeedbackGroupsShowTheirOutput) {
  std::ofstream(package_ + "/data/secret/testdata.yaml") << "full_feedback: true\n";
  Report report = Judge(kBye);
  for (const TestResult& test : report.tests) {
    ASSERT_TRUE(test.output && test.expected) << test.name;
    EXPECT_EQ(test.output->rfind("Goodbye, ", 0), 0u) << test.name;
  }
}

TEST_F(ShownOutputTest, LongOutputIsCutAndSaysHowMuchWasLeftOut) {
  // 5000 bytes of "ä" (two bytes each): cut at a character boundary.
  Report report = Judge("input()\nprint('\\u00e4' * 2500, end='')\n");
  ASSERT_FALSE(report.tests.empty());
  const TestResult& sample = report.tests[0];
  ASSERT_EQ(sample.group, "sample");
  ASSERT_TRUE(sample.output);
  EXPECT_EQ(sample.output->substr(0, 4), "\xc3\xa4\xc3\xa4");
  EXPECT_EQ(sample.output->substr(4096), "... (904 more bytes)");
}

TEST_F(ShownOutputTest, PythonSyntaxErrorIsTheCandidatesLineOnly) {
  Report report = Judge("name = input()\nprint('Hello, ' + name\n", true);
  EXPECT_EQ(report.verdict, Verdict::kCompileError);
  EXPECT_NE(report.compile_output.find("File \"main.py\", line 2"), std::string::npos)
      << report.compile_output;
  EXPECT_NE(report.compile_output.find("SyntaxError: '(' was never closed"), std::string::npos);
  EXPECT_EQ(report.compile_output.find("Traceback"), std::string::npos) << report.compile_output;
  EXPECT_EQ(report.compile_output.find("py_compile"), std::string::npos);
}

TEST_F(ShownOutputTest, AProgramThatSleepsIsToldToBeWaiting) {
  Report report = Judge("import time\ntime.sleep(60)\n", true);
  EXPECT_EQ(report.verdict, Verdict::kTimeLimit);
  ASSERT_EQ(report.tests.size(), 1u);
  EXPECT_EQ(report.tests[0].feedback.rfind("was waiting, not computing: ", 0), 0u)
      << report.tests[0].feedback;
}

}  // namespace
}  // namespace judge
