#include "judge/commands.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "evaluator.h"
#include "exercise_check.h"
#include "judge/languages.h"
#include "judge/package_judge.h"
#include "languages_precompiled.h"

namespace judge {

namespace {

constexpr const char* kJudgeUsage =
    "usage: koodikoe judge PACKAGE_DIR SOURCE [--language ID] [--json] [--jobs N] [--all]\n"
    "                      [--samples] [--cache DIR] [--allow-weak-limits]\n"
    "  Judges SOURCE (a file, or a directory with sources or build/run scripts) against the\n"
    "  package. --all runs every test even after a failure; --json prints the report as JSON.\n";

constexpr const char* kExerciseUsage =
    "usage: koodikoe exercise check PACKAGE_DIR... [--jobs N] [--verbose] [--cache DIR]\n"
    "  Checks packages: structure, input validators over every input, and every submission\n"
    "  under submissions/ against the verdict its folder names. Exit 0 iff all match.\n";

struct CommonFlags {
  JudgeConfig config;
  int jobs = 0;
};

// Parses a flag shared by the commands; returns false if `arg` is not one.
bool ParseCommonFlag(const std::vector<std::string>& args, size_t& i, CommonFlags& flags,
                     std::string& error) {
  const std::string& arg = args[i];
  auto value = [&]() -> std::string {
    if (i + 1 >= args.size()) {
      error = arg + " needs a value";
      return "";
    }
    return args[++i];
  };
  if (arg == "--jobs" || arg == "-j") {
    std::string text = value();
    char* end = nullptr;
    long jobs = std::strtol(text.c_str(), &end, 10);
    if (error.empty() && (text.empty() || *end != '\0' || jobs < 1 || jobs > 256)) {
      error = "--jobs wants a number from 1 to 256";
    }
    flags.jobs = static_cast<int>(jobs);
    flags.config.slots = std::max(flags.config.slots, flags.jobs);
    return true;
  }
  if (arg == "--cache") {
    flags.config.cache_dir = value();
    return true;
  }
  if (arg == "--languages-file") {
    flags.config.languages_file = value();
    return true;
  }
  if (arg == "--allow-weak-limits") {
    flags.config.allow_weak_limits = true;
    return true;
  }
  return false;
}

std::string Seconds(double seconds) {
  char text[32];
  std::snprintf(text, sizeof text, "%g s", seconds);
  return text;
}

void PrintSummary(const Report& report, const std::string& package, std::ostream& out) {
  out << package << ": " << VerdictWord(report.verdict);
  char score[64];
  std::snprintf(score, sizeof score, "  score %g/%g", report.score, report.max_score);
  out << score;
  if (!report.language.empty()) out << "  (" << report.language;
  if (report.time_limit > 0) out << ", time limit " << Seconds(report.time_limit);
  if (!report.language.empty()) out << ")";
  out << "\n";
  if (!report.message.empty()) out << report.message << "\n";
  if (report.compile_status == CompileStatus::kCompileError || !report.compile_output.empty()) {
    out << "compiler says:\n" << report.compile_output << "\n";
  }
  for (const TestResult& test : report.tests) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-28s %-22s %6lld ms %7.1f MiB", test.name.c_str(),
                  VerdictWord(test.verdict), static_cast<long long>(test.cpu_ms),
                  static_cast<double>(test.memory_kib) / 1024.0);
    out << line;
    if (!test.feedback.empty() && test.verdict != Verdict::kAccepted) out << "  " << test.feedback;
    out << "\n";
  }
}

// An argument both commands take besides their own flags: a shared flag or a positional one
// (into `positional`). The exit code when the command must stop, having said why on stderr;
// nullopt to go on.
std::optional<int> TakeSharedArg(const std::vector<std::string>& args, size_t& i,
                                 CommonFlags& flags, std::vector<std::string>& positional,
                                 const char* command, const char* usage) {
  std::string error;
  if (ParseCommonFlag(args, i, flags, error)) {
    if (error.empty()) return std::nullopt;
    std::cerr << "koodikoe " << command << ": " << error << "\n";
    return 2;
  }
  if (args[i].rfind("--", 0) == 0) {
    std::cerr << "koodikoe " << command << ": unknown option " << args[i] << "\n" << usage;
    return 2;
  }
  positional.push_back(args[i]);
  return std::nullopt;
}

}  // namespace

int JudgeCommand(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::vector<std::string> positional;
  CommonFlags flags;
  EvaluateRequest request;
  bool json = false;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--help" || args[i] == "-h") {
      std::cout << kJudgeUsage;
      return 0;
    } else if (args[i] == "--json") {
      json = true;
    } else if (args[i] == "--all") {
      request.run_all_tests = true;
    } else if (args[i] == "--samples") {
      request.samples_only = true;
    } else if (args[i] == "--language" || args[i] == "-l") {
      if (i + 1 >= args.size()) {
        std::cerr << "koodikoe judge: --language needs an id\n" << kJudgeUsage;
        return 2;
      }
      request.language = args[++i];
    } else if (auto stop = TakeSharedArg(args, i, flags, positional, "judge", kJudgeUsage)) {
      return *stop;
    }
  }
  if (positional.size() != 2) {
    std::cerr << kJudgeUsage;
    return 2;
  }
  request.package_dir = positional[0];
  request.source_path = positional[1];
  request.jobs = flags.jobs;

  auto judge = PackageJudge::Create(flags.config);
  if (!judge) {
    std::cerr << "koodikoe judge: " << judge.error().Describe() << "\n";
    return 1;
  }
  const bool terminal = ::isatty(2);
  ProgressFn progress = [&](const Progress& step) {
    if (!terminal || step.total == 0) return;
    std::string last =
        step.last ? std::string(step.last->name) + " " + VerdictWord(step.last->verdict) : "";
    std::fprintf(stderr, "\r\033[Kjudging [%d/%d] %s", step.done, step.total, last.c_str());
    if (step.done == step.total) std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
  };
  auto report = (*judge)->Evaluate(request, progress);
  if (terminal) std::fprintf(stderr, "\r\033[K");
  if (!report) {
    std::cerr << "koodikoe judge: " << report.error().Describe() << "\n";
    return 1;
  }
  if (json) {
    std::cout << ReportJson(*report) << std::endl;
  } else {
    PrintSummary(*report, positional[0], std::cout);
  }
  return 0;
}

int ExerciseCommand(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::cout << kExerciseUsage;
    return args.empty() ? 2 : 0;
  }
  if (args[0] != "check") {
    std::cerr << "koodikoe exercise: unknown subcommand '" << args[0] << "'\n" << kExerciseUsage;
    return 2;
  }
  CommonFlags flags;
  CheckOptions options;
  std::vector<std::string> packages;
  for (size_t i = 1; i < args.size(); ++i) {
    if (args[i] == "--verbose" || args[i] == "-v") {
      options.verbose = true;
    } else if (auto stop = TakeSharedArg(args, i, flags, packages, "exercise", kExerciseUsage)) {
      return *stop;
    }
  }
  if (packages.empty()) {
    std::cerr << kExerciseUsage;
    return 2;
  }
  options.jobs = flags.jobs;
  auto evaluator = Evaluator::Create(flags.config);
  if (!evaluator) {
    std::cerr << "koodikoe exercise: " << evaluator.error().Describe() << "\n";
    return 1;
  }
  CheckTotals totals;
  for (const std::string& package : packages) {
    CheckPackage(**evaluator, package, options, std::cout, totals);
    std::cout.flush();
  }
  bool ok = totals.mismatched == 0 && totals.errors == 0;
  std::cout << "exercise check: " << packages.size() << " packages, " << totals.errors
            << " package errors, " << (ok ? "all submissions match" : "MISMATCHES") << "\n";
  std::cout << "check: " << totals.matched << " passed, " << totals.mismatched + totals.errors
            << " failed, " << totals.skipped << " skipped\n";
  return ok ? 0 : 1;
}

namespace {

constexpr const char* kLanguagesUsage =
    "usage: koodikoe languages [--json] [--cache DIR] [--languages-file FILE]\n"
    "       koodikoe languages --warm [--cache DIR] [--allow-weak-limits] [--languages-file FILE]\n"
    "  --warm builds the precompiled headers of the installed languages that list some\n"
    "  (languages.yaml `precompiled:`) in the compile cache, once per compiler and flags;\n"
    "  --json lists them per language (`precompiled`: header, and whether it is warm now).\n";

// `languages --warm`: builds every installed language's precompiled headers.
int WarmLanguages(const LanguageRegistry& registry, std::string cache_dir, bool weak_limits) {
  runner::SandboxOptions options;
  options.allow_weak_limits = weak_limits;
  auto sandbox = runner::Sandbox::Create(options);
  if (!sandbox) {
    std::cerr << "koodikoe languages: " << sandbox.error().Describe() << "\n";
    return 1;
  }
  if (cache_dir.empty()) cache_dir = DefaultCacheDir();
  PrecompiledHeaders headers(*sandbox, cache_dir);
  int failed = 0;
  for (const Language& language : registry.languages()) {
    if (language.precompiled.empty() || !language.installed) continue;
    auto built = headers.Build(language);
    std::cout << std::left << std::setw(12) << language.id;
    if (built) {
      std::cout << "precompiled in " << *built << "\n";
    } else {
      ++failed;
      std::cout << "not precompiled: " << built.error().Describe() << "\n";
    }
  }
  return failed == 0 ? 0 : 1;
}

// The headers `languages --warm` precompiles for the language, and whether each is built and
// unchanged in the compile cache now (a compile would use it).
nlohmann::json PrecompiledJson(const Language& language, const std::string& cache_dir) {
  nlohmann::json headers = nlohmann::json::array();
  for (const PrecompiledState& state : PrecompiledHeaders::States(language, cache_dir)) {
    headers.push_back({{"header", state.header}, {"warm", state.warm}});
  }
  return headers;
}

}  // namespace

int LanguagesCommand(int argc, char** argv) {
  bool json = false, warm = false, weak_limits = false;
  std::string file, cache_dir;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--json") {
      json = true;
    } else if (arg == "--warm") {
      warm = true;
    } else if (arg == "--allow-weak-limits") {
      weak_limits = true;
    } else if (arg == "--languages-file" && i + 1 < argc) {
      file = argv[++i];
    } else if (arg == "--cache" && i + 1 < argc) {
      cache_dir = argv[++i];
    } else {
      std::cerr << kLanguagesUsage;
      return arg == "--help" || arg == "-h" ? 0 : 2;
    }
  }
  auto registry = file.empty() ? LanguageRegistry::LoadDefault() : LanguageRegistry::Load(file);
  if (!registry) {
    std::cerr << "koodikoe languages: " << registry.error().Describe() << "\n";
    return 1;
  }
  if (warm) return WarmLanguages(*registry, cache_dir, weak_limits);
  if (cache_dir.empty()) cache_dir = DefaultCacheDir();
  nlohmann::json list = nlohmann::json::array();
  int missing = 0;
  for (const Language& language : registry->languages()) {
    std::string version = language.installed ? LanguageRegistry::Version(language) : "";
    std::string missing_file;
    for (const std::string& required : language.required_files) {
      if (::access(required.c_str(), X_OK) != 0 && missing_file.empty()) missing_file = required;
    }
    missing += language.installed ? 0 : 1;
    if (json) {
      list.push_back({{"id", language.id},
                      {"name", language.name},
                      {"extensions", language.extensions},
                      {"installed", language.installed},
                      {"version", version},
                      {"precompiled", PrecompiledJson(language, cache_dir)}});
      continue;
    }
    std::cout << std::left << std::setw(12) << language.id << std::setw(24) << language.name
              << (language.installed ? version : "missing (" + missing_file + " not found)")
              << "\n";
  }
  if (json) {
    std::cout << list.dump() << std::endl;
  } else {
    std::cout << "\n"
              << registry->languages().size() - missing << " installed, " << missing
              << " missing; registry: " << registry->path() << "\n";
  }
  return 0;
}

}  // namespace judge
