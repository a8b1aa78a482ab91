#include "runner/run_command.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "box_streams.h"
#include "koodikoe/files.h"
#include "runner/sandbox.h"

namespace runner {
namespace {

constexpr const char* kUsage = R"(usage: koodikoe run [options] -- PROGRAM [ARG...]
  --time SEC         CPU time limit (fractional, default 1)
  --wall SEC         wall-clock limit (default 2 * time + 1)
  --memory SIZE      memory limit, e.g. 256M (default 256M)
  --processes N      tasks limit (default 64)
  --output SIZE      cap on stdout + stderr bytes (default 64M)
  --fsize SIZE       largest file written (default 64M)
  --disk SIZE        what /box and /tmp may hold together (default 256M)
  --stdin FILE       a regular file (default /dev/null)
  --stdout FILE  --stderr FILE   regular files (default: passed through, counted)
  --env K=V          (repeatable; the environment starts empty)
  --box DIR          host directory mounted read-write at /box, the working directory
  --bind HOST[:INSIDE][:rw]   extra read-only (or read-write) mount (repeatable)
  --net none|loopback         default none
  --result FILE      where the JSON result goes (default: stdout, as its last line)
  --allow-weak-limits         run even where cgroups cannot be used
)";

struct Options {
  RunSpec spec;
  std::string result_path;
  bool allow_weak_limits = false;
};

struct UsageError {
  std::string message;
};

Result<Bind> ParseBind(const std::string& text) {
  Bind bind;
  std::string rest = text;
  if (rest.size() > 3 && rest.compare(rest.size() - 3, 3, ":rw") == 0) {
    bind.writable = true;
    rest.resize(rest.size() - 3);
  } else if (rest.size() > 3 && rest.compare(rest.size() - 3, 3, ":ro") == 0) {
    rest.resize(rest.size() - 3);
  }
  auto colon = rest.find(':');
  bind.host = rest.substr(0, colon);
  bind.inside = colon == std::string::npos ? bind.host : rest.substr(colon + 1);
  if (bind.host.empty() || bind.host[0] != '/') {
    return koodikoe::Fail(koodikoe::ErrorCode::kInvalidArgument,
                          "--bind needs an absolute host path: '" + text + "'");
  }
  return bind;
}

// A time or size limit option: true when `arg` is one (and its value was good).
Result<bool> ParseLimit(const std::string& arg, const std::string& value, Limits& limits) {
  const std::pair<const char*, double*> times[] = {{"--time", &limits.cpu_seconds},
                                                   {"--wall", &limits.wall_seconds}};
  const std::pair<const char*, uint64_t*> sizes[] = {{"--memory", &limits.memory_bytes},
                                                     {"--output", &limits.output_bytes},
                                                     {"--fsize", &limits.file_size_bytes},
                                                     {"--disk", &limits.disk_bytes}};
  for (const auto& [name, field] : times) {
    if (arg != name) continue;
    auto seconds = koodikoe::ParseSeconds(value);
    if (!seconds) return tl::unexpected(seconds.error());
    *field = *seconds;
    return true;
  }
  for (const auto& [name, field] : sizes) {
    if (arg != name) continue;
    auto bytes = koodikoe::ParseSize(value);
    if (!bytes) return tl::unexpected(bytes.error());
    *field = *bytes;
    return true;
  }
  return false;
}

// Parses the options; returns an error message a person can act on.
Result<Options> Parse(int argc, char** argv) {
  Options options;
  Limits& limits = options.spec.limits;
  auto invalid = [](const std::string& text) {
    return koodikoe::Fail(koodikoe::ErrorCode::kInvalidArgument, text);
  };
  int i = 1;
  for (; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--") {
      ++i;
      break;
    }
    if (arg == "--allow-weak-limits") {
      options.allow_weak_limits = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") return invalid("");
    if (i + 1 >= argc) return invalid("option " + arg + " needs a value");
    std::string value = argv[++i];
    auto limit = ParseLimit(arg, value, limits);
    if (!limit) return invalid(arg + ": " + limit.error().Describe());
    if (*limit) continue;
    if (arg == "--processes") {
      char* end = nullptr;
      long n = std::strtol(value.c_str(), &end, 10);
      if (*end != '\0' || n < 1 || n > 100000) return invalid("--processes needs 1..100000");
      limits.max_processes = static_cast<int>(n);
    } else if (arg == "--stdin")
      options.spec.stdin_stream = FilePath{value};
    else if (arg == "--stdout")
      options.spec.stdout_stream = FilePath{value};
    else if (arg == "--stderr")
      options.spec.stderr_stream = FilePath{value};
    else if (arg == "--env") {
      if (value.find('=') == std::string::npos || value[0] == '=') {
        return invalid("--env needs K=V, got '" + value + "'");
      }
      options.spec.env.push_back(value);
    } else if (arg == "--box")
      options.spec.box_dir = value;
    else if (arg == "--bind") {
      auto bind = ParseBind(value);
      if (!bind) return tl::unexpected(bind.error());
      options.spec.binds.push_back(*bind);
    } else if (arg == "--net") {
      if (value == "none")
        options.spec.network = Network::kNone;
      else if (value == "loopback")
        options.spec.network = Network::kLoopback;
      else
        return invalid("--net is none or loopback, not '" + value + "'");
    } else if (arg == "--result")
      options.result_path = value;
    else
      return invalid("unknown option " + arg);
  }
  for (; i < argc; ++i) options.spec.argv.push_back(argv[i]);
  if (options.spec.argv.empty()) return invalid("no program given (put it after --)");
  return options;  // without --stdin, stdin stays /dev/null: never the caller's terminal
}

// The result is written after the run, and the caller may name it inside --box, where the
// program can have planted a symlink (or fifo) in its place pointing at a host file: the
// 2024 Judge0 escape (CVE-2024-28185). Below the box it is opened without following any
// link; elsewhere never through a final symlink; and only a regular file is written.
Result<void> WriteResult(const Options& options, const std::string& json) {
  const std::string path = NormalPath(options.result_path);
  const int flags = O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_CLOEXEC;
  koodikoe::UniqueFd fd;
  std::string box = options.spec.box_dir.empty() ? "" : NormalPath(options.spec.box_dir);
  if (!box.empty() && path.size() > box.size() && path.compare(0, box.size(), box) == 0 &&
      path[box.size()] == '/') {
    koodikoe::UniqueFd dir(::open(box.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir.ok()) return koodikoe::FailErrno("open box directory " + box);
    auto opened = koodikoe::OpenBeneath(dir.fd(), path.substr(box.size() + 1), flags, 0644);
    if (!opened) return tl::unexpected(opened.error());
    fd = std::move(*opened);
  } else {
    fd = koodikoe::UniqueFd(::open(path.c_str(), flags | O_NOFOLLOW, 0644));
    if (!fd.ok()) return koodikoe::FailErrno("create result " + path);
  }
  struct stat info;
  if (::fstat(fd.fd(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return koodikoe::Fail(koodikoe::ErrorCode::kInvalidArgument,
                          "result " + path + " is not a regular file");
  }
  return koodikoe::WriteAll(fd.fd(), json.data(), json.size());
}

int Emit(const Options& options, const Outcome& outcome) {
  std::string json = OutcomeJson(outcome) + "\n";
  if (!options.result_path.empty()) {
    if (auto ok = WriteResult(options, json); !ok) {
      std::cerr << "koodikoe run: " << ok.error().Describe() << "\n";
      return 1;
    }
    return 0;
  }
  // The result is stdout's last line even when the program's output did not end one.
  if (outcome.stdout_unterminated) json = "\n" + json;
  std::cout << json << std::flush;
  return 0;
}

}  // namespace

int RunCommand(int argc, char** argv) {
  auto options = Parse(argc, argv);
  if (!options) {
    if (!options.error().context.empty()) {
      std::cerr << "koodikoe run: " << options.error().context << "\n\n";
    }
    std::cerr << kUsage;
    return 2;
  }
  ::signal(SIGPIPE, SIG_IGN);  // a closed stdout must not kill us before the result
  // The sandbox itself failed: still one result, saying why.
  auto failed = [&](const koodikoe::Error& error) {
    Outcome outcome;
    outcome.status = Status::kInternalError;
    outcome.message = error.Describe();
    Emit(*options, outcome);
    std::cerr << "koodikoe run: " << outcome.message << "\n";
    return 1;
  };
  auto sandbox = Sandbox::Create({.allow_weak_limits = options->allow_weak_limits});
  if (!sandbox) return failed(sandbox.error());
  auto result = sandbox->Run(options->spec);
  if (!result) return failed(result.error());
  int emitted = Emit(*options, *result);
  return emitted != 0 ? emitted : (result->status == Status::kInternalError ? 1 : 0);
}

}  // namespace runner
