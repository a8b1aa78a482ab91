// A team's repository in the browser: the files of a commit, one file's text, the history,
// and commits made with git's plumbing on the bare repository.
#include "projects/team_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "authoring/package_files.h"
#include "base/log.h"
#include "base/time_util.h"
#include "koodikoe/try.h"
#include "projects/projects.h"
#include "projects/team_history.h"
#include "projects/team_repos.h"

namespace web {

namespace fs = std::filesystem;
using koodikoe::ErrorCode;
using koodikoe::Fail;
using koodikoe::Result;

namespace {

std::string FirstLine(const std::string& text) { return text.substr(0, text.find('\n')); }

bool IsHex(const std::string& text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  });
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find(separator, start);
    if (end == std::string::npos) end = text.size();
    parts.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return parts;
}

// One line of `git ls-tree -l -z`: "<mode> <type> <sha> <size>\t<path>".
struct LsTreeEntry {
  std::string mode;
  std::string type;
  std::string sha;
  int64_t size = 0;
  std::string path;
};

std::vector<LsTreeEntry> ParseLsTree(const std::string& output) {
  std::vector<LsTreeEntry> entries;
  for (const auto& line : Split(output, '\0')) {
    size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    auto fields = Split(line.substr(0, tab), ' ');
    fields.erase(std::remove(fields.begin(), fields.end(), ""), fields.end());
    if (fields.size() < 4) continue;
    LsTreeEntry entry{fields[0], fields[1], fields[2], 0, line.substr(tab + 1)};
    if (fields[3] != "-") entry.size = std::stoll(fields[3]);
    entries.push_back(std::move(entry));
  }
  return entries;
}

// What the objects of the repository take on disk now.
int64_t ObjectBytes(const std::string& git_dir) {
  std::error_code ec;
  int64_t total = 0;
  for (auto it = fs::recursive_directory_iterator(git_dir + "/objects", ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec)) total += static_cast<int64_t>(it->file_size(ec));
  }
  return total;
}

// Removes a temporary file or index when it goes out of scope.
struct TempPath {
  std::string path;
  ~TempPath() {
    std::error_code ec;
    fs::remove(path, ec);
  }
};

}  // namespace

std::string TreePathProblem(const std::string& path) {
  if (path.empty()) return "the path is empty";
  if (path.size() > 1024) return "the path is longer than 1024 bytes";
  if (path.front() == '/') return "the path must be relative to the repository, not absolute";
  for (char c : path) {
    if (c == '\0') return "the path contains a NUL byte";
    if (c == '\\') return "the path contains a backslash; use / between folders";
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
      return "the path contains a control character";
  }
  if (!ValidUtf8(path)) return "the path is not UTF-8";
  for (const auto& part : Split(path, '/')) {
    std::string lower = part;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (part.empty()) return "the path has an empty part (// or a / at an end)";
    if (part == "." || part == "..") return "the path may not have . or .. parts";
    if (lower == ".git") return "the path may not have a .git part";
  }
  return "";
}

std::string RefProblem(const std::string& ref) {
  if (ref.empty() || ref.size() > 100) return "name a branch or a commit";
  if (ref.front() == '-' || ref.front() == '/') return "a ref cannot start with - or /";
  for (char c : ref) {
    bool fine =
        std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == '/';
    if (!fine) return "a ref has letters, digits, - _ . and / only";
  }
  if (ref.find("..") != std::string::npos) return "a ref cannot contain ..";
  return "";
}

Result<std::string> ResolveCommit(const std::string& git_dir, const std::string& ref) {
  if (!RefProblem(ref).empty()) return Fail(ErrorCode::kInvalidArgument, RefProblem(ref));
  auto sha =
      RunGit({"--git-dir=" + git_dir, "rev-parse", "--verify", "--quiet", ref + "^{commit}"});
  if (!sha) return Fail(ErrorCode::kNotFound, "no commit " + ref);
  return FirstLine(*sha);
}

Result<std::vector<TreeFile>> ListTree(const std::string& git_dir, const std::string& commit) {
  KOODIKOE_TRY(auto output, RunGit({"--git-dir=" + git_dir, "ls-tree", "-r", "-l", "-z", commit}));
  std::vector<TreeFile> files;
  for (auto& entry : ParseLsTree(output)) {
    if (entry.type != "blob") continue;  // submodules have no content here
    files.push_back({std::move(entry.path), entry.size, std::move(entry.mode)});
  }
  return files;
}

Result<std::vector<CommitSummary>> History(const std::string& git_dir, const std::string& commit,
                                           int limit) {
  KOODIKOE_TRY(auto output, RunGit({"--git-dir=" + git_dir, "log", "-z", "--no-renames",
                                    "--name-only", "--max-count=" + std::to_string(limit),
                                    "--format=%x1e%H%x1f%an%x1f%ae%x1f%at%x1f%s", commit, "--"}));
  std::vector<CommitSummary> commits;
  for (const auto& record : Split(output, '\x1e')) {
    size_t end = record.find('\0');
    auto fields = Split(record.substr(0, end), '\x1f');
    if (fields.size() < 5) continue;
    CommitSummary summary{fields[0], fields[1], fields[2], std::atoll(fields[3].c_str()),
                          fields[4], {}};
    if (end != std::string::npos) {
      for (auto& file : Split(record.substr(end + 1), '\0')) {
        if (!file.empty() && file.front() == '\n') file.erase(0, 1);
        if (!file.empty()) summary.files.push_back(std::move(file));
      }
    }
    commits.push_back(std::move(summary));
  }
  return commits;
}

namespace {

ApiReply Reply(json body) {
  ApiReply reply;
  reply.body = std::move(body);
  return reply;
}

std::string Param(const ApiRequest& request, const char* name, const std::string& fallback) {
  return request.http.has_param(name) ? request.http.get_param_value(name) : fallback;
}

// The team, its repository, and whether the caller may commit (a member) or only read (the
// workshop's trainer, an admin); everyone else learns nothing (404).
struct TeamAccess {
  Team team;
  std::string git_dir;
  bool member = false;
};

ApiResult<TeamAccess> SeeTeamRepo(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto view, SeeTeam(services, request));
  TeamAccess access{std::move(view.team), "", view.member};
  access.git_dir = TeamReposRoot(services.options.data_dir) + "/" + TeamRepoName(access.team.id);
  std::error_code ec;
  if (!fs::is_directory(access.git_dir, ec)) {
    return Reject(Fault::kUnavailable, "repo_missing",
                  "The team's repository is not there yet; it is made at the first clone or "
                  "push. Try again, or tell your trainer.");
  }
  return access;
}

ApiResult<std::string> CommitOf(const TeamAccess& access, const std::string& ref) {
  auto sha = ResolveCommit(access.git_dir, ref);
  if (sha) return *sha;
  if (sha.error().code == ErrorCode::kInvalidArgument) {
    return Reject(Fault::kInvalid, "bad_ref",
                  "The ref " + ref + " is not valid: " + sha.error().context + ".");
  }
  return Reject(Fault::kNotFound, "unknown_ref",
                "The team's repository has no branch or commit " + ref + ".");
}

ApiResult<std::string> CheckedPath(const std::string& path) {
  std::string problem = TreePathProblem(path);
  if (problem.empty()) return path;
  return Reject(Fault::kInvalid, "bad_path",
                "The path " + json(path).dump() + " is refused: " + problem + ".");
}

}  // namespace

ApiResult<ApiReply> GetTeamTree(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeeTeamRepo(services, request));
  std::string ref = Param(request, "ref", "main");
  KOODIKOE_TRY(auto commit, CommitOf(access, ref));
  KOODIKOE_TRY(auto files, Check(ListTree(access.git_dir, commit)));
  json list = json::array();
  for (const auto& file : files) {
    list.push_back({{"path", file.path},
                    {"size", file.size},
                    {"executable", file.mode == "100755"},
                    {"link", file.mode == "120000"}});
  }
  return Reply({{"ref", ref}, {"commit", commit}, {"files", list}, {"can_commit", access.member}});
}

ApiResult<ApiReply> GetTeamFile(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeeTeamRepo(services, request));
  KOODIKOE_TRY(auto path, CheckedPath(Param(request, "path", "")));
  KOODIKOE_TRY(auto commit, CommitOf(access, Param(request, "ref", "main")));
  KOODIKOE_TRY(
      auto listed,
      Check(RunGit({"--git-dir=" + access.git_dir, "ls-tree", "-l", "-z", commit, "--", path})));
  auto entries = ParseLsTree(listed);
  auto unknown = Reject(Fault::kNotFound, "unknown_file",
                        "There is no file " + path + " in commit " + commit.substr(0, 10) + ".");
  if (entries.empty() || entries[0].type != "blob" || entries[0].path != path) return unknown;
  const auto& entry = entries[0];
  if (entry.size > static_cast<int64_t>(kMaxFileBytes)) {
    return Reject(Fault::kTooLarge, "file_too_large",
                  path + " is " + std::to_string(entry.size) +
                      " bytes; the browser shows files "
                      "of at most " +
                      std::to_string(kMaxFileBytes) + " bytes. Use git for it.",
                  {{"limit_bytes", kMaxFileBytes}});
  }
  KOODIKOE_TRY(auto content,
               Check(RunGit({"--git-dir=" + access.git_dir, "cat-file", "blob", entry.sha})));
  if (content.find('\0') != std::string::npos || !ValidUtf8(content)) {
    return Reject(Fault::kInvalid, "binary_file",
                  path + " is not UTF-8 text, so the browser cannot edit it. Use git for it.");
  }
  return Reply({{"path", path},
                {"commit", commit},
                {"size", entry.size},
                {"executable", entry.mode == "100755"},
                {"link", entry.mode == "120000"},
                {"content", content}});
}

ApiResult<ApiReply> GetTeamCommits(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeeTeamRepo(services, request));
  KOODIKOE_TRY(auto commit, CommitOf(access, Param(request, "ref", "main")));
  KOODIKOE_TRY(auto commits, Check(History(access.git_dir, commit, kMaxHistoryCommits)));
  json list = json::array();
  for (const auto& c : commits) {
    list.push_back({{"sha", c.sha},
                    {"author", c.author},
                    {"email", c.email},
                    {"time", IsoTime(c.time)},
                    {"message", c.message},
                    {"files", c.files}});
  }
  return Reply({{"commit", commit}, {"commits", list}});
}

namespace {

// The changes of a commit's body, each path checked, none named twice.
ApiResult<std::vector<FileChange>> ReadChanges(const json& body) {
  const json& changes = body.contains("changes") ? body["changes"] : json();
  if (!changes.is_array() || changes.empty()) {
    return Reject(Fault::kInvalid, "missing_field",
                  "changes: list the files, each {\"path\", \"content\"} or {\"path\", "
                  "\"delete\": true}.",
                  {{"field", "changes"}});
  }
  if (changes.size() > kMaxCommitChanges) {
    return Reject(Fault::kInvalid, "too_many_changes",
                  "A commit from the browser changes at most " + std::to_string(kMaxCommitChanges) +
                      " files; use git for more.",
                  {{"limit", kMaxCommitChanges}});
  }
  std::vector<FileChange> result;
  std::set<std::string> seen;
  for (const auto& change : changes) {
    if (!change.is_object()) {
      return Reject(Fault::kInvalid, "bad_field", "changes: each change is an object.");
    }
    KOODIKOE_TRY(auto raw, RequireString(change, "path", 2048));
    KOODIKOE_TRY(auto path, CheckedPath(raw));
    if (!seen.insert(path).second) {
      return Reject(Fault::kInvalid, "bad_path", path + " is named twice in one commit.");
    }
    FileChange file{path, "", change.value("delete", false) == true};
    if (!file.remove) {
      const json& content = change.contains("content") ? change["content"] : json();
      if (!content.is_string()) {
        return Reject(Fault::kInvalid, "missing_field",
                      "changes: " + path + " needs its \"content\" (text) or \"delete\": true.",
                      {{"field", "content"}});
      }
      file.content = content.get<std::string>();
      if (file.content.size() > kMaxFileBytes) {
        return Reject(Fault::kTooLarge, "file_too_large",
                      path + " is " + std::to_string(file.content.size()) +
                          " bytes; a file may be at most " + std::to_string(kMaxFileBytes) +
                          " bytes.",
                      {{"limit_bytes", kMaxFileBytes}});
      }
    }
    result.push_back(std::move(file));
  }
  return result;
}

ApiError Stale() {
  return ApiError{Fault::kConflict, "stale_parent",
                  "Someone else committed first; reload the files, then make your change again.", 0,
                  json::object()};
}

// Builds the new tree in a temporary index from `parent`'s, and returns it (its sha).
ApiResult<std::string> BuildTree(const std::string& git_dir, const std::string& parent,
                                 const std::vector<FileChange>& changes) {
  std::string dir = "--git-dir=" + git_dir;
  TempPath index{git_dir + "/koodikoe-index-" + RandomHex(8)};
  std::vector<std::string> env = {"GIT_INDEX_FILE=" + index.path};
  KOODIKOE_TRY(auto read, Check(RunGit({dir, "read-tree", parent}, env)));
  KOODIKOE_TRY(auto listed, Check(RunGit({dir, "ls-tree", "-r", "-l", "-z", parent}, env)));
  auto entries = ParseLsTree(listed);
  for (const auto& change : changes) {
    auto old = std::find_if(entries.begin(), entries.end(),
                            [&](const LsTreeEntry& e) { return e.path == change.path; });
    if (change.remove) {
      if (old == entries.end()) {
        return Reject(Fault::kNotFound, "unknown_file",
                      "There is no file " + change.path + " to delete.");
      }
      // git names paths to remove only with a work tree; an empty one (--force-remove never
      // looks at it).
      TempPath empty{git_dir + "/koodikoe-empty-" + RandomHex(8)};
      std::error_code ec;
      fs::create_directory(empty.path, ec);
      KOODIKOE_TRY(auto removed, Check(RunGit({dir, "--work-tree=" + empty.path, "update-index",
                                               "--force-remove", "--", change.path},
                                              env)));
      continue;
    }
    TempPath blob{git_dir + "/koodikoe-blob-" + RandomHex(8)};
    {
      std::ofstream out(blob.path, std::ios::binary);
      out << change.content;
      if (!out) return InternalFailure({ErrorCode::kSystem, 0, "cannot write " + blob.path});
    }
    KOODIKOE_TRY(auto sha,
                 Check(RunGit({dir, "hash-object", "-w", "--no-filters", "--", blob.path})));
    // A file keeps its executable bit; a link written over becomes a plain file.
    std::string mode = old != entries.end() && old->mode == "100755" ? "100755" : "100644";
    auto added = RunGit({dir, "update-index", "--add", "--cacheinfo",
                         mode + "," + FirstLine(sha) + "," + change.path},
                        env);
    if (!added) {
      return Reject(Fault::kInvalid, "bad_path",
                    change.path +
                        " cannot be written: a file and a folder of that name "
                        "cannot both be in the tree.");
    }
  }
  KOODIKOE_TRY(auto tree, Check(RunGit({dir, "write-tree"}, env)));
  return FirstLine(tree);
}

// A commit made in the browser is the committing account's, as a push is the pusher's. It has
// landed already: a failure to record it is logged, not answered as the commit's failure.
void RecordBrowserCommit(Services& services, int64_t team_id, int64_t user_id,
                         const std::string& old_sha, const std::string& new_sha) {
  auto recorded = RecordTeamCommits(services.storage, services.options.data_dir, team_id, user_id,
                                    old_sha, new_sha);
  if (!recorded) {
    LogError("team " + std::to_string(team_id) + " browser commit " + new_sha + ": " +
             recorded.error().Describe());
  }
}

}  // namespace

ApiResult<ApiReply> CommitTeamFiles(Services& services, const ApiRequest& request) {
  KOODIKOE_TRY(auto access, SeeTeamRepo(services, request));
  if (!access.member) {
    return Reject(Fault::kForbidden, "team_members_only",
                  "Only the team's members commit to its repository; you may read it.");
  }
  KOODIKOE_TRY(auto parent, RequireString(request.body, "parent", 64));
  KOODIKOE_TRY(auto message, RequireString(request.body, "message", kMaxCommitMessageBytes));
  if (message.find_first_not_of(" \t\r\n") == std::string::npos) {
    return Reject(Fault::kInvalid, "missing_field", "message: say what the commit changes.",
                  {{"field", "message"}});
  }
  if (parent.size() != 40 || !IsHex(parent)) {
    return Reject(Fault::kInvalid, "bad_ref",
                  "parent: the full sha of the commit your change starts from (the tree's "
                  "\"commit\").");
  }
  KOODIKOE_TRY(auto changes, ReadChanges(request.body));
  KOODIKOE_TRY(auto main, CommitOf(access, "main"));
  if (main != parent) return tl::unexpected(Stale());

  int64_t adding = 0;
  for (const auto& change : changes) adding += static_cast<int64_t>(change.content.size());
  int64_t used = ObjectBytes(access.git_dir);
  if (used + adding > static_cast<int64_t>(kMaxRepoBytes)) {
    return Reject(Fault::kTooLarge, "repo_too_large",
                  "The repository would hold " + std::to_string((used + adding) >> 20) +
                      " MiB; at most " + std::to_string(kMaxRepoBytes >> 20) + " MiB.",
                  {{"limit_mib", kMaxRepoBytes >> 20}});
  }
  KOODIKOE_TRY(auto tree, BuildTree(access.git_dir, parent, changes));
  std::string dir = "--git-dir=" + access.git_dir;
  KOODIKOE_TRY(auto parent_tree, Check(RunGit({dir, "rev-parse", parent + "^{tree}"})));
  if (FirstLine(parent_tree) == tree) {
    return Reject(Fault::kInvalid, "no_changes", "The files are as they were; nothing to commit.");
  }
  const User& user = request.user();
  const std::string& name = user.username;
  std::string email = user.username + "@users.noreply.koodikoe";
  std::vector<std::string> env = {"GIT_AUTHOR_NAME=" + name, "GIT_AUTHOR_EMAIL=" + email,
                                  "GIT_COMMITTER_NAME=" + name, "GIT_COMMITTER_EMAIL=" + email};
  KOODIKOE_TRY(auto made,
               Check(RunGit({dir, "commit-tree", tree, "-p", parent, "-m", message}, env)));
  std::string commit = FirstLine(made);
  // Moves main only if it still is the parent: two commits at once, one wins, one gets 409.
  if (!RunGit({dir, "update-ref", "-m", "koodikoe: commit in the browser by " + user.username,
               "refs/heads/main", commit, parent})) {
    return tl::unexpected(Stale());
  }
  RecordBrowserCommit(services, access.team.id, user.id, parent, commit);
  return Reply({{"commit", commit}, {"parent", parent}, {"author", name}, {"email", email}});
}

}  // namespace web
