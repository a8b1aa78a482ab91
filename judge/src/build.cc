#include "build.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>

#include "fs_util.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "run_spec.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

constexpr const char* kCacheFormat = "build-v1";

// The spec's convention for directory programs with `build` and/or `run` scripts.
Language ScriptLanguage() {
  Language language;
  language.id = "script";
  language.name = "build/run scripts";
  language.run = {"{dir}/run"};
  language.processes = 128;
  language.installed = true;
  return language;
}

bool HasExtension(const std::string& file, const Language& language) {
  size_t dot = file.rfind('.');
  if (dot == std::string::npos) return false;
  std::string extension = file.substr(dot + 1);
  return std::find(language.extensions.begin(), language.extensions.end(), extension) !=
         language.extensions.end();
}

std::string BaseName(const std::string& path) { return path.substr(path.rfind('/') + 1); }

// relative name -> host path of every file that goes into the build directory.
using FileMap = std::map<std::string, std::string>;

void AddTree(const std::string& dir, FileMap& files) {
  std::error_code error;
  for (auto it = std::filesystem::recursive_directory_iterator(dir, error);
       !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
    std::string relative = std::filesystem::relative(it->path(), dir).string();
    if (relative.empty() || relative[0] == '.' || relative.find("/.") != std::string::npos) {
      continue;
    }
    if (it->is_regular_file()) files[relative] = it->path().string();
  }
}

// Whether a source file can be the program's entry: Java's file with a main method, Pascal's
// program (not a unit); for other languages any file.
bool CanBeEntry(const std::string& host, const Language& language) {
  if (language.entry.empty()) return true;
  auto text = koodikoe::ReadFile(host, 4u << 20);
  if (!text) return false;
  if (language.entry == "java-class") return HasJavaMain(*text);
  if (language.entry == "pascal-program") return IsPascalProgram(*text);
  return true;
}

std::string ChooseMain(const FileMap& files, const Language& language,
                       const std::string& program_name) {
  if (files.count("__main__.py")) return "__main__.py";
  std::string stem = program_name.substr(0, program_name.rfind('.'));
  std::string first, first_entry;
  for (const auto& [relative, host] : files) {
    if (!HasExtension(relative, language)) continue;
    if (first.empty()) first = relative;
    if (!CanBeEntry(host, language)) continue;
    std::string relative_stem = relative.substr(0, relative.rfind('.'));
    if (relative_stem == stem || relative_stem == "main" || relative_stem == "Main") {
      return relative;
    }
    if (first_entry.empty()) first_entry = relative;
  }
  if (!first_entry.empty()) return first_entry;
  return first.empty() && !files.empty() ? files.begin()->first : first;
}

std::string ClassifyFailure(const runner::Outcome& outcome, const Limits& limits) {
  switch (outcome.status) {
    case runner::Status::kTimeLimit:
      return "compilation took longer than " +
             std::to_string(static_cast<int>(limits.compilation_time)) + " s and was stopped";
    case runner::Status::kMemoryLimit:
      return "compilation used more than " + std::to_string(limits.compilation_memory_mib) +
             " MiB of memory and was stopped";
    case runner::Status::kOutputLimit:
      return "the compiler wrote too much output and was stopped";
    case runner::Status::kSecurityViolation:
      return "the compiler made a forbidden system call and was stopped";
    default:
      return "";
  }
}

// {class} for Java: the class with main, qualified by its package; a lone source is renamed
// to fit, as javac wants a public class in a file of its own name.
void SetJavaClass(FileMap& files, std::map<std::string, std::string>& rewritten,
                  CommandValues& values) {
  auto text = rewritten.count(values.main) ? Result<std::string>(rewritten[values.main])
                                           : koodikoe::ReadFile(files[values.main], 4u << 20);
  std::string simple = text ? FindJavaMainClass(*text) : "";
  std::string package = text ? FindJavaPackage(*text) : "";
  std::string wanted = simple + ".java";
  if (!simple.empty() && BaseName(values.main) != wanted && files.size() == 1) {
    files[wanted] = files[values.main];
    files.erase(values.main);
    if (rewritten.count(values.main)) {
      rewritten[wanted] = rewritten[values.main];
      rewritten.erase(values.main);
    }
    values.main = wanted;
  }
  if (simple.empty()) simple = BaseName(values.main.substr(0, values.main.rfind('.')));
  values.class_name = package.empty() ? simple : package + "." + simple;
}

Result<BuiltProgram> LoadCached(const std::string& entry, BuiltProgram program) {
  std::string text = ReadBeneath(entry, "result.json", 1 << 20);
  auto json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return Fail(ErrorCode::kInternal, "broken compile cache entry " + entry);
  }
  program.ok = json.value("status", "") == CompileStatusWord(CompileStatus::kOk);
  program.status = program.ok ? CompileStatus::kOk : CompileStatus::kCompileError;
  program.output = json.value("output", "");
  program.dir = entry + "/files";
  program.cached = true;
  return program;
}

}  // namespace

std::string SubstituteConstants(const std::string& text, const Constants& constants) {
  std::string out;
  size_t at = 0;
  while (true) {
    size_t open = text.find("{{", at);
    if (open == std::string::npos) break;
    size_t close = text.find("}}", open + 2);
    if (close == std::string::npos) break;
    auto found = constants.find(text.substr(open + 2, close - open - 2));
    if (found == constants.end()) {  // not a constant: left as written
      out.append(text, at, open + 1 - at);
      at = open + 1;
      continue;
    }
    out.append(text, at, open - at);
    out += found->second;
    at = close + 2;
  }
  out.append(text, at, std::string::npos);
  return out;
}

std::string DefaultCacheDir() {
  if (const char* dir = std::getenv("KOODIKOE_CACHE_DIR"); dir && *dir) return dir;
  if (::geteuid() == 0) return "/var/cache/koodikoe";
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg) {
    return std::string(xdg) + "/koodikoe";
  }
  if (const char* home = std::getenv("HOME"); home && *home) {
    return std::string(home) + "/.cache/koodikoe";
  }
  return "/tmp/koodikoe-cache-" + std::to_string(::getuid());
}

std::string TrimMessage(const std::string& text, size_t max_bytes, size_t max_lines) {
  std::string trimmed;
  size_t lines = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (trimmed.size() >= max_bytes || lines >= max_lines) {
      while (!trimmed.empty() && trimmed.back() != '\n') trimmed.pop_back();
      return trimmed + "[... more output cut]";
    }
    trimmed += text[i];
    if (text[i] == '\n') ++lines;
  }
  while (!trimmed.empty() && isspace(static_cast<unsigned char>(trimmed.back())))
    trimmed.pop_back();
  return trimmed;
}

std::vector<std::string> BuiltProgram::RunArgv(uint64_t memory_mib) const {
  CommandValues run_values = values;
  run_values.dir = kProgramMount;
  run_values.memory_mib = memory_mib;
  return ExpandCommand(language.run, run_values);
}

const Language& AnswersLanguage() {
  static const Language answers = [] {
    Language language;
    language.id = kAnswersLanguage;
    language.name = "answer files";
    language.installed = true;
    return language;
  }();
  return answers;
}

Result<const Language*> Builder::Detect(const ProgramSource& program, const std::string& id,
                                        bool answers_allowed) const {
  if (answers_allowed && id == kAnswersLanguage) return &AnswersLanguage();
  if (!id.empty()) {
    const Language* language = registry_.Find(id);
    if (language == nullptr) {
      return Fail(ErrorCode::kInvalidArgument,
                  "unknown language '" + id + "' (`koodikoe languages` lists the known ones)");
    }
    return language;
  }
  std::map<std::string, int> votes;
  const Language* first = nullptr;
  for (const std::string& file : program.files) {
    if (const Language* language = registry_.ForFile(file)) {
      if (first == nullptr) first = language;
      ++votes[language->id];
    }
  }
  if (first == nullptr && answers_allowed) return &AnswersLanguage();
  if (first == nullptr) {
    return Fail(ErrorCode::kInvalidArgument,
                "cannot tell the language of " + program.name +
                    " from its file extension; name it (e.g. --language python)");
  }
  const Language* best = first;
  for (const auto& [language_id, count] : votes) {
    if (count > votes[best->id]) best = registry_.Find(language_id);
  }
  return best;
}

// Everything a build needs, decided before anything runs.
struct BuildPlan {
  std::map<std::string, std::string> files;      // relative -> host path
  std::map<std::string, std::string> rewritten;  // relative -> contents, constants substituted
  std::string key;                               // the cache entry's name
};

namespace {

// Files of the program and its included files; constants substituted where the format says
// (included code always, the program itself when it is the package's own).
Result<BuildPlan> PlanFiles(const ProgramSource& source,
                            const std::vector<std::string>& include_dirs,
                            const Constants& constants) {
  BuildPlan plan;
  if (source.is_directory) {
    for (const std::string& relative : source.files) {
      plan.files[relative] = source.path + "/" + relative;
    }
  } else {
    plan.files[source.name] = source.path;
  }
  FileMap included;
  for (const std::string& dir : include_dirs) AddTree(dir, included);
  for (const auto& [relative, host] : included) plan.files[relative] = host;
  if (constants.empty()) return plan;
  for (const auto& [relative, host] : plan.files) {
    if (!included.count(relative) && !source.from_package) continue;
    KOODIKOE_TRY(auto text, koodikoe::ReadFile(host, 16u << 20));
    std::string substituted = SubstituteConstants(text, constants);
    if (substituted != text) plan.rewritten[relative] = std::move(substituted);
  }
  return plan;
}

Result<std::string> PlanKey(const BuildPlan& plan, const BuiltProgram& program) {
  Hasher hasher;
  hasher.AddField(kCacheFormat);
  hasher.AddField(program.run_script ? "script"
                                     : LanguageRegistry::ToolchainIdentity(program.language));
  hasher.AddField(program.values.main + "|" + program.values.class_name);
  for (const auto& [relative, host] : plan.files) {
    hasher.AddField(relative);
    auto rewritten = plan.rewritten.find(relative);
    if (rewritten != plan.rewritten.end()) {
      hasher.AddField(rewritten->second);
    } else if (auto ok = hasher.AddFile(host); !ok) {
      return tl::unexpected(ok.error());
    }
  }
  return hasher.HexDigest();
}

Result<void> StageFiles(const BuildPlan& plan, const std::string& build_dir) {
  for (const auto& [relative, host] : plan.files) {
    std::string target = build_dir + "/" + relative;
    if (auto ok = MakeDirs(target.substr(0, target.rfind('/'))); !ok) return ok;
    if (auto ok = CopyFile(host, target); !ok) return ok;
    auto rewritten = plan.rewritten.find(relative);
    if (rewritten == plan.rewritten.end()) continue;
    koodikoe::UniqueFd out(::open(target.c_str(), O_WRONLY | O_TRUNC | O_CLOEXEC | O_NOFOLLOW));
    if (!out.ok()) return koodikoe::FailErrno("write " + target);
    const std::string& text = rewritten->second;
    if (auto ok = koodikoe::WriteAll(out.fd(), text.data(), text.size()); !ok) return ok;
  }
  return {};
}

// Records the compiler's outcome in `program`. Returns whether the result may be cached.
bool RecordCompile(const runner::Outcome& outcome, const Limits& limits, BuiltProgram& program) {
  std::string message = outcome.stderr_data;
  if (!outcome.stdout_data.empty()) message = outcome.stdout_data + "\n" + message;
  if (outcome.status == runner::Status::kOk) {
    program.output = TrimMessage(message);
    return true;
  }
  program.ok = false;
  program.status = CompileStatus::kCompileError;
  std::string reason = ClassifyFailure(outcome, limits);
  program.output = TrimMessage(reason.empty() ? message : reason + "\n" + message);
  if (program.output.empty()) {
    program.output = "the compiler exited with code " + std::to_string(outcome.exit_code);
  }
  return reason.empty();  // a stopped compiler may do better on a quieter machine
}

}  // namespace

Result<BuildPlan> Builder::Plan(const ProgramSource& source,
                                const std::vector<std::string>& include_dirs,
                                const Constants& constants, BuiltProgram& program) const {
  auto plan = PlanFiles(source, include_dirs, constants);
  if (!plan) return plan;
  CommandValues& values = program.values;
  const Language& language = program.language;
  if (program.run_script) {
    values.main = "run";
  } else {
    values.main = ChooseMain(plan->files, language, source.name);
    if (language.entry == "java-class" && !values.main.empty()) {
      SetJavaClass(plan->files, plan->rewritten, values);
    }
    for (const auto& [relative, host] : plan->files) {
      if (HasExtension(relative, language)) values.sources.push_back(relative);
    }
    if (values.sources.empty()) values.sources.push_back(values.main);
  }
  KOODIKOE_TRY(auto key, PlanKey(*plan, program));
  plan->key = key;
  return plan;
}

Result<bool> Builder::Compile(const ProgramSource& source, const std::string& build_dir,
                              const Limits& limits, BuiltProgram& program) {
  const Language& language = program.language;
  std::vector<std::string> argv;
  if (program.run_script && source.has_build_script) {
    argv = {"/bin/sh", "build"};
  } else if (!program.run_script && !language.compile.empty()) {
    CommandValues compile_values = program.values;
    compile_values.memory_mib = limits.compilation_memory_mib;
    argv = ExpandCommand(language.compile, compile_values);
  }
  bool cacheable = true;
  if (!argv.empty()) {
    std::string precompiled = program.run_script ? "" : precompiled_.Find(language);
    auto started = std::chrono::steady_clock::now();
    auto outcome = RunCompiler(argv, build_dir, precompiled, limits, language);
    // A damaged .gch, or headers moved away by `languages --warm` before the box could bind
    // them, must never change a verdict: compile again without.
    if (!precompiled.empty() &&
        (!outcome || (outcome->status != runner::Status::kOk &&
                      MayBePrecompiledFailure(outcome->stderr_data + outcome->stdout_data)))) {
      precompiled_.Distrust(language);
      precompiled.clear();
      outcome = RunCompiler(argv, build_dir, precompiled, limits, language);
    }
    program.compile_ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                             std::chrono::steady_clock::now() - started)
                             .count();
    if (!outcome) return tl::unexpected(outcome.error());
    program.precompiled = !precompiled.empty();
    cacheable = RecordCompile(*outcome, limits, program);
  }
  struct stat st;
  if (program.ok && program.run_script &&
      (::lstat((build_dir + "/run").c_str(), &st) != 0 || !S_ISREG(st.st_mode))) {
    program.ok = false;
    program.status = CompileStatus::kCompileError;
    program.output = "the build script did not leave an executable file named run";
  }
  return cacheable;
}

Result<runner::Outcome> Builder::RunCompiler(const std::vector<std::string>& argv,
                                             const std::string& build_dir,
                                             const std::string& precompiled_dir,
                                             const Limits& limits, const Language& language) {
  runner::RunSpec spec = BoxSpec(BoxRole::kCompiler, language, limits);
  spec.argv = argv;
  if (!precompiled_dir.empty()) {
    spec.argv = PrecompiledHeaders::WithIncludePath(argv);
    spec.binds.push_back({precompiled_dir, kPrecompiledMount, /*writable=*/false});
  }
  spec.box_dir = build_dir;
  spec.stdout_stream = runner::Capture{};
  spec.stderr_stream = runner::Capture{};
  auto outcome = sandbox_.Run(spec);
  if (outcome && outcome->status == runner::Status::kInternalError) {
    return Fail(ErrorCode::kInternal, "compiling in the sandbox failed: " + outcome->message);
  }
  return outcome;
}

Result<BuiltProgram> Builder::Build(const ProgramSource& source, const Language& chosen,
                                    const std::vector<std::string>& include_dirs,
                                    const Limits& limits, const Constants& constants) {
  BuiltProgram program;
  program.run_script = source.has_build_script || source.has_run_script;
  program.multi_file = source.is_directory;
  program.language = program.run_script ? ScriptLanguage() : chosen;
  if (!program.language.installed) {
    const Language& language = program.language;
    return Fail(ErrorCode::kUnsupported,
                "language " + language.id + " is not installed here (missing " +
                    (language.required_files.empty() ? std::string("its compiler")
                                                     : language.required_files[0]) +
                    ")");
  }
  KOODIKOE_TRY(auto plan, Plan(source, include_dirs, constants, program));
  const std::string builds = cache_dir_ + "/build";
  const std::string entry = builds + "/" + plan.key;
  if (PathExists(entry + "/result.json")) return LoadCached(entry, std::move(program));

  KOODIKOE_TRY(auto temp, MakeTempDir(builds, "tmp-"));
  const std::string build_dir = temp + "/files";
  program.ok = true;
  program.status = CompileStatus::kOk;
  Result<void> staged = MakeDirs(build_dir);
  if (staged) staged = StageFiles(plan, build_dir);
  ::chmod(build_dir.c_str(), 0755);
  Result<bool> cacheable =
      staged ? Compile(source, build_dir, limits, program) : tl::unexpected(staged.error());
  if (!cacheable) {
    (void)koodikoe::RemoveTree(temp);
    return tl::unexpected(cacheable.error());
  }
  OpenUpTree(build_dir, /*writable=*/false);
  return Store(temp, entry, *cacheable, std::move(program));
}

Result<BuiltProgram> Builder::Store(const std::string& temp, const std::string& entry,
                                    bool cacheable, BuiltProgram program) {
  nlohmann::json result = {{"status", CompileStatusWord(program.status)},
                           {"output", program.output}};
  if (auto ok = koodikoe::WriteFile(temp + "/result.json", result.dump()); !ok) {
    return tl::unexpected(ok.error());
  }
  if (!cacheable) {
    program.dir = temp + "/files";  // not kept: the caller sees the failure, nothing runs it
    (void)koodikoe::RemoveTree(temp);
    return program;
  }
  if (::rename(temp.c_str(), entry.c_str()) != 0) {
    // Another judge built the same program at the same time: use theirs.
    (void)koodikoe::RemoveTree(temp);
    if (!PathExists(entry + "/result.json")) return koodikoe::FailErrno("store build " + entry);
    return LoadCached(entry, std::move(program));
  }
  program.dir = entry + "/files";
  return program;
}

}  // namespace judge
