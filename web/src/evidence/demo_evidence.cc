// Demo evidence for `serve --demo`: the candidate Yusuf has worked on a few exercises (a wrong
// attempt, then an accepted one, judged for real when the server starts) and has shared his
// profile with the demo company, so a newcomer logging in as the company sees a report.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "base/time_util.h"
#include "http/api.h"
#include "koodikoe/try.h"

namespace web {

namespace {

constexpr const char* kDemoCandidate = "yusuf";
constexpr const char* kDemoCompany = "sari";
constexpr int kDemoExercises = 3;

// The first file of a package's submissions/FOLDER in a language the exercise allows.
std::optional<std::pair<std::string, std::string>> PackageSolution(const Exercise& exercise,
                                                                   const std::string& folder) {
  static const std::map<std::string, std::string> languages = {
      {".py", "python"}, {".cpp", "cpp"}, {".cc", "cpp"},       {".c", "c"},
      {".java", "java"}, {".rs", "rust"}, {".js", "javascript"}};
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::path(exercise.package_dir) / "submissions" / folder;
  if (!std::filesystem::is_directory(dir, ec)) return std::nullopt;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) {
    // Python first: the language most demo visitors read.
    return std::make_pair(a.extension() != ".py", a) < std::make_pair(b.extension() != ".py", b);
  });
  for (const auto& file : files) {
    auto language = languages.find(file.extension().string());
    if (language == languages.end()) continue;
    const auto& allowed = exercise.languages;
    if (std::find(allowed.begin(), allowed.end(), language->second) == allowed.end()) continue;
    std::ifstream in(file);
    std::stringstream text;
    text << in.rdbuf();
    return std::make_pair(language->second, text.str());
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<std::string, std::string>> DemoSolution(const Exercise& exercise,
                                                                bool accepted) {
  if (std::filesystem::exists(exercise.package_dir)) {
    return PackageSolution(exercise, accepted ? "accepted" : "wrong_answer");
  }
  if (exercise.languages.empty()) return std::nullopt;
  // The built-in exercises of --fake-judge: the fake judge fails sources saying WRONG.
  const auto& allowed = exercise.languages;
  std::string language = std::find(allowed.begin(), allowed.end(), "python") != allowed.end()
                             ? "python"
                             : allowed.front();
  return std::make_pair(language, std::string(accepted ? "print('Hello, world!')\n"
                                                       : "print('Hello world')  # WRONG\n"));
}

Result<void> SeedDemoEvidence(Storage& storage, const Catalog& catalog) {
  KOODIKOE_TRY(auto candidate, storage.FindUserByName(kDemoCandidate));
  KOODIKOE_TRY(auto company, storage.FindUserByName(kDemoCompany));
  if (!candidate || !company) return {};
  KOODIKOE_TRY(auto shares, storage.SharesOfCandidate(candidate->id));
  if (!shares.empty()) return {};  // seeded before (or the candidate chose otherwise)

  int64_t start = UnixNow() - 2 * 24 * 3600;
  int seeded = 0;
  Profile profile;
  profile.user_id = candidate->id;
  profile.intro_language = "en";
  profile.intro =
      "Career switcher from Oulu with a vocational degree. I build small IoT gadgets with "
      "Python and Arduino at home and want to do it for a living.";
  // The basics track first: what a newcomer to the demo recognises.
  auto exercises = catalog.All();
  std::stable_partition(exercises.begin(), exercises.end(),
                        [](const auto& exercise) { return exercise->track == "basics"; });
  for (const auto& exercise : exercises) {
    if (seeded == kDemoExercises) break;
    if (exercise->tier > 2) continue;
    auto found = DemoSolution(*exercise, true);
    if (!found) continue;
    std::pair<std::string, std::string> accepted = *found;
    auto wrong = DemoSolution(*exercise, false);
    int64_t at = start + seeded * 3 * 3600;
    for (const auto& attempt : {wrong, std::optional(accepted)}) {
      if (!attempt) continue;
      Submission submission;
      submission.user_id = candidate->id;
      submission.exercise = exercise->id;
      submission.language = attempt->first;
      submission.source = attempt->second;
      submission.created_at = at;
      at += 9 * 60;
      KOODIKOE_TRY_VOID(storage.AddSubmission(submission));
    }
    profile.reflections[exercise->id] =
        "I wrote it for the examples first, then checked the edge cases the statement names "
        "before submitting again.";
    ++seeded;
  }
  profile.updated_at = UnixNow();
  KOODIKOE_TRY_VOID(storage.PutProfile(profile));
  Share share;
  share.candidate_id = candidate->id;
  share.company_id = company->id;
  share.label = "Demo: shared with the partner company";
  share.created_at = UnixNow();
  KOODIKOE_TRY_VOID(storage.AddShare(share));
  return {};
}

}  // namespace web
