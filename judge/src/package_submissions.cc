// submissions/: sample submissions and what each is expected to get (its folder,
// submissions.yaml, @EXPECTED_RESULTS@ tags).
#include <fnmatch.h>
#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>

#include "koodikoe/try.h"
#include "package_reader.h"
#include "words.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

// The verdicts a folder under submissions/ names. Kattis' formats have no memory limit
// verdict: a program that runs out of memory is a run-time error there (DOMjudge has one).
Expectation FolderExpectation(const std::string& folder, Conventions conventions) {
  Expectation expectation;
  expectation.folder = folder;
  std::optional<Verdict> named = VerdictFromWord(folder);
  if (named && *named != Verdict::kJudgingError) {
    expectation.verdicts = {*named};
    if (*named == Verdict::kRunTimeError && conventions == Conventions::kKattis) {
      expectation.verdicts.push_back(Verdict::kMemoryLimit);
    }
  } else if (folder == "rejected") {
    expectation.rejected = true;
  } else if (folder == "brute_force") {
    expectation.verdicts = {Verdict::kTimeLimit, Verdict::kRunTimeError};
  } else if (folder == "partially_accepted") {
    expectation.partial = true;
  } else {
    expectation.known = false;
  }
  return expectation;
}

// The verdicts of "@EXPECTED_RESULTS@: WRONG-ANSWER, TIMELIMIT" (DOMjudge's words).
std::vector<Verdict> ParseExpectedResults(const std::string& list) {
  static const std::map<std::string, Verdict> kResults = {
      {"CORRECT", Verdict::kAccepted},         {"WRONG-ANSWER", Verdict::kWrongAnswer},
      {"NO-OUTPUT", Verdict::kWrongAnswer},    {"TIMELIMIT", Verdict::kTimeLimit},
      {"RUN-ERROR", Verdict::kRunTimeError},   {"COMPILER-ERROR", Verdict::kCompileError},
      {"OUTPUT-LIMIT", Verdict::kOutputLimit}, {"MEMORY-LIMIT", Verdict::kMemoryLimit},
  };
  std::vector<Verdict> verdicts;
  std::string word;
  for (char c : list + ",") {
    if (c != ',' && !isspace(static_cast<unsigned char>(c))) {
      word += static_cast<char>(toupper(static_cast<unsigned char>(c)));
      continue;
    }
    auto found = kResults.find(word);
    if (found != kResults.end()) verdicts.push_back(found->second);
    word.clear();
  }
  return verdicts;
}

// The folders whose verdict DOMjudge takes from the folder alone, ignoring tags.
bool IsOfficialFolder(const std::string& folder) {
  return folder == "accepted" || folder == "wrong_answer" || folder == "time_limit_exceeded" ||
         folder == "run_time_error";
}

// Tags in the source: DOMjudge's "@EXPECTED_RESULTS@: WRONG-ANSWER, TIMELIMIT" and the
// problemtools tag "@EXPECTED_SCORE@: 40".
void ApplySourceTags(const ProgramSource& program, Conventions conventions,
                     Expectation& expectation) {
  const bool results_count =
      conventions == Conventions::kKattis || !IsOfficialFolder(expectation.folder);
  for (const std::string& file : program.files) {
    std::string path = program.is_directory ? program.path + "/" + file : program.path;
    auto text = koodikoe::ReadFile(path, 256 << 10);
    if (!text) continue;
    size_t at = text->find("@EXPECTED_RESULTS@:");
    if (at != std::string::npos && results_count) {
      size_t end = text->find('\n', at);
      auto verdicts = ParseExpectedResults(
          text->substr(at + 19, end == std::string::npos ? end : end - at - 19));
      if (!verdicts.empty()) {
        expectation.verdicts = verdicts;
        expectation.rejected = false;
        expectation.partial = false;
        expectation.known = true;
      }
    }
    at = text->find("@EXPECTED_SCORE@:");
    if (at != std::string::npos) {
      double score = std::strtod(text->c_str() + at + 17, nullptr);
      expectation.score_low = expectation.score_high = score;
      expectation.known = true;
    }
  }
}

// Expands "{a,b}.py" into "a.py", "b.py" (one level of braces at a time, recursively).
std::vector<std::string> ExpandBraces(const std::string& pattern) {
  size_t open = pattern.find('{');
  size_t close = open == std::string::npos ? open : pattern.find('}', open);
  if (close == std::string::npos) return {pattern};
  std::vector<std::string> results;
  std::string head = pattern.substr(0, open);
  std::string tail = pattern.substr(close + 1);
  std::string body = pattern.substr(open + 1, close - open - 1);
  size_t start = 0;
  while (true) {
    size_t comma = body.find(',', start);
    std::string option = body.substr(start, comma == std::string::npos ? comma : comma - start);
    for (std::string& expanded : ExpandBraces(head + option + tail)) {
      results.push_back(std::move(expanded));
    }
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return results;
}

// A submissions.yaml glob matches a submission or any of its parent directories.
bool GlobMatches(const std::string& pattern, const std::string& relative) {
  for (const std::string& expanded : ExpandBraces(pattern)) {
    std::string path = relative;
    while (!path.empty()) {
      if (::fnmatch(expanded.c_str(), path.c_str(), FNM_PATHNAME) == 0) return true;
      size_t slash = path.rfind('/');
      if (slash == std::string::npos) break;
      path.resize(slash);
    }
  }
  return false;
}

Result<std::vector<CaseClass>> ParseCaseClasses(const YamlDoc& doc, const YAML::Node& node,
                                                const std::string& key) {
  KOODIKOE_TRY(auto words, AsStringList(doc, node, key, /*split_scalar=*/false));
  std::vector<CaseClass> classes;
  for (const std::string& word : words) {
    const WordTable<CaseClass>& codes = CaseClassWords();
    auto found = std::find_if(codes.begin(), codes.end(),
                              [&](const auto& code) { return code.first == word; });
    if (found == codes.end()) {
      return tl::unexpected(
          YamlError(doc, node, key + ": '" + word + "' is not one of AC, WA, TLE, RTE"));
    }
    classes.push_back(found->second);
  }
  return classes;
}

Result<TimeLimitUse> ParseTimeLimitUse(const YamlDoc& doc, const YAML::Node& node,
                                       const std::string& key) {
  KOODIKOE_TRY(auto text, AsString(doc, node, key));
  if (text == "lower") return TimeLimitUse::kLower;
  if (text == "upper") return TimeLimitUse::kUpper;
  auto flag = AsBool(doc, node, key);
  if (!flag) {
    return tl::unexpected(YamlError(doc, node, key + " must be true, false, lower or upper"));
  }
  return *flag ? TimeLimitUse::kByRules : TimeLimitUse::kNone;
}

Result<void> ParseScore(const YamlDoc& doc, const YAML::Node& value, const std::string& key,
                        Expectation& expected) {
  if (value.IsSequence() && value.size() == 2) {
    KOODIKOE_TRY(auto low, AsDouble(doc, value[0], key));
    KOODIKOE_TRY(auto high, AsDouble(doc, value[1], key));
    expected.score_low = low;
    expected.score_high = high;
  } else {
    KOODIKOE_TRY(auto score, AsDouble(doc, value, key));
    expected.score_low = expected.score_high = score;
  }
  return {};
}

}  // namespace

// One key of a submissions.yaml rule, applied to one submission it matches.
Result<void> PackageReader::ApplySubmissionKey(const YamlDoc& doc, const std::string& pattern,
                                               const std::string& key, const YAML::Node& value,
                                               SubmissionEntry& submission) {
  Expectation& expected = submission.expected;
  const std::string name = pattern + "." + key;
  if (key == "language" || key == "entrypoint") {
    KOODIKOE_TRY(auto text, AsString(doc, value, name));
    (key == "language" ? submission.language : submission.entrypoint) =
        key == "language" ? CanonicalLanguage(text) : text;
  } else if (key == "permitted" || key == "required") {
    KOODIKOE_TRY(auto classes, ParseCaseClasses(doc, value, name));
    (key == "permitted" ? expected.permitted : expected.required) = classes;
    expected.known = true;
  } else if (key == "score") {
    KOODIKOE_TRY_VOID(ParseScore(doc, value, name, expected));
    expected.known = true;
  } else if (key == "message") {
    KOODIKOE_TRY(auto text, AsString(doc, value, name));
    expected.message = text;
  } else if (key == "use_for_time_limit") {
    KOODIKOE_TRY(auto use, ParseTimeLimitUse(doc, value, name));
    expected.time_limit_use = use;
  } else if (key == "authors" || key == "model_solution") {
  } else if (key.find('/') != std::string::npos || key == "sample" || key == "secret") {
    package_.warnings.push_back("submissions.yaml: per-group rules (" + name + ") are not checked");
  } else {
    return tl::unexpected(YamlError(doc, value, "unknown key '" + key + "'"));
  }
  return {};
}

Result<void> PackageReader::ApplySubmissionsYaml(const YamlDoc& doc) {
  KOODIKOE_TRY_VOID(RequireMap(doc, doc.root, "submissions.yaml"));
  for (const auto& rule : doc.root) {
    const std::string pattern = rule.first.Scalar();
    KOODIKOE_TRY_VOID(RequireMap(doc, rule.second, pattern));
    for (SubmissionEntry& submission : package_.submissions) {
      if (!GlobMatches(pattern, submission.relative)) continue;
      Expectation& expected = submission.expected;
      // A rule named just like the folder replaces the folder's default rule; any other
      // pattern adds to it.
      if (pattern == expected.folder && (rule.second["permitted"] || rule.second["required"])) {
        expected.verdicts.clear();
        expected.rejected = expected.partial = false;
      }
      for (const auto& entry : rule.second) {
        KOODIKOE_TRY_VOID(
            ApplySubmissionKey(doc, pattern, entry.first.Scalar(), entry.second, submission));
      }
    }
  }
  return {};
}

Result<void> PackageReader::ReadSubmissions() {
  bool is_dir = false;
  if (!Exists("submissions", &is_dir) || !is_dir) return {};
  KOODIKOE_TRY(auto folders, List(dir_ + "/submissions", "submissions"));
  for (const Entry& folder : folders) {
    if (!folder.is_dir) continue;  // submissions.yaml and notes
    KOODIKOE_TRY(auto entries, List(folder.path, folder.display));
    for (const Entry& entry : entries) {
      KOODIKOE_TRY(auto program, ReadProgram(entry));
      SubmissionEntry submission;
      submission.relative = folder.name + "/" + entry.name;
      submission.expected = FolderExpectation(folder.name, package_.conventions);
      ApplySourceTags(program, package_.conventions, submission.expected);
      submission.program = std::move(program);
      package_.submissions.push_back(std::move(submission));
    }
  }
  std::string yaml_path = dir_ + "/submissions/submissions.yaml";
  struct stat st;
  if (::stat(yaml_path.c_str(), &st) == 0) {
    KOODIKOE_TRY(auto doc, LoadYaml(yaml_path, "submissions/submissions.yaml"));
    KOODIKOE_TRY_VOID(ApplySubmissionsYaml(doc));
  }
  return {};
}

CaseClass CaseClassOf(Verdict verdict) {
  switch (verdict) {
    case Verdict::kAccepted:
      return CaseClass::kAccepted;
    case Verdict::kWrongAnswer:
      return CaseClass::kWrongAnswer;
    case Verdict::kTimeLimit:
      return CaseClass::kTimeLimit;
    default:
      return CaseClass::kRunTimeError;
  }
}

bool Expectation::ExpectsAccepted() const {
  if (!known || rejected || partial) return false;
  if (verdicts == std::vector<Verdict>{Verdict::kAccepted}) return true;
  return verdicts.empty() && permitted == std::vector<CaseClass>{CaseClass::kAccepted};
}

bool Expectation::BoundsTimeLimitFromBelow() const {
  switch (time_limit_use) {
    case TimeLimitUse::kNone:
    case TimeLimitUse::kUpper:
      return false;
    case TimeLimitUse::kLower:
      return true;
    case TimeLimitUse::kByRules:
      break;
  }
  return ExpectsAccepted();
}

bool Expectation::BoundsTimeLimitFromAbove() const {
  switch (time_limit_use) {
    case TimeLimitUse::kNone:
    case TimeLimitUse::kLower:
      return false;
    case TimeLimitUse::kUpper:
      return true;
    case TimeLimitUse::kByRules:
      break;
  }
  return verdicts == std::vector<Verdict>{Verdict::kTimeLimit} ||
         required == std::vector<CaseClass>{CaseClass::kTimeLimit};
}

}  // namespace judge
