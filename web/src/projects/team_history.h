// A team's history as evidence of teamwork (issue 20): which account brought each commit to
// the team's repository, and what each member did, from the history and the judgings.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "koodikoe/result.h"
#include "storage/storage.h"

namespace web {

// Records `user_id` (the authenticated account, never the commit's own author line) as the
// one who brought the commits that `new_sha` adds over `old_sha` to the team's repository:
// `git rev-list new ^old`, or every commit reachable from `new_sha` when `old_sha` is empty
// or all zeros (a new branch). A commit already recorded keeps its first account. Called when
// a push over git ends (git_http.cc) and when a commit is made in the browser.
koodikoe::Result<void> RecordTeamCommits(Storage& storage, const std::string& data_dir,
                                         int64_t team_id, int64_t user_id,
                                         const std::string& old_sha, const std::string& new_sha);

// Reads the pushes a post-receive hook wrote for the push `push_id` ("OLD NEW REF" lines) and
// records them with RecordTeamCommits; the file is removed.
void RecordPush(Storage& storage, const std::string& data_dir, int64_t team_id, int64_t user_id,
                const std::string& push_id);

// Each member's contribution on the team's main branch: commits, files and lines added and
// removed (renames followed, `git log -M --numstat`), and the scenarios that went from
// failing to passing in the judgings of their commits (a judged commit compared with the
// previous judged commit of main's history). {"members": [...], "unattributed_commits": N}
koodikoe::Result<nlohmann::json> TeamContributions(Storage& storage, const std::string& data_dir,
                                                   const Team& team);

}  // namespace web
