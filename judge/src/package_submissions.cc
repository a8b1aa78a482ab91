// submissions/: sample submissions and what each is expected to get (its folder,
// submissions.yaml, @EXPECTED_RESULTS@ tags).
#include <fnmatch.h>
#include <sys/stat.h>

#include <cstdlib>
#include <map>
#include <set>

#include "package_reader.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

// The verdict word a folder under submissions/ names.
Expectation FolderExpectation(const std::string& folder) {
  Expectation expectation;
  expectation.folder = folder;
  static const std::set<std::string> kVerdictFolders = {
      "accepted",       "wrong_answer",          "time_limit_exceeded",
      "run_time_error", "memory_limit_exceeded", "output_limit_exceeded",
      "compile_error"};
  if (kVerdictFolders.count(folder)) {
    expectation.verdicts = {folder};
  } else if (folder == "rejected") {
    expectation.rejected = true;
  } else if (folder == "brute_force") {
    expectation.verdicts = {"time_limit_exceeded", "run_time_error"};
  } else if (folder == "partially_accepted") {
    expectation.partial = true;
  } else {
    expectation.known = false;
  }
  return expectation;
}

// DOMjudge-style tags in the source: "@EXPECTED_RESULTS@: WRONG-ANSWER, TIMELIMIT" and the
// problemtools tag "@EXPECTED_SCORE@: 40".
void ApplySourceTags(const ProgramSource& program, Expectation& expectation) {
  static const std::map<std::string, std::string> kResults = {
      {"CORRECT", "accepted"},
      {"WRONG-ANSWER", "wrong_answer"},
      {"NO-OUTPUT", "wrong_answer"},
      {"TIMELIMIT", "time_limit_exceeded"},
      {"RUN-ERROR", "run_time_error"},
      {"COMPILER-ERROR", "compile_error"},
      {"OUTPUT-LIMIT", "output_limit_exceeded"},
      {"MEMORY-LIMIT", "memory_limit_exceeded"},
  };
  for (const std::string& file : program.files) {
    std::string path = program.is_directory ? program.path + "/" + file : program.path;
    auto text = koodikoe::ReadFile(path, 256 << 10);
    if (!text) continue;
    size_t at = text->find("@EXPECTED_RESULTS@:");
    if (at != std::string::npos) {
      size_t end = text->find('\n', at);
      std::string list = text->substr(at + 19, end == std::string::npos ? end : end - at - 19);
      std::vector<std::string> verdicts;
      std::string word;
      for (char c : list + ",") {
        if (c == ',' || isspace(static_cast<unsigned char>(c))) {
          if (!word.empty()) {
            auto found = kResults.find(word);
            if (found != kResults.end()) verdicts.push_back(found->second);
            word.clear();
          }
        } else {
          word += static_cast<char>(toupper(static_cast<unsigned char>(c)));
        }
      }
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

}  // namespace

Result<void> PackageReader::ApplySubmissionsYaml(const YamlDoc& doc) {
  if (auto ok = RequireMap(doc, doc.root, "submissions.yaml"); !ok) return ok;
  for (const auto& rule : doc.root) {
    const std::string pattern = rule.first.Scalar();
    if (auto ok = RequireMap(doc, rule.second, pattern); !ok) return ok;
    for (SubmissionEntry& submission : package_.submissions) {
      if (!GlobMatches(pattern, submission.relative)) continue;
      Expectation& expected = submission.expected;
      for (const auto& entry : rule.second) {
        const std::string key = entry.first.Scalar();
        const YAML::Node& value = entry.second;
        if (key == "language" || key == "entrypoint") {
          auto text = AsString(doc, value, pattern + "." + key);
          if (!text) return tl::unexpected(text.error());
          (key == "language" ? submission.language : submission.entrypoint) =
              key == "language" ? CanonicalLanguage(*text) : *text;
        } else if (key == "permitted" || key == "required") {
          auto list = AsStringList(doc, value, pattern + "." + key, false);
          if (!list) return tl::unexpected(list.error());
          (key == "permitted" ? expected.permitted : expected.required) = *list;
          expected.known = true;
        } else if (key == "score") {
          if (value.IsSequence() && value.size() == 2) {
            auto low = AsDouble(doc, value[0], pattern + ".score");
            auto high = AsDouble(doc, value[1], pattern + ".score");
            if (!low) return tl::unexpected(low.error());
            if (!high) return tl::unexpected(high.error());
            expected.score_low = *low;
            expected.score_high = *high;
          } else {
            auto score = AsDouble(doc, value, pattern + ".score");
            if (!score) return tl::unexpected(score.error());
            expected.score_low = expected.score_high = *score;
          }
          expected.known = true;
        } else if (key == "message") {
          auto text = AsString(doc, value, pattern + ".message");
          if (!text) return tl::unexpected(text.error());
          expected.message = *text;
        } else if (key == "authors" || key == "model_solution" || key == "use_for_time_limit") {
        } else if (key.find('/') != std::string::npos || key == "sample" || key == "secret") {
          package_.warnings.push_back("submissions.yaml: per-group rules (" + pattern + "." + key +
                                      ") are not checked");
        } else {
          return tl::unexpected(YamlError(doc, entry.first, "unknown key '" + key + "'"));
        }
      }
    }
  }
  return {};
}

Result<void> PackageReader::ReadSubmissions() {
  bool is_dir = false;
  if (!Exists("submissions", &is_dir) || !is_dir) return {};
  auto folders = List(dir_ + "/submissions", "submissions");
  if (!folders) return tl::unexpected(folders.error());
  for (const Entry& folder : *folders) {
    if (!folder.is_dir) continue;  // submissions.yaml and notes
    auto entries = List(folder.path, folder.display);
    if (!entries) return tl::unexpected(entries.error());
    for (const Entry& entry : *entries) {
      auto program = ReadProgram(entry);
      if (!program) return tl::unexpected(program.error());
      SubmissionEntry submission;
      submission.relative = folder.name + "/" + entry.name;
      submission.expected = FolderExpectation(folder.name);
      ApplySourceTags(*program, submission.expected);
      submission.program = std::move(*program);
      package_.submissions.push_back(std::move(submission));
    }
  }
  std::string yaml_path = dir_ + "/submissions/submissions.yaml";
  struct stat st;
  if (::stat(yaml_path.c_str(), &st) == 0) {
    auto doc = LoadYaml(yaml_path, "submissions/submissions.yaml");
    if (!doc) return tl::unexpected(doc.error());
    if (auto ok = ApplySubmissionsYaml(*doc); !ok) return ok;
  }
  return {};
}

}  // namespace judge
