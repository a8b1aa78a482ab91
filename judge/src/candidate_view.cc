// What a candidate is offered for a package: the languages to choose from and the code the
// editor starts with.
#include <algorithm>

#include "build.h"
#include "judge/package.h"
#include "koodikoe/files.h"

namespace judge {

namespace {

// A starting point, not a solution: anything larger is a mistake in the package.
constexpr size_t kMaxStarterBytes = 64u << 10;

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

std::vector<std::string> CandidateLanguages(const Package& package,
                                            const LanguageRegistry& registry) {
  std::vector<std::string> ids;
  for (const Language& language : registry.languages()) {
    if (!language.installed) continue;
    if (!package.languages.empty()) {
      // problem.yaml's list, or a grader's harnesses (the package reader sets them).
      if (Contains(package.languages, language.id)) ids.push_back(language.id);
    } else if (package.kind != ExerciseKind::kService || language.services) {
      ids.push_back(language.id);
    }
  }
  return ids;
}

std::map<std::string, std::string> StarterCode(const Package& package,
                                               const LanguageRegistry& registry) {
  std::map<std::string, std::string> code;
  for (const auto& [name, path] : package.starters) {  // by file name: the first one wins
    const Language* language = registry.ForFile(name);
    if (language == nullptr || code.count(language->id)) continue;
    auto text = koodikoe::ReadFile(path, kMaxStarterBytes);
    if (!text) continue;
    code[language->id] = SubstituteConstants(*text, package.constants);
  }
  return code;
}

}  // namespace judge
