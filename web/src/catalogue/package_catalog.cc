// Exercises read with the judge's package reader.
#include <filesystem>

#include "catalogue/catalog.h"
#include "judge/languages.h"
#include "judge/package.h"
#include "koodikoe/files.h"

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

}  // namespace

bool HaveRealJudge() { return true; }

std::vector<std::string> InstalledLanguages() {
  static const std::vector<std::string> installed = [] {
    std::vector<std::string> ids;
    auto registry = judge::LanguageRegistry::LoadDefault();
    if (!registry) return ids;
    for (const auto& language : registry->languages()) {
      if (language.installed) ids.push_back(language.id);
    }
    return ids;
  }();
  return installed;
}

Result<Exercise> LoadExercise(const std::string& package_dir) {
  judge::ReadOptions options;
  options.with_submissions = false;
  auto package = judge::ReadPackage(package_dir, options);
  if (!package) return tl::unexpected(package.error());
  Exercise exercise;
  exercise.id = package->id;
  exercise.titles = package->names;
  exercise.track = package->koodikoe.track;
  exercise.tier = package->koodikoe.tier;
  exercise.kind = package->koodikoe.kind;
  exercise.skills = package->koodikoe.skills;
  exercise.time_limit = package->limits.time_limit.value_or(1.0);
  exercise.memory_limit_mib = package->limits.memory_mib;
  for (const auto& id : InstalledLanguages()) {
    const auto& allowed = package->languages;
    if (allowed.empty() || std::find(allowed.begin(), allowed.end(), id) != allowed.end()) {
      exercise.languages.push_back(id);
    }
  }
  for (const auto& [language, path] : package->statements) {
    if (!path.ends_with(".md")) continue;  // LaTeX and PDF statements are not shown inline
    auto text = koodikoe::ReadFile(path, kMaxStatementBytes);
    if (text) exercise.statements[language] = *text;
  }
  exercise.hints = ReadHints(package->dir);
  for (const auto& test : package->cases) {
    if (!test.is_sample) continue;
    exercise.samples.push_back(
        {test.name, ReadSample(test.input_path), ReadSample(test.answer_path)});
  }
  exercise.package_dir = package->dir;
  return exercise;
}

}  // namespace web
