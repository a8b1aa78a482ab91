// What a candidate is offered for a package (issue 17): the sample scenarios a `service`
// exercise's "run on the examples" plays, the starting code of starter/, and the languages
// each kind of exercise can judge.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "judge/languages.h"
#include "judge/package.h"
#include "koodikoe/files.h"
#include "scenario.h"

namespace judge {
namespace {

const std::string kExercises = KOODIKOE_EXERCISES;
const std::string kPackages = KOODIKOE_TEST_PACKAGES;

class Scratch {
 public:
  explicit Scratch(const std::string& problem_yaml) {
    char pattern[] = "/tmp/koodikoe-candidate-test-XXXXXX";
    dir_ = ::mkdtemp(pattern);
    Write("problem.yaml", problem_yaml);
  }
  ~Scratch() { (void)koodikoe::RemoveTree(dir_); }
  void Write(const std::string& relative, const std::string& text) {
    std::filesystem::path path = dir_ + "/" + relative;
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }
  const std::string& dir() const { return dir_; }

 private:
  std::string dir_;
};

constexpr const char* kStep = "steps: [{path: /, expect: {status: 200}}]\n";

std::vector<std::string> SampleNames(const Package& package) {
  std::vector<std::string> names;
  for (const TestCase& test : package.cases) {
    if (test.is_sample) names.push_back(test.name);
  }
  return names;
}

TEST(ServiceSamples, Issue17FirstScenarioIsTheSampleWhenNoneIsMarked) {
  Scratch scratch("name: S\nkoodikoe: {kind: service}\n");
  scratch.Write("scenarios/2-more.yaml", kStep);
  scratch.Write("scenarios/1-basic.yaml", kStep);
  auto package = ReadPackage(scratch.dir());
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(SampleNames(*package), (std::vector<std::string>{"scenarios/1-basic"}));
  // Still scored with the others: a sample scenario is not a separate group.
  EXPECT_EQ(package->cases[0].group, "scenarios");
}

TEST(ServiceSamples, Issue17MarkedScenariosAreTheSamples) {
  Scratch scratch("name: S\nkoodikoe: {kind: service}\n");
  scratch.Write("scenarios/1-basic.yaml", kStep);
  scratch.Write("scenarios/2-shown.yaml", std::string("sample: true\n") + kStep);
  scratch.Write("scenarios/3-also.yaml", std::string("sample: yes\n") + kStep);
  scratch.Write("scenarios/4-hidden.yaml", std::string("sample: false\n") + kStep);
  auto package = ReadPackage(scratch.dir());
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(SampleNames(*package),
            (std::vector<std::string>{"scenarios/2-shown", "scenarios/3-also"}));
}

TEST(ServiceSamples, Issue17SampleKeyIsChecked) {
  auto scenario = ParseScenario(std::string("sample: sometimes\n") + kStep, "s.yaml");
  ASSERT_FALSE(scenario);
  EXPECT_NE(scenario.error().Describe().find("sample"), std::string::npos)
      << scenario.error().Describe();
  auto unknown = ParseScenario(std::string("samples: true\n") + kStep, "s.yaml");
  ASSERT_FALSE(unknown);
  EXPECT_NE(unknown.error().Describe().find("known: name, points, sample"), std::string::npos);
}

TEST(ServiceSamples, Issue17BundledServicesHaveASample) {
  for (const auto& entry : std::filesystem::directory_iterator(kExercises + "/fullstack")) {
    auto package = ReadPackage(entry.path().string(), {.with_submissions = false});
    ASSERT_TRUE(package) << package.error().Describe();
    EXPECT_FALSE(SampleNames(*package).empty()) << package->id;
  }
}

LanguageRegistry TestRegistry() {
  auto registry = LanguageRegistry::Parse(
      "languages:\n"
      "  - {id: c, extensions: [c], run: [a], requires: [/bin/sh]}\n"
      "  - {id: cpp, extensions: [cpp, cc], run: [a], requires: [/bin/sh]}\n"
      "  - {id: python, extensions: [py], run: [a], requires: [/bin/sh], services: true}\n"
      "  - {id: javascript, extensions: [js], run: [a], requires: [/bin/sh], services: true}\n"
      "  - {id: go, extensions: [go], run: [a], requires: [/nonexistent/go], services: true}\n"
      "  - {id: bash, extensions: [sh], run: [a], requires: [/bin/sh]}\n",
      "test.yaml");
  EXPECT_TRUE(registry) << registry.error().Describe();
  return registry ? *registry : LanguageRegistry();
}

using Ids = std::vector<std::string>;

TEST(CandidateLanguages, Issue17EachKindOffersWhatItCanJudge) {
  LanguageRegistry registry = TestRegistry();
  Package package;
  package.kind = ExerciseKind::kBatch;
  EXPECT_EQ(CandidateLanguages(package, registry),
            (Ids{"c", "cpp", "python", "javascript", "bash"}));
  // iot and game: the simulator talks with the program over stdin and stdout: any language.
  package.kind = ExerciseKind::kIot;
  EXPECT_EQ(CandidateLanguages(package, registry),
            (Ids{"c", "cpp", "python", "javascript", "bash"}));
  // A service: only languages whose standard library serves HTTP (and installed: not go).
  package.kind = ExerciseKind::kService;
  EXPECT_EQ(CandidateLanguages(package, registry), (Ids{"python", "javascript"}));
  // ... unless problem.yaml names its languages.
  package.languages = {"c", "python", "go"};
  EXPECT_EQ(CandidateLanguages(package, registry), (Ids{"c", "python"}));
  // A grader: the reader sets the languages of its harnesses.
  package.kind = ExerciseKind::kGrader;
  package.languages = {"cpp", "c"};
  EXPECT_EQ(CandidateLanguages(package, registry), (Ids{"c", "cpp"}));
}

TEST(CandidateLanguages, Issue17GraderPackageOffersItsHarnessLanguages) {
  auto package = ReadPackage(kPackages + "/i2c_sensor_grader", {.with_submissions = false});
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(CandidateLanguages(*package, TestRegistry()), (Ids{"c", "cpp"}));
}

TEST(CandidateLanguages, Issue17RegistrySaysWhichLanguagesServeHttp) {
  auto registry = LanguageRegistry::LoadDefault();
  ASSERT_TRUE(registry) << registry.error().Describe();
  for (const char* id :
       {"python", "javascript", "java", "go", "kotlin", "csharp", "pypy", "ruby"}) {
    ASSERT_NE(registry->Find(id), nullptr) << id;
    EXPECT_TRUE(registry->Find(id)->services) << id;
  }
  for (const char* id : {"c", "cpp", "cpp17", "rust", "pascal", "bash", "haskell"}) {
    ASSERT_NE(registry->Find(id), nullptr) << id;
    EXPECT_FALSE(registry->Find(id)->services) << id;
  }
  auto bad =
      LanguageRegistry::Parse("languages:\n  - {id: x, run: [a], services: often}\n", "test.yaml");
  EXPECT_FALSE(bad);
}

TEST(CandidateLanguages, Issue17BundledExercisesOfferOnlyWhatTheirKindRuns) {
  auto registry = LanguageRegistry::LoadDefault();
  ASSERT_TRUE(registry) << registry.error().Describe();
  auto health = ReadPackage(kExercises + "/fullstack/health", {.with_submissions = false});
  ASSERT_TRUE(health) << health.error().Describe();
  Ids offered = CandidateLanguages(*health, *registry);
  for (const std::string& id : offered) EXPECT_TRUE(registry->Find(id)->services) << id;
  EXPECT_NE(std::find(offered.begin(), offered.end(), "python"), offered.end());
  auto driver = ReadPackage(kExercises + "/iot/humidity-driver", {.with_submissions = false});
  ASSERT_TRUE(driver) << driver.error().Describe();
  for (const std::string& id : CandidateLanguages(*driver, *registry)) {
    EXPECT_TRUE(id == "c" || id == "cpp") << id;
  }
}

TEST(Starters, Issue17StarterFilesGoToTheirLanguages) {
  Scratch scratch("problem_format_version: 2025-09\nname: S\nconstants: {limit: 10}\n");
  scratch.Write("data/secret/1.in", "1\n");
  scratch.Write("data/secret/1.ans", "1\n");
  scratch.Write("starter/driver.c", "int f(void) { return {{limit}}; }\n");
  scratch.Write("starter/driver.cc", "// C++\n");
  scratch.Write("starter/driver.cpp", "// C++ too, but driver.cc comes first by name\n");
  scratch.Write("starter/notes.txt", "not code\n");
  scratch.Write("starter/more/x.py", "print()\n");
  auto package = ReadPackage(scratch.dir());
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->starters.size(), 4u);
  auto code = StarterCode(*package, TestRegistry());
  EXPECT_EQ(code, (std::map<std::string, std::string>{{"c", "int f(void) { return 10; }\n"},
                                                      {"cpp", "// C++\n"}}));
  bool warned = false;
  for (const std::string& warning : package->warnings) {
    warned = warned || warning.find("starter/more") != std::string::npos;
  }
  EXPECT_TRUE(warned);
}

TEST(Starters, Issue17StarterMustBeADirectory) {
  Scratch scratch("name: S\n");
  scratch.Write("data/secret/1.in", "1\n");
  scratch.Write("data/secret/1.ans", "1\n");
  scratch.Write("starter", "int main() {}\n");
  auto package = ReadPackage(scratch.dir());
  ASSERT_FALSE(package);
  EXPECT_NE(package.error().Describe().find("starter"), std::string::npos);
}

TEST(Starters, Issue17BundledGraderExercisesHaveStartersWithoutMain) {
  auto registry = LanguageRegistry::LoadDefault();
  ASSERT_TRUE(registry) << registry.error().Describe();
  int graders = 0;
  for (const auto& track : std::filesystem::directory_iterator(kExercises)) {
    if (!track.is_directory()) continue;
    for (const auto& entry : std::filesystem::directory_iterator(track.path())) {
      auto package = ReadPackage(entry.path().string(), {.with_submissions = false});
      ASSERT_TRUE(package) << entry.path() << ": " << package.error().Describe();
      if (package->kind != ExerciseKind::kGrader) continue;
      ++graders;
      auto code = StarterCode(*package, *registry);
      for (const std::string& language : package->languages) {
        ASSERT_TRUE(code.count(language)) << package->id << " has no " << language << " starter";
        // The harness has main: a starter with one would not link.
        EXPECT_EQ(code[language].find("main("), std::string::npos) << package->id;
      }
    }
  }
  EXPECT_GE(graders, 1);
}

}  // namespace
}  // namespace judge
