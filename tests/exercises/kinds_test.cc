// The bundled exercises of every kind through the real judge (issue 17): "run on the
// examples" plays a service's sample scenario and runs an iot or grader exercise's samples,
// with a real verdict and feedback (never "no test was run"); each grader exercise's starter
// code builds with its harness (which has main) and is judged. And what the platform's
// catalogue offers for each kind: the languages the package can judge, the starters.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "catalogue/catalog.h"
#include "judge/package.h"
#include "judge/package_judge.h"
#include "koodikoe/files.h"

namespace judge {
namespace {

const std::string kExercises = KOODIKOE_EXERCISES;

class KindsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root for the sandbox";
    char pattern[] = "/tmp/koodikoe-kinds-test-XXXXXX";
    root_ = ::mkdtemp(pattern);
    JudgeConfig config;
    config.cache_dir = root_ + "/cache";
    config.work_dir = root_ + "/work";
    auto judge = PackageJudge::Create(config);
    ASSERT_TRUE(judge) << judge.error().Describe();
    judge_ = std::move(*judge);
  }
  void TearDown() override {
    if (!root_.empty()) (void)koodikoe::RemoveTree(root_);
  }

  Report RunOnSamples(const std::string& exercise, const std::string& source_path,
                      const std::string& language = "") {
    EvaluateRequest request;
    request.package_dir = kExercises + "/" + exercise;
    request.source_path = source_path;
    request.language = language;
    request.samples_only = true;
    auto report = judge_->Evaluate(request, nullptr);
    EXPECT_TRUE(report) << report.error().Describe();
    return report ? *report : Report{};
  }

  // A file under the scratch directory holding `text`.
  std::string Write(const std::string& name, const std::string& text) {
    std::string path = root_ + "/" + name;
    std::ofstream(path) << text;
    return path;
  }

  std::string root_;
  std::unique_ptr<PackageJudge> judge_;
};

TEST_F(KindsTest, Issue17ServiceRunOnSamplesPlaysTheSampleScenario) {
  Report report = RunOnSamples("fullstack/health",
                               kExercises + "/fullstack/health/submissions/accepted/health.py");
  EXPECT_EQ(report.verdict, Verdict::kAccepted) << report.message;
  ASSERT_EQ(report.tests.size(), 1u);
  EXPECT_EQ(report.tests[0].name, "scenarios/1-health");
  EXPECT_TRUE(report.tests[0].full_feedback);  // the candidate sees what happened
  EXPECT_NE(report.tests[0].feedback.find("steps passed"), std::string::npos);
}

TEST_F(KindsTest, Issue17ServiceRunOnSamplesShowsWhatWentWrong) {
  Report report = RunOnSamples(
      "fullstack/health", kExercises + "/fullstack/health/submissions/wrong_answer/plain_text.py");
  EXPECT_EQ(report.verdict, Verdict::kWrongAnswer) << report.message;
  ASSERT_EQ(report.tests.size(), 1u);
  EXPECT_TRUE(report.tests[0].full_feedback);
  EXPECT_NE(report.tests[0].feedback.find("/health"), std::string::npos)
      << report.tests[0].feedback;
}

TEST_F(KindsTest, Issue17IotRunOnSamplesRunsTheSamples) {
  for (const char* exercise : {"iot/smoothing", "iot/frost-alarm"}) {
    std::string accepted = kExercises + "/" + exercise + "/submissions/accepted";
    std::string source;
    for (const auto& entry : std::filesystem::directory_iterator(accepted)) {
      if (entry.path().extension() == ".py") source = entry.path().string();
    }
    ASSERT_FALSE(source.empty()) << exercise;
    Report report = RunOnSamples(exercise, source);
    EXPECT_EQ(report.verdict, Verdict::kAccepted) << exercise << ": " << report.message;
    ASSERT_FALSE(report.tests.empty()) << exercise;
    for (const TestResult& test : report.tests) EXPECT_EQ(test.group, "sample") << exercise;
  }
}

TEST_F(KindsTest, Issue17GraderRunOnSamplesRunsTheSamples) {
  Report report = RunOnSamples("iot/humidity-driver",
                               kExercises + "/iot/humidity-driver/submissions/accepted/driver.c");
  EXPECT_EQ(report.verdict, Verdict::kAccepted) << report.message;
  ASSERT_FALSE(report.tests.empty());
  for (const TestResult& test : report.tests) EXPECT_EQ(test.group, "sample");
}

// Every grader exercise's starter, judged as a candidate's first run would be: it builds and
// links with the harness (compile_error would mean a second main or a missing declaration),
// and runs on the samples.
TEST_F(KindsTest, Issue17GraderStartersBuildWithTheirHarness) {
  auto registry = LanguageRegistry::LoadDefault();
  ASSERT_TRUE(registry) << registry.error().Describe();
  int judged = 0;
  for (const auto& track : std::filesystem::directory_iterator(kExercises)) {
    if (!track.is_directory()) continue;
    for (const auto& entry : std::filesystem::directory_iterator(track.path())) {
      auto package = ReadPackage(entry.path().string(), {.with_submissions = false});
      ASSERT_TRUE(package) << entry.path() << ": " << package.error().Describe();
      if (package->kind != ExerciseKind::kGrader) continue;
      std::string exercise =
          track.path().filename().string() + "/" + entry.path().filename().string();
      for (const auto& [language, code] : StarterCode(*package, *registry)) {
        if (!registry->Find(language)->installed) continue;
        std::string file = "starter." + registry->Find(language)->extensions.front();
        Report report = RunOnSamples(exercise, Write(file, code), language);
        EXPECT_NE(report.verdict, Verdict::kCompileError) << exercise << " " << language << ":\n"
                                                          << report.compile_output;
        EXPECT_NE(report.verdict, Verdict::kJudgingError) << exercise << ": " << report.message;
        EXPECT_FALSE(report.tests.empty()) << exercise << " " << language;
        ++judged;
      }
    }
  }
  EXPECT_GE(judged, 2);  // humidity-driver in C and C++
}

// The editor's generic C template defines main, which a grader's harness has too: that is
// why grader exercises ship starters. This pins the failure the starters avoid.
TEST_F(KindsTest, Issue17GenericTemplateDoesNotLinkWithAGrader) {
  Report report = RunOnSamples("iot/humidity-driver",
                               Write("template.c",
                                     "#include <stdio.h>\n\nint main(void) {\n    \n"
                                     "    return 0;\n}\n"),
                               "c");
  EXPECT_EQ(report.verdict, Verdict::kCompileError);
}

// What the platform's catalogue offers for each kind (GET /api/v1/exercises/{id} shows these
// fields as they are): the languages its package can judge, and a grader's starters.
bool Has(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

TEST(Catalogue, Issue17ServiceOffersOnlyLanguagesThatServeHttp) {
  for (const char* exercise : {"fullstack/health", "fullstack/notes-api"}) {
    auto loaded = web::LoadExercise(kExercises + "/" + exercise);
    ASSERT_TRUE(loaded) << loaded.error().Describe();
    for (const char* id : {"c", "cpp", "cpp17", "rust", "pascal", "bash", "haskell"}) {
      EXPECT_FALSE(Has(loaded->languages, id)) << exercise << " offers " << id;
    }
    for (const char* id : {"python", "javascript"}) {
      EXPECT_TRUE(Has(loaded->languages, id)) << exercise << " lacks " << id;
    }
    EXPECT_TRUE(loaded->samples.empty()) << "a scenario is not shown as an input file";
  }
}

TEST(Catalogue, Issue17GraderOffersItsHarnessLanguagesAndStarters) {
  auto loaded = web::LoadExercise(kExercises + "/iot/humidity-driver");
  ASSERT_TRUE(loaded) << loaded.error().Describe();
  for (const std::string& id : loaded->languages) EXPECT_TRUE(id == "c" || id == "cpp") << id;
  EXPECT_TRUE(Has(loaded->languages, "c"));
  ASSERT_EQ(loaded->starters.size(), 2u);
  for (const auto& [language, code] : loaded->starters) {
    EXPECT_NE(code.find("ht_measure"), std::string::npos) << language;
    EXPECT_EQ(code.find("main("), std::string::npos) << language;
  }
}

TEST(Catalogue, Issue17OtherKindsOfferEveryInstalledLanguage) {
  for (const char* exercise : {"iot/smoothing", "iot/topic-match", "basics/greeting"}) {
    auto loaded = web::LoadExercise(kExercises + "/" + exercise);
    ASSERT_TRUE(loaded) << loaded.error().Describe();
    EXPECT_EQ(loaded->languages, web::InstalledLanguages()) << exercise;
    EXPECT_TRUE(loaded->starters.empty()) << exercise;
  }
}

}  // namespace
}  // namespace judge
