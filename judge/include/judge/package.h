// Reading exercise packages in the Kattis / ICPC problem package format: legacy (no version
// key), 2023-07-draft and 2025-09, plus koodikoe's own keys under `koodikoe:`.
//
// The reader only reads: it never runs anything. Paths in the result are absolute host paths
// with every symlink resolved (and checked to stay inside the package).
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "judge/judge.h"
#include "judge/languages.h"
#include "koodikoe/result.h"

namespace judge {

using koodikoe::Error;
using koodikoe::Result;

enum class FormatVersion { kLegacy, k2023_07, k2025_09 };
const char* FormatVersionName(FormatVersion version);

// How a group combines the results of its test cases and subgroups.
enum class Aggregation {
  kPassFail,  // 2025-09: full max_score iff every case passed
  kSum,
  kMin,
  kMax,  // legacy only
  kAvg,  // legacy only
};

enum class VerdictMode { kWorstError, kFirstError, kAlwaysAccept };  // legacy grader flags

// Settings of one test group: the scoring keys of legacy testdata.yaml and of 2025-09
// test_group.yaml, plus the per-case arguments they pass down.
struct GroupSettings {
  // Legacy testdata.yaml (inherited downward).
  double accept_score = 1;
  double reject_score = 0;
  double range_low = -std::numeric_limits<double>::infinity();
  double range_high = std::numeric_limits<double>::infinity();
  Aggregation legacy_aggregation = Aggregation::kSum;
  VerdictMode verdict_mode = VerdictMode::kWorstError;
  bool ignore_sample = false;
  bool accept_if_any_accepted = false;
  bool break_on_reject = true;  // on_reject: break | continue
  bool custom_grading = false;  // grading: custom (legacy graders/ are not run; default is used)
  // 2025-09 test_group.yaml (not inherited).
  std::optional<double> max_score;  // nullopt = unbounded
  Aggregation aggregation = Aggregation::kPassFail;
  std::vector<std::string> require_pass;  // group names relative to data/
  // Both.
  std::vector<std::string> args;                   // to the submission
  std::vector<std::string> output_validator_args;  // appended to the problem's flags
  std::vector<std::string> input_validator_args;
  std::map<std::string, std::vector<std::string>> input_validator_args_by_name;
  bool full_feedback = false;
};

struct TestCase {
  std::string name;         // relative to data/, without extension: "secret/group1/03"
  std::string group;        // "sample", "secret", "secret/group1"
  std::string input_path;   // absolute host path of the .in file
  std::string answer_path;  // absolute host path of the .ans file
  std::string files_dir;    // the .files directory, "" if none
  std::vector<std::string> args;
  std::vector<std::string> output_validator_args;  // the full list for this case
  std::vector<std::string> input_validator_args;
  std::map<std::string, std::vector<std::string>> input_validator_args_by_name;
  std::string hint;
  std::string description;
  bool full_feedback = false;
  bool is_sample = false;
  // What the test is worth when it is not split from its group's max_score: the points of a
  // `service` scenario (input_path is then the scenario file and answer_path is empty).
  std::optional<double> points;
};

struct TestGroup {
  std::string name;  // "sample", "secret", "secret/group1"
  std::string dir;   // absolute host path
  GroupSettings settings;
  std::vector<int> cases;  // indices into Package::cases, in order
  std::vector<TestGroup> groups;
};

// A program in the package (submission, validator): one file or a directory.
struct ProgramSource {
  std::string name;                // file or directory name: "solution.py", "checker"
  std::string path;                // absolute host path
  std::vector<std::string> files;  // relative paths of the source files, sorted
  bool is_directory = false;
  bool has_build_script = false;  // directory with build and/or run scripts
  bool has_run_script = false;
  bool from_package = false;  // the package's own program: its constants are substituted
};

// problem.yaml's constants (2023-07, 2025-09): name -> value as written.
using Constants = std::map<std::string, std::string>;

// The per-test classes of submissions.yaml's permitted and required: AC, WA, TLE, RTE (every
// other failure counts as RTE).
enum class CaseClass { kAccepted, kWrongAnswer, kTimeLimit, kRunTimeError };
CaseClass CaseClassOf(Verdict verdict);
const char* CaseClassCode(CaseClass case_class);  // "AC", "WA", "TLE", "RTE"

// submissions.yaml's use_for_time_limit: false, lower, upper, or (not given) by the rules.
enum class TimeLimitUse { kByRules, kNone, kLower, kUpper };

// What a sample submission is expected to get.
struct Expectation {
  std::string folder;             // "accepted", "wrong_answer", ...
  std::vector<Verdict> verdicts;  // acceptable final verdicts (empty = any)
  std::optional<double> score_low;
  std::optional<double> score_high;
  std::vector<CaseClass> permitted;  // every test in one of these (empty = any)
  std::vector<CaseClass> required;   // some test in one of these (empty = no rule)
  std::string message;               // must appear in some judge message
  bool rejected = false;             // folder `rejected`: anything but accepted
  bool partial = false;              // folder `partially_accepted`: 0 < score < max_score
  bool known = true;                 // false: a folder with no rule; the submission is not checked
  TimeLimitUse time_limit_use = TimeLimitUse::kByRules;

  // Expected accepted on every test: its folder, tags or submissions.yaml say so.
  bool ExpectsAccepted() const;
  // Its slowest test bounds the time limit from below (time limit inference): expected
  // accepted, or `use_for_time_limit: lower`.
  bool BoundsTimeLimitFromBelow() const;
  // Must be too slow on some test (folder time_limit_exceeded, `required: [TLE]`, or
  // `use_for_time_limit: upper`): the time limit times time_limit_to_tle must not let it pass.
  bool BoundsTimeLimitFromAbove() const;
};

struct SubmissionEntry {
  ProgramSource program;
  std::string relative;  // "accepted/hello.py"
  std::string language;  // from submissions.yaml; "" = by extension
  std::string entrypoint;
  Expectation expected;
};

// Whose conventions the package follows where judges differ: Kattis' (problemtools), or
// DOMjudge's (a domjudge-problem.ini, or koodikoe.conventions: domjudge). See judge/README.md.
enum class Conventions { kKattis, kDomjudge };

// koodikoe.kind: what a candidate writes and how it is run.
enum class ExerciseKind { kBatch, kInteractive, kGrader, kService, kIot, kGame };
const char* ExerciseKindWord(ExerciseKind kind);  // "batch", "interactive", ...
// iot and game: a simulator in simulators/ talks to the program and scores it from 0 to 1 (a
// game's also writes a replay, replay.h).
inline bool ScoredBySimulator(ExerciseKind kind) {
  return kind == ExerciseKind::kIot || kind == ExerciseKind::kGame;
}

// How output validators report: the default validator, Kattis' exit codes, testlib's.
enum class ValidatorStyle { kDefault, kKattis, kTestlib };

struct KoodikoeKeys {
  int tier = 0;  // 1..5, 0 = not given
  std::string track;
  std::vector<std::string> skills;
  // The kind's word, as the platform shows it; the judge goes by Package::kind.
  std::string kind = "batch";
  std::optional<ValidatorStyle> validator_style;  // kattis | testlib; nullopt = detected
  std::optional<Conventions> conventions;  // nullopt = DOMjudge's where a domjudge-problem.ini is
};

struct Limits {
  std::optional<double> time_limit;                // seconds; nullopt = derive from submissions
  bool time_limit_from_file = false;               // came from .timelimit or domjudge-problem.ini
  std::string time_limit_source = "problem.yaml";  // where time_limit came from, for messages
  double ac_to_time_limit = 2.0;                   // legacy time_multiplier (5)
  double time_limit_to_tle = 1.5;                  // legacy time_safety_margin (2)
  double time_resolution = 1.0;
  uint64_t memory_mib = 2048;
  uint64_t output_mib = 8;
  uint64_t code_kib = 128;
  double compilation_time = 60;
  uint64_t compilation_memory_mib = 2048;
  double validation_time = 60;
  uint64_t validation_memory_mib = 2048;
  uint64_t validation_output_mib = 8;
  int validation_passes = 2;
  // koodikoe.disk: what a program's box may write in all (its /box and /tmp), in MiB.
  uint64_t disk_mib = 256;
};

struct Package {
  std::string dir;  // absolute, resolved
  std::string id;   // directory name
  FormatVersion version = FormatVersion::kLegacy;
  Conventions conventions = Conventions::kKattis;
  ExerciseKind kind = ExerciseKind::kBatch;
  // What solving a pass-fail problem is worth: 1, or a DOMjudge package's `points`.
  double points = 1;
  std::map<std::string, std::string> names;  // language -> name
  bool scoring = false;
  bool interactive = false;
  bool multi_pass = false;
  bool submit_answer = false;  // a submission may be the answers themselves (see judge/README.md)
  // A 2023-07 package whose group files use only legacy scoring keys: graded as legacy ones.
  bool legacy_grading = false;
  bool custom_output_validation = false;     // `validation: custom` or an output validator
  std::vector<std::string> validator_flags;  // problem-wide output validator flags (legacy)
  std::vector<std::string> languages;        // allowed language ids; empty = all
  Limits limits;
  KoodikoeKeys koodikoe;

  std::vector<TestCase> cases;  // sample first, then secret, in lexicographic order
  TestGroup root;               // "data": children sample and secret
  std::vector<ProgramSource> output_validators;
  std::vector<ProgramSource> input_validators;
  // Language id or "default" -> dir: include/, or graders/ for the `grader` kind.
  std::map<std::string, std::string> include_dirs;
  std::string scenarios_dir;  // `service` kind: scenarios/, one test per *.yaml
  // starter/: the code a candidate's editor starts from, one file per language (by its
  // extension): file name -> absolute path. A koodikoe addition; see StarterCode.
  std::map<std::string, std::string> starters;
  std::vector<SubmissionEntry> submissions;
  std::map<std::string, std::string> statements;  // "en" -> path (md, tex or pdf)
  Constants constants;
  std::vector<std::string> warnings;  // what a package author should fix, but can be judged

  std::string DisplayName() const;
  // Groups are graded by legacy testdata.yaml rules (inherited, grader flags, accept_score).
  bool LegacyGrading() const { return version == FormatVersion::kLegacy || legacy_grading; }
  // The group with this name ("secret/group1"), or nullptr.
  const TestGroup* FindGroup(const std::string& name) const;
};

struct ReadOptions {
  bool with_submissions = true;
};

// Reads and checks a package. A malformed package is an Error naming the file and the fault.
Result<Package> ReadPackage(const std::string& dir, const ReadOptions& options = {});

// A statement's text ("en", "fi"...) with the package's constants substituted (Markdown), or
// an error if there is none in that language.
Result<std::string> StatementText(const Package& package, const std::string& language);

// What a candidate may choose, in the registry's order: the installed languages that
// problem.yaml's `languages` allows (a `grader` exercise's default: those with a harness in
// graders/), and of those a `service` exercise, unless problem.yaml names its languages, only
// the ones whose registry entry says `services: true`. Every other kind (batch, interactive,
// iot, game: the program talks over stdin and stdout) is offered in every installed language.
std::vector<std::string> CandidateLanguages(const Package& package,
                                            const LanguageRegistry& registry);

// The package's starting code by language id (constants substituted): each file of starter/
// goes to the language its extension names in `registry` (the first file wins; a file no
// language claims is left out). Empty where the package has no starter/.
std::map<std::string, std::string> StarterCode(const Package& package,
                                               const LanguageRegistry& registry);

// Splits a legacy flag string ("float_tolerance 1e-6 case_sensitive") the way a shell would,
// with quotes.
std::vector<std::string> SplitFlags(const std::string& text);

}  // namespace judge
