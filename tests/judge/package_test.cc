#include "judge/package.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "build.h"
#include "koodikoe/files.h"
#include "package_reader.h"

namespace judge {
namespace {

const std::string kPackages = KOODIKOE_TEST_PACKAGES;

// A scratch package directory, removed afterwards.
class ScratchPackage {
 public:
  ScratchPackage() {
    char pattern[] = "/tmp/koodikoe-package-test-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    Write("problem.yaml", "name: Scratch\n");
    Write("data/secret/1.in", "1\n");
    Write("data/secret/1.ans", "1\n");
  }
  ~ScratchPackage() { (void)koodikoe::RemoveTree(dir_); }

  void Write(const std::string& relative, const std::string& text) {
    std::filesystem::path path = dir_ + "/" + relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  void Remove(const std::string& relative) { std::filesystem::remove(dir_ + "/" + relative); }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

std::string ErrorOf(const std::string& dir) {
  auto package = ReadPackage(dir);
  return package ? "" : package.error().Describe();
}

TEST(PackageReader, ReadsLegacyPackage) {
  auto package = ReadPackage(kPackages + "/hello");
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->version, FormatVersion::kLegacy);
  EXPECT_EQ(package->DisplayName(), "Hello");
  ASSERT_TRUE(package->limits.time_limit);
  EXPECT_EQ(*package->limits.time_limit, 2);
  EXPECT_TRUE(package->limits.time_limit_from_file);
  EXPECT_EQ(package->limits.memory_mib, 64u);
  EXPECT_EQ(package->limits.ac_to_time_limit, 5);  // legacy time_multiplier default
  EXPECT_EQ(package->koodikoe.tier, 1);
  EXPECT_EQ(package->koodikoe.track, "basics");
  ASSERT_EQ(package->cases.size(), 5u);
  EXPECT_EQ(package->cases[0].name, "sample/1");
  EXPECT_TRUE(package->cases[0].is_sample);
  EXPECT_EQ(package->cases[1].name, "secret/Ada");
  EXPECT_EQ(package->statements.count("fi"), 1u);
  EXPECT_EQ(package->input_validators.size(), 1u);
  int compile_errors = 0;
  for (const SubmissionEntry& submission : package->submissions) {
    if (submission.expected.verdicts == std::vector<Verdict>{Verdict::kCompileError}) {
      ++compile_errors;
    }
  }
  EXPECT_EQ(compile_errors, 6);
}

TEST(PackageReader, Reads2025GroupsAndSubmissionRules) {
  auto package = ReadPackage(kPackages + "/groups");
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->version, FormatVersion::k2025_09);
  EXPECT_TRUE(package->scoring);
  const TestGroup* group1 = package->FindGroup("secret/group1");
  const TestGroup* group2 = package->FindGroup("secret/group2");
  ASSERT_NE(group1, nullptr);
  ASSERT_NE(group2, nullptr);
  EXPECT_EQ(*group1->settings.max_score, 30);
  EXPECT_EQ(group1->settings.aggregation, Aggregation::kPassFail);
  EXPECT_EQ(group2->settings.require_pass, std::vector<std::string>{"sample"});
  EXPECT_EQ(*package->FindGroup("secret")->settings.max_score, 100);
  EXPECT_EQ(package->cases[1].group, "secret/group1");
  for (const SubmissionEntry& submission : package->submissions) {
    if (submission.relative == "partially_accepted/int32.cpp") {
      EXPECT_TRUE(submission.expected.partial);
      EXPECT_EQ(*submission.expected.score_low, 30);
    }
  }
}

TEST(PackageReader, ReadsTestGroupArgsAndTags) {
  auto floats = ReadPackage(kPackages + "/floats");
  ASSERT_TRUE(floats) << floats.error().Describe();
  EXPECT_EQ(floats->version, FormatVersion::k2023_07);
  EXPECT_EQ(floats->cases.back().output_validator_args,
            (std::vector<std::string>{"float_tolerance", "1e-6"}));

  auto square = ReadPackage(kPackages + "/square");
  ASSERT_TRUE(square) << square.error().Describe();
  EXPECT_FALSE(square->limits.time_limit);
  for (const SubmissionEntry& submission : square->submissions) {
    if (submission.relative == "wrong_answer/float.py") {
      EXPECT_EQ(submission.expected.verdicts, std::vector<Verdict>{Verdict::kWrongAnswer});
    }
    if (submission.relative == "accepted/square.js") {
      EXPECT_EQ(submission.language, "javascript");
    }
    if (submission.relative == "wrong_answer/overflow.cpp") {
      EXPECT_EQ(submission.expected.required, std::vector<CaseClass>{CaseClass::kWrongAnswer});
    }
  }
}

TEST(PackageReader, ReadsInteractiveAndLegacyScoring) {
  auto guess = ReadPackage(kPackages + "/guess");
  ASSERT_TRUE(guess) << guess.error().Describe();
  EXPECT_TRUE(guess->interactive);
  EXPECT_TRUE(guess->custom_output_validation);
  EXPECT_EQ(guess->output_validators.size(), 1u);

  auto legacy = ReadPackage(kPackages + "/legacyscore");
  ASSERT_TRUE(legacy) << legacy.error().Describe();
  const TestGroup* small = legacy->FindGroup("secret/small");
  ASSERT_NE(small, nullptr);
  EXPECT_EQ(small->settings.accept_score, 40);
  EXPECT_EQ(small->settings.legacy_aggregation, Aggregation::kMin);
  EXPECT_TRUE(small->settings.accept_if_any_accepted);  // inherited from data/testdata.yaml
  EXPECT_TRUE(legacy->root.settings.ignore_sample);
  EXPECT_FALSE(legacy->FindGroup("secret")->settings.break_on_reject);
}

TEST(PackageReader, MissingProblemYamlIsNamed) {
  ScratchPackage scratch;
  scratch.Remove("problem.yaml");
  EXPECT_NE(ErrorOf(scratch.dir()).find("problem.yaml: missing"), std::string::npos);
}

TEST(PackageReader, MissingFoldersAreNamedWithWhatBelongsThere) {
  ScratchPackage scratch;
  std::filesystem::remove_all(scratch.dir() + "/data");
  const std::string no_data = "data: missing; put test cases in data/sample and data/secret";
  EXPECT_NE(ErrorOf(scratch.dir()).find(no_data), std::string::npos) << ErrorOf(scratch.dir());
  scratch.Write("data", "a file, not a folder");
  EXPECT_NE(ErrorOf(scratch.dir()).find(no_data), std::string::npos) << ErrorOf(scratch.dir());
  std::filesystem::remove(scratch.dir() + "/data");
  ASSERT_EQ(::symlink("/etc", (scratch.dir() + "/data").c_str()), 0);
  EXPECT_NE(ErrorOf(scratch.dir()).find("data: is a symlink to /etc, outside the package"),
            std::string::npos)
      << ErrorOf(scratch.dir());

  ScratchPackage service;
  service.Write("problem.yaml", "name: Scratch\nkoodikoe:\n  kind: service\n");
  std::string error = ErrorOf(service.dir());
  EXPECT_NE(error.find("scenarios: missing; a service exercise keeps its scenarios/*.yaml there"),
            std::string::npos)
      << error;
}

TEST(PackageReader, YamlSyntaxErrorNamesFileAndLine) {
  ScratchPackage scratch;
  scratch.Write("problem.yaml", "name: Scratch\nlimits: [unclosed\n");
  std::string error = ErrorOf(scratch.dir());
  EXPECT_NE(error.find("problem.yaml, line"), std::string::npos) << error;
}

TEST(PackageReader, BadValuesAreNamed) {
  ScratchPackage scratch;
  scratch.Write("problem.yaml", "name: Scratch\nlimits:\n  memory: -5\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("limits.memory must be positive"), std::string::npos);
  scratch.Write("problem.yaml", "name: Scratch\nlimits:\n  memory: lots\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("limits.memory must be a number"), std::string::npos);
  scratch.Write("problem.yaml", "problem_format_version: 1999-01\nname: x\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("unknown problem_format_version"), std::string::npos);
  scratch.Write("problem.yaml", "name: x\nvalidation: custom\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("output_validators/ is missing"), std::string::npos);
  scratch.Write("problem.yaml", "name: x\nkoodikoe:\n  tier: 9\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("koodikoe.tier must be 1 to 5"), std::string::npos);
  scratch.Write("problem.yaml", "name: x\nkoodikoe:\n  disk: 0\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("koodikoe.disk must be at least 1"), std::string::npos);
}

TEST(PackageReader, CaseWithoutAnswerIsNamed) {
  ScratchPackage scratch;
  scratch.Write("data/secret/2.in", "2\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("data/secret/2.in: has no matching 2.ans"),
            std::string::npos)
      << ErrorOf(scratch.dir());
}

TEST(PackageReader, BadTestdataYamlIsNamed) {
  ScratchPackage scratch;
  scratch.Write("data/secret/testdata.yaml", "grader_flags: fastest\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("data/secret/testdata.yaml"), std::string::npos);
}

TEST(PackageReader, SymlinkLeavingPackageIsRefused) {
  ScratchPackage scratch;
  ASSERT_EQ(::symlink("/etc/passwd", (scratch.dir() + "/data/secret/2.in").c_str()), 0);
  std::string error = ErrorOf(scratch.dir());
  EXPECT_NE(error.find("outside the package"), std::string::npos) << error;
}

TEST(PackageReader, SymlinkInsidePackageIsFollowed) {
  ScratchPackage scratch;
  scratch.Write("shared/x.in", "5\n");
  ASSERT_EQ(::symlink("../../shared/x.in", (scratch.dir() + "/data/secret/2.in").c_str()), 0);
  scratch.Write("data/secret/2.ans", "5\n");
  auto package = ReadPackage(scratch.dir());
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->cases.size(), 2u);
}

TEST(PackageReader, HiddenFilesAreIgnored) {
  ScratchPackage scratch;
  scratch.Write("data/secret/.2.in", "2\n");  // no .ans: would be an error if read
  scratch.Write("data/secret/.git/config", "x");
  auto package = ReadPackage(scratch.dir());
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->cases.size(), 1u);
}

TEST(PackageReader, NoTestsIsAnError) {
  ScratchPackage scratch;
  scratch.Remove("data/secret/1.in");
  scratch.Remove("data/secret/1.ans");
  EXPECT_NE(ErrorOf(scratch.dir()).find("no test cases"), std::string::npos);
}

TEST(SplitFlags, HandlesQuotes) {
  EXPECT_EQ(SplitFlags("float_tolerance 1e-6  case_sensitive"),
            (std::vector<std::string>{"float_tolerance", "1e-6", "case_sensitive"}));
  EXPECT_EQ(SplitFlags("a 'b c' \"\""), (std::vector<std::string>{"a", "b c", ""}));
}

TEST(PackageReader, SubmissionsYamlRulesBoundTheTimeLimit) {
  auto package = ReadPackage(kPackages + "/timelimit_inference");
  ASSERT_TRUE(package) << package.error().Describe();
  for (const SubmissionEntry& submission : package->submissions) {
    const Expectation& expected = submission.expected;
    bool model = submission.relative.rfind("model/", 0) == 0;
    EXPECT_EQ(expected.BoundsTimeLimitFromBelow(), model) << submission.relative;
    EXPECT_EQ(expected.BoundsTimeLimitFromAbove(),
              submission.relative == "time_limit_exceeded/spin.c")
        << submission.relative;
  }
}

TEST(PackageReader, UseForTimeLimitOverridesTheRules) {
  ScratchPackage scratch;
  scratch.Write("submissions/accepted/a.py", "print(1)\n");
  scratch.Write("submissions/wrong_answer/slow.py", "print(2)\n");
  scratch.Write("submissions/time_limit_exceeded/t.py", "print(3)\n");
  scratch.Write("submissions/submissions.yaml",
                "accepted/a.py:\n  use_for_time_limit: false\n"
                "wrong_answer/slow.py:\n  use_for_time_limit: lower\n"
                "time_limit_exceeded:\n  permitted: [AC, WA, TLE]\n  required: [TLE]\n");
  auto package = ReadPackage(scratch.dir());
  ASSERT_TRUE(package) << package.error().Describe();
  for (const SubmissionEntry& submission : package->submissions) {
    const Expectation& expected = submission.expected;
    if (submission.relative == "accepted/a.py") {
      EXPECT_FALSE(expected.BoundsTimeLimitFromBelow());
    } else if (submission.relative == "wrong_answer/slow.py") {
      EXPECT_TRUE(expected.BoundsTimeLimitFromBelow());
    } else {
      // A rule named like the folder replaces its default: a WA first no longer mismatches.
      EXPECT_TRUE(expected.verdicts.empty());
      EXPECT_TRUE(expected.BoundsTimeLimitFromAbove());
    }
  }
  scratch.Write("submissions/submissions.yaml", "accepted:\n  permitted: [AC, OK]\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("'OK' is not one of AC, WA, TLE, RTE"), std::string::npos);
}

TEST(PackageReader, ConstantsReachStatementsAndTestGroups) {
  auto package = ReadPackage(kPackages + "/constants");
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->constants, (Constants{{"max_n", "20"}, {"word", "moi"}}));
  auto statement = StatementText(*package, "en");
  ASSERT_TRUE(statement) << statement.error().Describe();
  EXPECT_NE(statement->find("$1 \\le n \\le 20$"), std::string::npos) << *statement;
  EXPECT_NE(statement->find("`moi`"), std::string::npos);
  for (const TestCase& test : package->cases) {
    EXPECT_EQ(test.output_validator_args, (std::vector<std::string>{"word", "moi"})) << test.name;
  }
  EXPECT_FALSE(StatementText(*package, "sv"));
}

TEST(PackageReader, ConstantNamesAreChecked) {
  ScratchPackage scratch;
  scratch.Write("problem.yaml",
                "problem_format_version: 2025-09\nname: x\nuuid: u\nconstants:\n  9lives: 1\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("'9lives' is not a name"), std::string::npos);
}

TEST(SubstituteConstants, ReplacesOnlyKnownNames) {
  Constants constants = {{"n", "10"}, {"eps", "1e-6"}};
  EXPECT_EQ(SubstituteConstants("n={{n}} eps={{eps}} {{nextsample}} {{n}", constants),
            "n=10 eps=1e-6 {{nextsample}} {{n}");
  EXPECT_EQ(SubstituteConstants("{{{n}}}", constants), "{10}");
}

TEST(PackageReader, DomjudgeIniGivesNameTimeLimitAndPoints) {
  auto package = ReadPackage(kPackages + "/domjudge");
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->conventions, Conventions::kDomjudge);
  EXPECT_EQ(package->DisplayName(), "Hello DOMjudge");
  ASSERT_TRUE(package->limits.time_limit);
  EXPECT_EQ(*package->limits.time_limit, 2);
  EXPECT_EQ(package->limits.time_limit_source, "domjudge-problem.ini");
  EXPECT_EQ(package->points, 3);
  for (const SubmissionEntry& submission : package->submissions) {
    if (submission.relative == "wrong_answer/stale_tag.py") {
      // DOMjudge reads tags only outside its official folders.
      EXPECT_EQ(submission.expected.verdicts, std::vector<Verdict>{Verdict::kWrongAnswer});
    }
  }
}

TEST(PackageReader, ConventionsCanBeChosen) {
  ScratchPackage scratch;
  scratch.Write("domjudge-problem.ini", "timelimit = 3\n");
  scratch.Write("problem.yaml", "name: x\nkoodikoe:\n  conventions: kattis\n");
  auto package = ReadPackage(scratch.dir());
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->conventions, Conventions::kKattis);
  EXPECT_EQ(*package->limits.time_limit, 3);  // the limit is read either way
  scratch.Write("problem.yaml", "name: x\nlimits:\n  time_limit: 1\n");
  package = ReadPackage(scratch.dir());
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(*package->limits.time_limit, 1);  // problem.yaml's limit first
  scratch.Write("domjudge-problem.ini", "timelimit = soon\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("timelimit must be a positive number"), std::string::npos);
}

TEST(ParseDomjudgeIni, QuotedAndBareValues) {
  auto values = ParseDomjudgeIni(
      "probid = 'A'\nname=\"Two\nlines\"\n; a comment = no\n timelimit =  2.5 \n\ncolor=red\n");
  EXPECT_EQ(values["probid"], "A");
  EXPECT_EQ(values["name"], "Two\nlines");
  EXPECT_EQ(values["timelimit"], "2.5");
  EXPECT_EQ(values["color"], "red");
  EXPECT_EQ(values.count("; a comment"), 0u);
}

TEST(PackageReader, A2023DraftWithLegacyScoringKeysIsGradedTheLegacyWay) {
  auto legacy_keys = ReadPackage(kPackages + "/scoring_2023");
  ASSERT_TRUE(legacy_keys) << legacy_keys.error().Describe();
  EXPECT_TRUE(legacy_keys->LegacyGrading());
  auto scoring_map = ReadPackage(kPackages + "/scoring_2023_groups");
  ASSERT_TRUE(scoring_map) << scoring_map.error().Describe();
  EXPECT_FALSE(scoring_map->LegacyGrading());
  const TestGroup* small = scoring_map->FindGroup("secret/small");
  const TestGroup* large = scoring_map->FindGroup("secret/large");
  ASSERT_TRUE(small && large);
  EXPECT_EQ(large->settings.max_score, 60);
  EXPECT_EQ(small->settings.max_score, 40);  // what secret's 100 leaves
  // 2025-09 wants every group's max_score.
  ScratchPackage scratch;
  scratch.Write("problem.yaml",
                "problem_format_version: 2025-09\nname: x\nuuid: u\ntype: scoring\n");
  scratch.Remove("data/secret/1.in");
  scratch.Remove("data/secret/1.ans");
  scratch.Write("data/secret/a/1.in", "1\n");
  scratch.Write("data/secret/a/1.ans", "1\n");
  EXPECT_NE(ErrorOf(scratch.dir()).find("needs a max_score"), std::string::npos);
}

}  // namespace
}  // namespace judge
