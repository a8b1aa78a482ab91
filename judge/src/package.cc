#include "judge/package.h"

#include <sys/stat.h>

#include <algorithm>
#include <climits>

#include "build.h"
#include "koodikoe/dir_handle.h"
#include "koodikoe/try.h"
#include "package_reader.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

tl::unexpected<Error> PackageFail(const std::string& where, const std::string& what) {
  return Fail(ErrorCode::kInvalidArgument, where + ": " + what);
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() &&
         text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

bool PackageReader::Exists(const std::string& relative, bool* is_dir) const {
  struct stat st;
  if (::stat((dir_ + "/" + relative).c_str(), &st) != 0) return false;
  if (is_dir) *is_dir = S_ISDIR(st.st_mode);
  return true;
}

Result<std::string> PackageReader::ResolveInside(const std::string& path,
                                                 const std::string& display) {
  char resolved[PATH_MAX];
  if (::realpath(path.c_str(), resolved) == nullptr) {
    return PackageFail(display, "cannot be resolved (a dangling symlink?)");
  }
  std::string result = resolved;
  if (result != dir_ && !StartsWith(result, dir_ + "/")) {
    return PackageFail(display, "is a symlink to " + result +
                                    ", outside the package; symlinks must stay inside it");
  }
  return result;
}

Result<std::string> PackageReader::RequireDir(const std::string& name, const std::string& hint) {
  bool is_dir = false;
  if (!Exists(name, &is_dir) || !is_dir) return PackageFail(name, "missing; " + hint);
  return ResolveInside(dir_ + "/" + name, name);
}

Result<std::vector<Entry>> PackageReader::List(const std::string& path,
                                               const std::string& display) {
  std::vector<Entry> entries;
  auto names = koodikoe::ListNames(path);
  if (!names) return PackageFail(display, "cannot be read as a directory");
  for (std::string& name : *names) {
    if (name[0] == '.') continue;  // hidden files are not part of a package
    std::string shown = display.empty() ? name : display + "/" + name;
    entries.push_back(Entry{name, path + "/" + name, std::move(shown), false});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  for (Entry& entry : entries) {
    struct stat st;
    if (::lstat(entry.path.c_str(), &st) != 0) return PackageFail(entry.display, "vanished");
    if (S_ISLNK(st.st_mode)) {
      KOODIKOE_TRY(auto resolved, ResolveInside(entry.path, entry.display));
      entry.path = resolved;
      if (::stat(entry.path.c_str(), &st) != 0) return PackageFail(entry.display, "vanished");
    }
    if (!S_ISDIR(st.st_mode) && !S_ISREG(st.st_mode)) {
      return PackageFail(entry.display, "is neither a file nor a directory");
    }
    entry.is_dir = S_ISDIR(st.st_mode);
  }
  return entries;
}

Result<void> PackageReader::Read(const ReadOptions& options) {
  KOODIKOE_TRY_VOID(ReadProblemYaml());
  KOODIKOE_TRY_VOID(ReadTimeLimitFile());
  KOODIKOE_TRY_VOID(ReadDomjudgeIni());
  KOODIKOE_TRY_VOID(ReadValidators());
  KOODIKOE_TRY_VOID(ReadIncludes());
  if (package_.kind == ExerciseKind::kGrader) {
    KOODIKOE_TRY_VOID(ReadGraders());
  }
  KOODIKOE_TRY_VOID(ReadStatements());
  KOODIKOE_TRY_VOID(ReadStarters());
  if (package_.kind == ExerciseKind::kService) {
    KOODIKOE_TRY_VOID(ReadScenarios());
  } else {
    KOODIKOE_TRY_VOID(ReadData());
  }
  if (options.with_submissions) {
    KOODIKOE_TRY_VOID(ReadSubmissions());
  }
  return {};
}

std::string Package::DisplayName() const {
  auto english = names.find("en");
  if (english != names.end()) return english->second;
  if (!names.empty()) return names.begin()->second;
  return id;
}

const TestGroup* Package::FindGroup(const std::string& name) const {
  return FindGroupIn(root, name);
}

Result<Package> ReadPackage(const std::string& dir, const ReadOptions& options) {
  char resolved[PATH_MAX];
  struct stat st;
  if (::realpath(dir.c_str(), resolved) == nullptr || ::stat(resolved, &st) != 0 ||
      !S_ISDIR(st.st_mode)) {
    return PackageFail(dir, "is not a package directory");
  }
  Package package;
  package.dir = resolved;
  package.id = package.dir.substr(package.dir.rfind('/') + 1);
  PackageReader reader(package.dir, package);
  Result<void> read;
  try {
    read = reader.Read(options);
  } catch (const YAML::Exception& e) {
    // Every access is checked first; this is the backstop for what yaml-cpp still throws.
    read = PackageFail("a YAML file", std::string("could not be read: ") + e.what());
  }
  if (!read) {
    Error error = read.error();
    error.context = package.id + "/" + error.context;
    return tl::unexpected(error);
  }
  return package;
}

Result<std::string> StatementText(const Package& package, const std::string& language) {
  auto found = package.statements.find(language);
  if (found == package.statements.end()) {
    return Fail(ErrorCode::kNotFound, package.id + " has no statement in '" + language + "'");
  }
  KOODIKOE_TRY(auto text, koodikoe::ReadFile(found->second, 4u << 20));
  // Markdown statements get the constants; LaTeX has \constant{} and PDF is as it is.
  if (EndsWith(found->second, ".md")) return SubstituteConstants(text, package.constants);
  return text;
}

}  // namespace judge
