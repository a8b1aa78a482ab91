// Reading a submission given by path (`koodikoe judge`, the platform's judging): one file, or a
// directory of sources.
#include <sys/stat.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <filesystem>
#include <set>

#include "evaluator.h"
#include "koodikoe/try.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

std::string Resolve(const std::string& path) {
  char resolved[PATH_MAX];
  return ::realpath(path.c_str(), resolved) == nullptr ? "" : std::string(resolved);
}

bool IsInside(const std::string& path, const std::string& root) {
  return !root.empty() && (path == root || path.rfind(root + "/", 0) == 0);
}

// Walks a directory program: regular files and directories, and symlinks to them that stay
// inside one of `roots` (a package's submissions often link to its shared sources).
class SourceWalker {
 public:
  SourceWalker(ProgramSource& program, std::vector<std::string> roots)
      : program_(program), roots_(std::move(roots)) {}

  Result<void> Walk(const std::string& host_dir, const std::string& relative) {
    if (!visited_.insert(Resolve(host_dir)).second) return {};  // a link back up: seen
    std::error_code error;
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(host_dir, error)) {
      names.push_back(entry.path().filename().string());
    }
    if (error) return Fail(ErrorCode::kSystem, "read " + host_dir + ": " + error.message());
    for (const std::string& name : names) {
      if (name.empty() || name[0] == '.') continue;
      std::string child = relative.empty() ? name : relative + "/" + name;
      KOODIKOE_TRY_VOID(Visit(host_dir + "/" + name, child));
    }
    return {};
  }

 private:
  Result<void> Visit(const std::string& host, const std::string& relative) {
    struct stat st;
    if (::lstat(host.c_str(), &st) != 0) return {};
    if (S_ISLNK(st.st_mode)) {
      std::string target = Resolve(host);
      bool allowed = std::any_of(roots_.begin(), roots_.end(),
                                 [&](const std::string& root) { return IsInside(target, root); });
      if (target.empty() || !allowed || ::stat(target.c_str(), &st) != 0) return {};
    }
    if (S_ISDIR(st.st_mode)) return Walk(host, relative);
    if (!S_ISREG(st.st_mode)) return {};
    program_.files.push_back(relative);
    if (relative == "build") program_.has_build_script = true;
    if (relative == "run") program_.has_run_script = true;
    return {};
  }

  ProgramSource& program_;
  const std::vector<std::string> roots_;
  std::set<std::string> visited_;
};

}  // namespace

Result<ProgramSource> ReadSubmissionSource(const std::string& path,
                                           const std::string& package_dir) {
  std::string resolved = Resolve(path);
  struct stat st;
  if (resolved.empty() || ::stat(resolved.c_str(), &st) != 0) {
    return Fail(ErrorCode::kNotFound, path + ": no such file");
  }
  ProgramSource program;
  program.path = resolved;
  program.name = program.path.substr(program.path.rfind('/') + 1);
  program.is_directory = S_ISDIR(st.st_mode);
  std::string package = package_dir.empty() ? "" : Resolve(package_dir);
  // One of the package's example submissions: the package's constants apply to it.
  program.from_package = !package.empty() && IsInside(program.path, package + "/submissions");
  if (!program.is_directory) {
    if (!S_ISREG(st.st_mode)) return Fail(ErrorCode::kInvalidArgument, path + ": not a file");
    program.files.push_back(program.name);
    return program;
  }
  std::vector<std::string> roots = {program.path};
  if (IsInside(program.path, package)) roots.push_back(package);
  SourceWalker walker(program, roots);
  KOODIKOE_TRY_VOID(walker.Walk(program.path, ""));
  std::sort(program.files.begin(), program.files.end());
  if (program.files.empty()) return Fail(ErrorCode::kInvalidArgument, path + ": empty directory");
  return program;
}

}  // namespace judge
