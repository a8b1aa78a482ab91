#include "languages_precompiled.h"

#include <sys/stat.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "build.h"
#include "fs_util.h"
#include "judge/package.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "run_spec.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

constexpr const char* kFormat = "pch-v1";
constexpr const char* kManifest = "manifest.json";
constexpr uint64_t kMiB = 1u << 20;
// <bits/stdc++.h> with -std=gnu++20 -O2 is a .gch of about 120 MiB.
constexpr uint64_t kPrecompiledFileSize = 512 * kMiB;

// The language's compile command building `out` from `header` instead of the program from
// its sources: the same compiler and flags, so that g++ accepts the .gch. Empty when the
// command names no `-o` output.
std::vector<std::string> PrecompileArgv(const Language& language, const std::string& header,
                                        const std::string& out) {
  CommandValues values;
  values.sources = {header};
  values.main = header;
  std::vector<std::string> argv = ExpandCommand(language.compile, values);
  for (size_t i = 0; i + 1 < argv.size(); ++i) {
    if (argv[i] == "-o") {
      argv[i + 1] = out;
      return argv;
    }
  }
  return {};
}

int64_t ModifiedNs(const struct stat& st) {
  return static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

// The manifest's record of one built header: what Find checks before offering it.
Result<nlohmann::json> Describe(const std::string& include_dir, const std::string& header) {
  std::string path = include_dir + "/" + header + ".gch";
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return koodikoe::FailErrno("stat " + path);
  return nlohmann::json{{"header", header},
                        {"size", static_cast<int64_t>(st.st_size)},
                        {"modified_ns", ModifiedNs(st)}};
}

bool Unchanged(const std::string& include_dir, const nlohmann::json& built) {
  if (!built.is_object()) return false;
  std::string path = include_dir + "/" + built.value("header", "") + ".gch";
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
         static_cast<int64_t>(st.st_size) == built.value("size", int64_t{-1}) &&
         ModifiedNs(st) == built.value("modified_ns", int64_t{-1});
}

// The headers' box: the language's compiler limits, with room for a large .gch.
runner::RunSpec PrecompileSpec(const Language& language) {
  runner::RunSpec spec = BoxSpec(BoxRole::kCompiler, language, Limits{});
  spec.limits.file_size_bytes = kPrecompiledFileSize;
  spec.limits.disk_bytes = std::max(spec.limits.disk_bytes, 2 * kPrecompiledFileSize);
  spec.stdout_stream = runner::Capture{};
  spec.stderr_stream = runner::Capture{};
  return spec;
}

}  // namespace

bool MayBePrecompiledFailure(const std::string& message) {
  // g++: "cannot read PCH file", "had to relocate PCH", or a crash reading a damaged one.
  for (const char* sign : {"PCH", "internal compiler error"}) {
    if (message.find(sign) != std::string::npos) return true;
  }
  return false;
}

std::vector<std::string> PrecompiledHeaders::WithIncludePath(std::vector<std::string> argv) {
  argv.push_back(std::string("-I") + kPrecompiledMount);
  return argv;
}

namespace {

std::string EntryDirIn(const std::string& cache_dir, const Language& language) {
  Hasher hasher;
  hasher.AddField(kFormat);
  hasher.AddField(LanguageRegistry::ToolchainIdentity(language));
  for (const std::string& header : language.precompiled) hasher.AddField(header);
  return cache_dir + "/pch/" + hasher.HexDigest();
}

// The headers an entry's manifest records as built, when every one of them is unchanged
// since; empty otherwise (none built, or the entry is missing, broken or changed).
std::vector<std::string> UsableHeaders(const std::string& entry) {
  auto manifest = nlohmann::json::parse(ReadBeneath(entry, kManifest, 1 << 20), nullptr,
                                        /*allow_exceptions=*/false);
  if (manifest.is_discarded() || !manifest.is_object()) return {};
  const std::string include_dir = entry + "/include";
  auto built = manifest.value("built", nlohmann::json::array());
  if (!built.is_array()) return {};
  std::vector<std::string> headers;
  for (const auto& header : built) {
    if (!Unchanged(include_dir, header)) return {};
    headers.push_back(header.value("header", ""));
  }
  return headers;
}

}  // namespace

std::string PrecompiledHeaders::EntryDir(const Language& language) const {
  return EntryDirIn(cache_dir_, language);
}

std::string PrecompiledHeaders::Find(const Language& language) {
  if (language.precompiled.empty() || !language.installed) return "";
  const std::string entry = EntryDir(language);
  if (distrusted_.count(entry)) return "";
  return UsableHeaders(entry).empty() ? "" : entry + "/include";
}

std::vector<PrecompiledState> PrecompiledHeaders::States(const Language& language,
                                                         const std::string& cache_dir) {
  std::vector<std::string> usable;
  if (language.installed && !language.precompiled.empty()) {
    usable = UsableHeaders(EntryDirIn(cache_dir, language));
  }
  std::vector<PrecompiledState> states;
  for (const std::string& header : language.precompiled) {
    bool warm = std::find(usable.begin(), usable.end(), header) != usable.end();
    states.push_back({header, warm});
  }
  return states;
}

void PrecompiledHeaders::Distrust(const Language& language) {
  distrusted_[EntryDir(language)] = true;
}

Result<std::string> PrecompiledHeaders::Build(const Language& language) {
  if (language.precompiled.empty()) return std::string();
  if (!language.installed) {
    return Fail(ErrorCode::kUnsupported, "language " + language.id + " is not installed here");
  }
  if (std::string found = Find(language); !found.empty()) return found;
  const std::string entry = EntryDir(language);
  if (PathExists(entry)) {  // changed or broken since it was built: set aside, built again
    KOODIKOE_TRY(auto aside, MakeTempDir(cache_dir_ + "/pch", "old-"));
    if (::rename(entry.c_str(), (aside + "/entry").c_str()) != 0 && PathExists(entry)) {
      return koodikoe::FailErrno("move aside " + entry);
    }
    (void)koodikoe::RemoveTree(aside);
  }
  KOODIKOE_TRY(auto temp, MakeTempDir(cache_dir_ + "/pch", "tmp-"));
  auto built = BuildInto(language, temp);
  if (!built) {
    (void)koodikoe::RemoveTree(temp);
    return tl::unexpected(built.error());
  }
  // Built to a temporary name and renamed, so that a judge never sees half a header; when
  // another judge renamed first, theirs is used.
  if (::rename(temp.c_str(), entry.c_str()) != 0) (void)koodikoe::RemoveTree(temp);
  std::string found = Find(language);
  if (found.empty()) {
    return Fail(ErrorCode::kInternal, "precompiled headers of " + language.id +
                                          " were built but cannot be found in " + entry);
  }
  return found;
}

Result<void> PrecompiledHeaders::BuildInto(const Language& language, const std::string& temp) {
  const std::string box = temp + "/box";
  const std::string include_dir = temp + "/include";
  if (auto ok = MakeBoxDirs({box, include_dir}); !ok) return ok;
  std::vector<std::string> done;
  nlohmann::json failed = nlohmann::json::array();
  std::string first_error;
  for (size_t i = 0; i < language.precompiled.size(); ++i) {
    const std::string& header = language.precompiled[i];
    auto made = BuildOne(language, box, header, "pch-" + std::to_string(i) + ".h");
    if (!made) return tl::unexpected(made.error());
    if (!made->empty()) {
      failed.push_back({{"header", header}, {"message", *made}});
      if (first_error.empty()) first_error = header + ": " + *made;
      continue;
    }
    std::string target = include_dir + "/" + header + ".gch";
    if (auto ok = MakeDirs(target.substr(0, target.rfind('/'))); !ok) return ok;
    std::string from = box + "/gch/" + header + ".gch";
    if (::rename(from.c_str(), target.c_str()) != 0) return koodikoe::FailErrno("move " + from);
    done.push_back(header);
  }
  (void)koodikoe::RemoveTree(box);
  if (done.empty()) {
    return Fail(ErrorCode::kInternal,
                "precompiling the headers of " + language.id + " failed: " + first_error);
  }
  OpenUpTree(include_dir, /*writable=*/false);
  nlohmann::json built = nlohmann::json::array();
  for (const std::string& header : done) {
    KOODIKOE_TRY(auto described, Describe(include_dir, header));
    built.push_back(described);
  }
  nlohmann::json manifest = {{"built", built}, {"failed", failed}};
  return koodikoe::WriteFile(temp + "/" + kManifest, manifest.dump(2));
}

Result<std::string> PrecompiledHeaders::BuildOne(const Language& language, const std::string& box,
                                                 const std::string& header,
                                                 const std::string& stub) {
  std::string out = "gch/" + header + ".gch";
  std::string out_dir = box + "/" + out.substr(0, out.rfind('/'));
  if (auto ok = MakeDirs(out_dir); !ok) return tl::unexpected(ok.error());
  if (auto ok = koodikoe::WriteFile(box + "/" + stub, "#include <" + header + ">\n"); !ok) {
    return tl::unexpected(ok.error());
  }
  OpenUpTree(box, /*writable=*/true);
  runner::RunSpec spec = PrecompileSpec(language);
  spec.argv = PrecompileArgv(language, stub, out);
  if (spec.argv.empty()) return std::string("its compile command names no -o output");
  spec.box_dir = box;
  KOODIKOE_TRY(auto outcome, sandbox_.Run(spec));
  if (outcome.status == runner::Status::kInternalError) {
    return Fail(ErrorCode::kInternal, "precompiling in the sandbox failed: " + outcome.message);
  }
  if (outcome.status != runner::Status::kOk) {
    std::string message = outcome.stderr_data.empty() ? outcome.message : outcome.stderr_data;
    return TrimMessage(message.empty() ? runner::StatusWord(outcome.status) : message, 2000, 10);
  }
  struct stat st;
  if (::lstat((box + "/" + out).c_str(), &st) != 0 || !S_ISREG(st.st_mode)) {
    return std::string("the compiler wrote no " + out);
  }
  return std::string();
}

}  // namespace judge
