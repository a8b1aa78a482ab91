// The git repository of each team, kept under the data directory: made from the exercise
// package's template files, guarded by a pre-receive hook with the push limits.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "koodikoe/result.h"

namespace web {

// What a push may bring. A pack over kMaxPackBytes is cut off by git itself while it arrives
// (receive.maxInputSize); the hook refuses a file over kMaxFileBytes, any symbolic link, and a
// push after which the repository would hold more than kMaxRepoBytes.
inline constexpr size_t kMaxFileBytes = 1u << 20;
inline constexpr size_t kMaxPackBytes = 8u << 20;
inline constexpr size_t kMaxRepoBytes = 32u << 20;
// The most a commit's tree may be, as the tar a judging gets (and a remote worker's claim).
inline constexpr size_t kMaxTreeBytes = 16u << 20;

// Where team repositories live: DATA_DIR/teams (git http-backend's GIT_PROJECT_ROOT).
std::string TeamReposRoot(const std::string& data_dir);
// "<id>.git", the name of a team's repository under TeamReposRoot.
std::string TeamRepoName(int64_t team_id);

// Creates the team's bare repository with one commit on `main` by "koodikoe": the files of
// the package's template/ (or starter/) folder, or a README naming the project when it has
// neither. Symbolic links of the template are left out. `fresh` (a team just stored): a
// repository already at that place was left by another database on the same data directory
// and is moved aside (".orphaned-..."); otherwise one made meanwhile by another request is
// kept. kSystem with git's own words when git fails.
koodikoe::Result<void> CreateTeamRepo(const std::string& data_dir, int64_t team_id,
                                      const std::string& package_dir, const std::string& title,
                                      bool fresh);

// Runs `git ARGS` with the environment `env` (KEY=VALUE, PATH is added), waits, and returns
// its standard output; kSystem with its standard error when it exits non-zero.
koodikoe::Result<std::string> RunGit(const std::vector<std::string>& args,
                                     const std::vector<std::string>& env = {});

// RunGit for another program (an absolute path).
koodikoe::Result<std::string> RunProgram(const std::string& program,
                                         const std::vector<std::string>& args,
                                         const std::vector<std::string>& env = {});

// The full commit id `commit` (a commit id, a branch or tag name) names in the team's
// repository; kInvalidArgument "the team's repository has no commit 'X'" when none.
koodikoe::Result<std::string> ResolveTeamCommit(const std::string& data_dir, int64_t team_id,
                                                const std::string& commit);

// The commit's tree as a tar (`git archive`): what a judging of the commit reads.
// kInvalidArgument when it is over kMaxTreeBytes.
koodikoe::Result<std::string> ArchiveTeamCommit(const std::string& data_dir, int64_t team_id,
                                                const std::string& commit);

// Unpacks a tree's tar (ArchiveTeamCommit) into `dir` with /usr/bin/tar, its files read-only.
koodikoe::Result<void> UnpackTree(const std::string& tar, const std::string& dir);

}  // namespace web
