// Building programs (submissions and validators) in the sandbox, with a compile cache keyed by
// the language, its toolchain and the hash of every source file.
#pragma once

#include <string>
#include <vector>

#include "judge/languages.h"
#include "judge/package.h"
#include "koodikoe/result.h"
#include "languages_precompiled.h"
#include "runner/sandbox.h"

namespace judge {

// The pseudo-language of a submission that is the answers of a submit-answer problem: a file
// per test case, named like it (secret/1.out or .ans, or 1.out where that is unambiguous).
inline constexpr const char* kAnswersLanguage = "answers";
const Language& AnswersLanguage();

// Where built programs are mounted, read-only, inside the boxes that run them.
inline constexpr const char* kProgramMount = "/prog";

struct BuiltProgram {
  bool ok = false;
  CompileStatus status = CompileStatus::kCompileError;  // never kSkipped
  std::string output;                                   // the compiler's message, trimmed
  Language language;
  std::string dir;  // host directory with the built files (a cache entry)
  CommandValues values;
  bool run_script = false;  // a directory program with build/run scripts: run is /prog/run
  // Built from a directory: it runs in a copy of its built files, as programs that read their
  // own files or run `./helper` expect.
  bool multi_file = false;
  bool cached = false;
  int64_t compile_ms = 0;
  // Compiled with the language's precompiled headers offered (-I/pch); false when loaded
  // from the cache.
  bool precompiled = false;

  // The command that runs it, with the memory limit its runtime is told about.
  std::vector<std::string> RunArgv(uint64_t memory_mib) const;
};

struct BuildPlan;

class Builder {
 public:
  Builder(runner::Sandbox& sandbox, const LanguageRegistry& registry, std::string cache_dir)
      : sandbox_(sandbox),
        registry_(registry),
        cache_dir_(std::move(cache_dir)),
        precompiled_(sandbox, cache_dir_) {}

  // The language of a program: `id` if given, else from the extensions of its files. Where
  // answers are allowed (submit-answer problems), files of no language are answers.
  Result<const Language*> Detect(const ProgramSource& program, const std::string& id,
                                 bool answers_allowed = false) const;

  // Builds a program. A compile error is a BuiltProgram with ok == false; an Error means the
  // judge itself could not build (sandbox failure, unreadable files, missing compiler).
  // include_dirs are copied over the sources first (include/default, then include/<lang>).
  // The compiler runs with the package's compilation limits. The package's constants are
  // substituted in included files, and in the program's own when it is the package's.
  Result<BuiltProgram> Build(const ProgramSource& program, const Language& language,
                             const std::vector<std::string>& include_dirs, const Limits& limits,
                             const Constants& constants = {});

 private:
  Result<BuildPlan> Plan(const ProgramSource& source, const std::vector<std::string>& include_dirs,
                         const Constants& constants, BuiltProgram& program) const;
  // Runs the compiler or build script in `build_dir`; returns whether the result may be
  // cached.
  Result<bool> Compile(const ProgramSource& source, const std::string& build_dir,
                       const Limits& limits, BuiltProgram& program);
  // Runs the compiler once, with the precompiled headers in `precompiled_dir` if not "".
  Result<runner::Outcome> RunCompiler(const std::vector<std::string>& argv,
                                      const std::string& build_dir,
                                      const std::string& precompiled_dir, const Limits& limits,
                                      const Language& language);
  Result<BuiltProgram> Store(const std::string& temp, const std::string& entry, bool cacheable,
                             BuiltProgram program);

  runner::Sandbox& sandbox_;
  const LanguageRegistry& registry_;
  const std::string cache_dir_;
  PrecompiledHeaders precompiled_;
};

// $KOODIKOE_CACHE_DIR, else /var/cache/koodikoe for root, else $XDG_CACHE_HOME/koodikoe or
// ~/.cache/koodikoe.
std::string DefaultCacheDir();

// Replaces every {{name}} whose name is a constant; other text, unknown names included, stays.
std::string SubstituteConstants(const std::string& text, const Constants& constants);

// Keeps the first lines of a compiler's message.
std::string TrimMessage(const std::string& text, size_t max_bytes = 4000, size_t max_lines = 40);

}  // namespace judge
