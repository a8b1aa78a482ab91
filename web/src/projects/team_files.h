// A team's repository edited in the browser: its files read and commits made with git's own
// plumbing on the bare repository (read-tree, hash-object, update-index, write-tree,
// commit-tree, and update-ref guarded by the parent), under the limits pushes have.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "http/api.h"
#include "koodikoe/result.h"

namespace web {

// At most this many files changed in one commit from the browser.
inline constexpr size_t kMaxCommitChanges = 200;
// A commit message, at most.
inline constexpr size_t kMaxCommitMessageBytes = 4000;
// The history answers at most this many commits.
inline constexpr int kMaxHistoryCommits = 200;

// "" when `path` is a file path that stays inside the tree (relative, no empty, ".", "..",
// or ".git" part, no NUL, backslash or control character); else why it is not.
std::string TreePathProblem(const std::string& path);

// "" when `ref` names a branch or a commit (hex) without looking like an option; else why not.
std::string RefProblem(const std::string& ref);

struct TreeFile {
  std::string path;
  int64_t size = 0;
  std::string mode;  // git's: "100644", "100755", "120000"
};

struct CommitSummary {
  std::string sha;
  std::string author;
  std::string email;
  int64_t time = 0;     // unix seconds
  std::string message;  // the subject line
  std::vector<std::string> files;
};

// One change of a browser commit: `content` written at `path`, or the file removed.
struct FileChange {
  std::string path;
  std::string content;
  bool remove = false;
};

// The commit `ref` names (full sha), or kNotFound.
koodikoe::Result<std::string> ResolveCommit(const std::string& git_dir, const std::string& ref);
// The files (blobs and links) of a commit's tree.
koodikoe::Result<std::vector<TreeFile>> ListTree(const std::string& git_dir,
                                                 const std::string& commit);
// The newest commits reachable from `commit`, newest first, with the files each changed.
koodikoe::Result<std::vector<CommitSummary>> History(const std::string& git_dir,
                                                     const std::string& commit, int limit);

// The API (team_files.cc): for the team's members; the workshop's trainer may read.
ApiResult<ApiReply> GetTeamTree(Services&, const ApiRequest&);
ApiResult<ApiReply> GetTeamFile(Services&, const ApiRequest&);
ApiResult<ApiReply> GetTeamCommits(Services&, const ApiRequest&);
ApiResult<ApiReply> CommitTeamFiles(Services&, const ApiRequest&);

}  // namespace web
