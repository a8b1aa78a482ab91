// Exercises read with the judge's package reader.
#include <filesystem>

#include "catalogue/catalog.h"
#include "judge/languages.h"
#include "judge/package.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"

namespace web {

namespace fs = std::filesystem;

namespace {

constexpr size_t kMaxStatementBytes = 1u << 20;
constexpr size_t kMaxSampleBytes = 64u << 10;

std::string ReadSample(const std::string& path) {
  auto text = koodikoe::ReadFile(path, kMaxSampleBytes + 1);
  if (!text) return "";
  if (text->size() > kMaxSampleBytes) {
    text->resize(kMaxSampleBytes);
    *text += "\n…";
  }
  return *text;
}

// Hints are a koodikoe addition: problem_statement/hints.<lang>.md, shown once a trainer
// releases them.
std::map<std::string, std::string> ReadHints(const std::string& package_dir) {
  std::map<std::string, std::string> hints;
  std::error_code ec;
  fs::path dir = fs::path(package_dir) / "problem_statement";
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (name.rfind("hints.", 0) == 0 && name.size() > 9 && name.ends_with(".md") &&
        it->is_regular_file(ec) && !it->is_symlink(ec)) {
      auto text = koodikoe::ReadFile(it->path().string(), kMaxStatementBytes);
      if (text) hints[name.substr(6, name.size() - 9)] = *text;
    }
  }
  return hints;
}

// The judge's language registry, read once; empty if it cannot be read.
const judge::LanguageRegistry& Registry() {
  static const judge::LanguageRegistry registry = [] {
    auto loaded = judge::LanguageRegistry::LoadDefault();
    return loaded ? std::move(*loaded) : judge::LanguageRegistry();
  }();
  return registry;
}

}  // namespace

bool HaveRealJudge() { return true; }

std::vector<std::string> InstalledLanguages() {
  std::vector<std::string> ids;
  for (const auto& language : Registry().languages()) {
    if (language.installed) ids.push_back(language.id);
  }
  return ids;
}

Result<Exercise> LoadExercise(const std::string& package_dir) {
  judge::ReadOptions options;
  options.with_submissions = false;
  KOODIKOE_TRY(auto package, judge::ReadPackage(package_dir, options));
  Exercise exercise;
  exercise.id = package.id;
  exercise.titles = package.names;
  exercise.track = package.koodikoe.track;
  exercise.tier = package.koodikoe.tier;
  exercise.kind = package.koodikoe.kind;
  exercise.skills = package.koodikoe.skills;
  exercise.time_limit = package.limits.time_limit.value_or(1.0);
  exercise.memory_limit_mib = package.limits.memory_mib;
  // Only what the package can judge: a grader's harness languages, a service's HTTP-capable
  // ones (judge::CandidateLanguages).
  exercise.languages = judge::CandidateLanguages(package, Registry());
  exercise.starters = judge::StarterCode(package, Registry());
  for (const auto& [language, path] : package.statements) {
    if (!path.ends_with(".md")) continue;  // LaTeX and PDF statements are not shown inline
    auto text = koodikoe::ReadFile(path, kMaxStatementBytes);
    if (text) exercise.statements[language] = *text;
  }
  exercise.hints = ReadHints(package.dir);
  for (const auto& test : package.cases) {
    // A service's sample scenario is played by "run on the examples", not shown as files: its
    // statement shows the requests.
    if (!test.is_sample || package.kind == judge::ExerciseKind::kService) continue;
    exercise.samples.push_back(
        {test.name, ReadSample(test.input_path), ReadSample(test.answer_path)});
  }
  exercise.package_dir = package.dir;
  return exercise;
}

}  // namespace web
