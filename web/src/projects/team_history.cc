#include "projects/team_history.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "base/log.h"
#include "base/time_util.h"
#include "koodikoe/try.h"
#include "projects/team_repos.h"

namespace web {

namespace {

using nlohmann::json;

std::string GitDir(const std::string& data_dir, int64_t team_id) {
  return TeamReposRoot(data_dir) + "/" + TeamRepoName(team_id);
}

bool IsCommitId(const std::string& text) {
  return text.size() == 40 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

struct FileChange {
  std::string before;  // the path before a rename, else the path
  std::string path;
  int64_t added = 0;
  int64_t removed = 0;
};

struct HistoryCommit {
  std::string sha;
  std::vector<FileChange> files;
};

std::string WithoutDoubleSlashes(const std::string& path) {
  std::string clean;
  for (char c : path) {
    if (c == '/' && !clean.empty() && clean.back() == '/') continue;
    clean += c;
  }
  return clean.starts_with("/") ? clean.substr(1) : clean;
}

// The paths before and after a numstat line's rename: "a => b", "d/{a => b}/c", "{ => d}/a".
std::pair<std::string, std::string> RenamedPaths(const std::string& path) {
  size_t arrow = path.find(" => ");
  if (arrow == std::string::npos) return {path, path};
  size_t open = path.rfind('{', arrow);
  size_t close = path.find('}', arrow);
  if (open == std::string::npos || close == std::string::npos) {
    return {path.substr(0, arrow), path.substr(arrow + 4)};
  }
  std::string prefix = path.substr(0, open);
  std::string suffix = path.substr(close + 1);
  return {WithoutDoubleSlashes(prefix + path.substr(open + 1, arrow - open - 1) + suffix),
          WithoutDoubleSlashes(prefix + path.substr(arrow + 4, close - arrow - 4) + suffix)};
}

int64_t Count(const std::string& text) {
  return text == "-" ? 0 : std::strtoll(text.c_str(), nullptr, 10);
}

// main's history, oldest first, with each commit's files (renames followed).
Result<std::vector<HistoryCommit>> MainHistory(const std::string& git_dir) {
  KOODIKOE_TRY(auto log, RunGit({"--git-dir=" + git_dir, "log", "--reverse", "-M", "--numstat",
                                 "--format=%x01%H", "refs/heads/main"}));
  std::vector<HistoryCommit> history;
  for (const auto& line : Lines(log)) {
    if (line[0] == '\x01') {
      history.push_back({line.substr(1), {}});
      continue;
    }
    size_t first = line.find('\t');
    size_t second = first == std::string::npos ? first : line.find('\t', first + 1);
    if (history.empty() || second == std::string::npos) continue;
    auto [before, after] = RenamedPaths(line.substr(second + 1));
    history.back().files.push_back({before, after, Count(line.substr(0, first)),
                                    Count(line.substr(first + 1, second - first - 1))});
  }
  // A file keeps its newest name through its renames: walking back from the newest commit,
  // the name a file had before a rename is that file.
  std::map<std::string, std::string> newest;
  for (auto commit = history.rbegin(); commit != history.rend(); ++commit) {
    for (auto& file : commit->files) {
      auto known = newest.find(file.path);
      if (known != newest.end()) file.path = known->second;
      if (file.before != file.path) newest[file.before] = file.path;
    }
  }
  return history;
}

struct Contribution {
  std::string username;
  int64_t commits = 0;
  std::set<std::string> files;
  int64_t added = 0;
  int64_t removed = 0;
  std::set<std::string> fixed;
};

// The accepted scenarios of the newest finished judging of each commit.
std::map<std::string, std::set<std::string>> PassingByCommit(
    const std::vector<Submission>& judgings) {
  std::map<std::string, std::set<std::string>> passing;
  for (const auto& judging : judgings) {  // newest first
    if (judging.status != "done" || passing.count(judging.commit_sha)) continue;
    json report = json::parse(judging.report_json, nullptr, false);
    if (!report.is_object() || judging.verdict == "judging_error") continue;
    std::set<std::string>& accepted = passing[judging.commit_sha];
    for (const auto& test : report.value("tests", json::array())) {
      if (test.value("verdict", "") == "accepted") accepted.insert(test.value("name", ""));
    }
  }
  return passing;
}

}  // namespace

Result<void> RecordTeamCommits(Storage& storage, const std::string& data_dir, int64_t team_id,
                               int64_t user_id, const std::string& old_sha,
                               const std::string& new_sha) {
  if (!IsCommitId(new_sha) || new_sha == std::string(40, '0')) return {};  // a deleted ref
  std::vector<std::string> args = {"--git-dir=" + GitDir(data_dir, team_id), "rev-list", new_sha};
  if (IsCommitId(old_sha) && old_sha != std::string(40, '0')) args.push_back("^" + old_sha);
  KOODIKOE_TRY(auto listed, RunGit(args));
  return storage.AddTeamCommits(team_id, user_id, Lines(listed), UnixNow());
}

void RecordPush(Storage& storage, const std::string& data_dir, int64_t team_id, int64_t user_id,
                const std::string& push_id) {
  std::string path = GitDir(data_dir, team_id) + "/koodikoe-pushes/" + push_id;
  std::ifstream in(path);
  if (!in) return;  // nothing was pushed (a refused push, or a fetch)
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string old_sha, new_sha, ref;
    fields >> old_sha >> new_sha >> ref;
    auto recorded = RecordTeamCommits(storage, data_dir, team_id, user_id, old_sha, new_sha);
    if (!recorded) {
      LogError("team " + std::to_string(team_id) + " push " + ref + ": " +
               recorded.error().Describe());
    }
  }
  std::error_code ec;
  std::filesystem::remove(path, ec);
}

Result<json> TeamContributions(Storage& storage, const std::string& data_dir, const Team& team) {
  KOODIKOE_TRY(auto history, MainHistory(GitDir(data_dir, team.id)));
  KOODIKOE_TRY(auto pushed, storage.TeamCommits(team.id));
  KOODIKOE_TRY(auto judgings, storage.TeamJudgings(team.id));
  std::map<std::string, int64_t> pusher;
  for (const auto& commit : pushed) pusher[commit.sha] = commit.user_id;
  std::map<int64_t, Contribution> by_member;
  for (const auto& member : team.members) by_member[member.user_id].username = member.username;
  auto passing = PassingByCommit(judgings);
  const std::set<std::string>* previous = nullptr;
  int64_t unattributed = 0;
  for (const auto& commit : history) {
    auto who = pusher.find(commit.sha);
    Contribution* member = nullptr;
    if (who != pusher.end() && by_member.count(who->second)) member = &by_member[who->second];
    if (!member) ++unattributed;
    if (member) {
      ++member->commits;
      for (const auto& file : commit.files) {
        member->files.insert(file.path);
        member->added += file.added;
        member->removed += file.removed;
      }
    }
    auto judged = passing.find(commit.sha);
    if (judged == passing.end()) continue;
    if (member && previous) {
      for (const auto& scenario : judged->second) {
        if (!previous->count(scenario)) member->fixed.insert(scenario);
      }
    }
    previous = &judged->second;
  }
  json members = json::array();
  for (const auto& team_member : team.members) {
    const Contribution& c = by_member[team_member.user_id];
    members.push_back({{"username", c.username},
                       {"commits", c.commits},
                       {"files", c.files.size()},
                       {"lines_added", c.added},
                       {"lines_removed", c.removed},
                       {"scenarios_fixed", c.fixed}});
  }
  return json{{"members", members}, {"unattributed_commits", unattributed}};
}

}  // namespace web
