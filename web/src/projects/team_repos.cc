// Team repositories on disk: made with the real git, guarded by a pre-receive hook.
#include "projects/team_repos.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "accounts/auth.h"
#include "koodikoe/try.h"

namespace web {

namespace fs = std::filesystem;
using koodikoe::ErrorCode;
using koodikoe::Fail;
using koodikoe::Result;

namespace {

// The hook git's receive-pack runs after a pack has arrived, before any ref moves (the new
// objects are still in quarantine: a refused push leaves nothing behind). What it prints, the
// pusher's git shows as "remote: ...". Every symbolic link is refused, not only those leaving
// the tree: the team's tree is checked out into judging boxes, and a link is never needed in
// a service's sources.
constexpr const char* kPreReceiveHook = R"hook(#!/bin/sh
# koodikoe: the checks of a push to a team repository.
max_file=$(git config --get koodikoe.maxfilebytes)
max_repo=$(git config --get koodikoe.maxrepobytes)
zero=0000000000000000000000000000000000000000
while read -r old new ref; do
  if [ "$new" = "$zero" ]; then
    if [ "$ref" = refs/heads/main ]; then
      echo "koodikoe: refused: main is the team's shared branch and cannot be deleted"
      exit 1
    fi
    continue
  fi
  case "$ref" in
    refs/heads/*) ;;
    *) echo "koodikoe: only branches can be pushed here, not $ref"; exit 1 ;;
  esac
  if [ "$old" = "$zero" ]; then
    commits=$(git rev-list "$new" --not --all) || exit 1
  else
    commits=$(git rev-list "$old..$new") || exit 1
  fi
  for commit in $commits; do
    git ls-tree -r -l "$commit" | awk -v max="$max_file" -v commit="$commit" '
      {
        path = substr($0, index($0, "\t") + 1)
        at = " (commit " substr(commit, 1, 10) ")"
        if ($1 == "120000") {
          print "koodikoe: refused: " path " is a symbolic link" at "; links are not accepted, commit the file itself"
          bad = 1
        } else if ($2 == "blob" && $4 + 0 > max + 0) {
          print "koodikoe: refused: " path " is " $4 " bytes" at "; a file may be at most " max " bytes"
          bad = 1
        }
      }
      END { exit bad }' || exit 1
  done
done
used_kib=$(du -sk objects | cut -f1)
if [ $((used_kib * 1024)) -gt "$max_repo" ]; then
  echo "koodikoe: refused: the repository would hold $((used_kib / 1024)) MiB; at most $((max_repo / 1048576)) MiB"
  exit 1
fi
exit 0
)hook";

// After a push: the refs it moved ("OLD NEW REF" lines), for the server to record who pushed
// which commits when the push's answer ends (team_history.cc, RecordPush). The server names
// the push (KOODIKOE_PUSH_ID, hex digits).
constexpr const char* kPostReceiveHook = R"hook(#!/bin/sh
case "$KOODIKOE_PUSH_ID" in
  ''|*[!0-9a-f]*) exit 0 ;;
esac
mkdir -p koodikoe-pushes && cat > "koodikoe-pushes/$KOODIKOE_PUSH_ID"
)hook";

// Reads both pipes to their ends (a child filling one while we wait on the other would hang).
void Drain(int out_fd, int err_fd, std::string& out, std::string& err) {
  pollfd fds[2] = {{out_fd, POLLIN, 0}, {err_fd, POLLIN, 0}};
  std::string* sinks[2] = {&out, &err};
  int open = 2;
  char buffer[16384];
  while (open > 0) {
    if (poll(fds, 2, -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open;
      }
    }
  }
}

Result<void> WriteFile(const fs::path& path, const std::string& text, fs::perms perms) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  std::error_code ec;
  fs::permissions(path, perms, ec);
  if (!out || ec) return Fail(ErrorCode::kSystem, "cannot write " + path.string());
  return {};
}

// The files the team starts from, copied into `work` (symbolic links left out).
Result<void> FillTemplate(const std::string& package_dir, const std::string& title,
                          const fs::path& work) {
  std::error_code ec;
  fs::create_directories(work, ec);
  for (const char* folder : {"template", "starter"}) {
    fs::path from = fs::path(package_dir) / folder;
    if (package_dir.empty() || !fs::is_directory(from, ec)) continue;
    fs::copy(from, work, fs::copy_options::recursive | fs::copy_options::skip_symlinks, ec);
    if (ec) return Fail(ErrorCode::kSystem, "copying " + from.string() + ": " + ec.message());
    if (!fs::is_empty(work, ec)) return {};
  }
  return WriteFile(work / "README.md",
                   "# " + title +
                       "\n\nThe team's repository on koodikoe. Read the exercise's statement "
                       "on the project page, then build the service here together.\n",
                   fs::perms::owner_read | fs::perms::owner_write);
}

Result<void> Configure(const std::string& git_dir) {
  const std::pair<const char*, size_t> settings[] = {
      {"receive.maxInputSize", kMaxPackBytes},
      {"koodikoe.maxFileBytes", kMaxFileBytes},
      {"koodikoe.maxRepoBytes", kMaxRepoBytes},
  };
  for (const auto& [key, value] : settings) {
    KOODIKOE_TRY(auto set, RunGit({"--git-dir=" + git_dir, "config", key, std::to_string(value)}));
  }
  // The history is the team's shared record: no push rewrites it.
  for (const char* key :
       {"http.receivePack", "receive.fsckObjects", "receive.denyNonFastForwards"}) {
    KOODIKOE_TRY(auto set, RunGit({"--git-dir=" + git_dir, "config", key, "true"}));
  }
  std::error_code ec;
  fs::remove_all(fs::path(git_dir) / "hooks", ec);
  fs::create_directories(fs::path(git_dir) / "hooks", ec);
  auto perms = fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec;
  KOODIKOE_TRY_VOID(WriteFile(fs::path(git_dir) / "hooks/pre-receive", kPreReceiveHook, perms));
  return WriteFile(fs::path(git_dir) / "hooks/post-receive", kPostReceiveHook, perms);
}

// The first commit of `main`: the tree of `work`, by koodikoe.
Result<void> FirstCommit(const std::string& git_dir, const fs::path& work,
                         const std::string& title) {
  std::vector<std::string> env = {"GIT_INDEX_FILE=" + git_dir + "/koodikoe-index",
                                  "GIT_AUTHOR_NAME=koodikoe", "GIT_AUTHOR_EMAIL=koodikoe@localhost",
                                  "GIT_COMMITTER_NAME=koodikoe",
                                  "GIT_COMMITTER_EMAIL=koodikoe@localhost"};
  std::string dirs = "--git-dir=" + git_dir;
  KOODIKOE_TRY(auto added,
               RunGit({dirs, "--work-tree=" + work.string(), "add", "-A", "-f", "."}, env));
  KOODIKOE_TRY(auto tree, RunGit({dirs, "write-tree"}, env));
  KOODIKOE_TRY(auto commit, RunGit({dirs, "commit-tree", tree.substr(0, tree.find('\n')), "-m",
                                    "Start of " + title},
                                   env));
  auto moved = RunGit({dirs, "update-ref", "refs/heads/main", commit.substr(0, commit.find('\n'))});
  if (!moved) return tl::unexpected(moved.error());
  std::error_code ec;
  fs::remove(git_dir + "/koodikoe-index", ec);
  return {};
}

}  // namespace

std::string TeamReposRoot(const std::string& data_dir) { return data_dir + "/teams"; }

std::string TeamRepoName(int64_t team_id) { return std::to_string(team_id) + ".git"; }

Result<std::string> RunGit(const std::vector<std::string>& args,
                           const std::vector<std::string>& env) {
  return RunProgram("/usr/bin/git", args, env);
}

Result<std::string> RunProgram(const std::string& program, const std::vector<std::string>& args,
                               const std::vector<std::string>& env) {
  std::string name = program.substr(program.rfind('/') + 1);
  int out[2];
  int err[2];
  if (pipe2(out, O_CLOEXEC) != 0) return Fail(ErrorCode::kSystem, "pipe for " + name);
  if (pipe2(err, O_CLOEXEC) != 0) {
    close(out[0]);
    close(out[1]);
    return Fail(ErrorCode::kSystem, "pipe for " + name);
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err[1], 2);
  std::vector<std::string> all_env = {"PATH=/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM=1"};
  all_env.insert(all_env.end(), env.begin(), env.end());
  std::vector<char*> argv = {name.data()};
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (const auto& entry : all_env) envp.push_back(const_cast<char*>(entry.c_str()));
  envp.push_back(nullptr);
  pid_t pid = 0;
  int spawned = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out[1]);
  close(err[1]);
  std::string output;
  std::string errors;
  if (spawned == 0) Drain(out[0], err[0], output, errors);
  close(out[0]);
  close(err[0]);
  if (spawned != 0) {
    return Fail(ErrorCode::kSystem,
                "cannot run " + program + " (install " + name + "): " + std::strerror(spawned));
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    return Fail(ErrorCode::kSystem, name + " " + (args.empty() ? "" : args.back()) + ": " + errors);
  }
  return output;
}

Result<void> CreateTeamRepo(const std::string& data_dir, int64_t team_id,
                            const std::string& package_dir, const std::string& title, bool fresh) {
  std::string root = TeamReposRoot(data_dir);
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return Fail(ErrorCode::kSystem, "cannot create " + root + ": " + ec.message());
  // Made under a temporary name and renamed: git http-backend never sees a half-made one.
  std::string making = root + "/.making-" + std::to_string(team_id) + "-" + RandomHex(4);
  fs::path work = making + ".work";
  auto made = [&]() -> Result<void> {
    KOODIKOE_TRY(auto init, RunGit({"init", "--quiet", "--bare", "--initial-branch=main", making}));
    if (auto filled = FillTemplate(package_dir, title, work); !filled) return filled;
    if (auto configured = Configure(making); !configured) return configured;
    if (auto committed = FirstCommit(making, work, title); !committed) return committed;
    std::string final_path = root + "/" + TeamRepoName(team_id);
    if (fresh && fs::exists(final_path, ec)) {
      // Left by another database on this data directory: kept aside, never served.
      std::string aside = root + "/.orphaned-" + TeamRepoName(team_id) + "-" + RandomHex(4);
      fs::rename(final_path, aside, ec);
      if (ec)
        return Fail(ErrorCode::kSystem, "cannot move " + final_path + " aside: " + ec.message());
    }
    fs::rename(making, final_path, ec);
    // Made by a request at the same time: theirs is kept.
    if (ec && fs::is_directory(final_path)) return {};
    if (ec) return Fail(ErrorCode::kSystem, "cannot rename to " + final_path + ": " + ec.message());
    return {};
  }();
  fs::remove_all(work, ec);
  if (!made) fs::remove_all(making, ec);
  return made;
}

Result<std::string> ResolveTeamCommit(const std::string& data_dir, int64_t team_id,
                                      const std::string& commit) {
  bool plain = !commit.empty() && commit.size() <= 200 && commit[0] != '-' &&
               commit.find_first_of(" \t\n:") == std::string::npos;
  if (!plain) {
    return Fail(ErrorCode::kInvalidArgument,
                "'" + commit + "' is not a commit: give a commit id or a branch name");
  }
  std::string git_dir = TeamReposRoot(data_dir) + "/" + TeamRepoName(team_id);
  auto resolved = RunGit({"--git-dir=" + git_dir, "rev-parse", "--verify", "--quiet",
                          "--end-of-options", commit + "^{commit}"});
  if (!resolved || resolved->size() < 40) {
    return Fail(ErrorCode::kInvalidArgument,
                "the team's repository has no commit '" + commit + "'");
  }
  return resolved->substr(0, 40);
}

Result<std::string> ArchiveTeamCommit(const std::string& data_dir, int64_t team_id,
                                      const std::string& commit) {
  std::string git_dir = TeamReposRoot(data_dir) + "/" + TeamRepoName(team_id);
  KOODIKOE_TRY(auto tar, RunGit({"--git-dir=" + git_dir, "archive", "--format=tar", commit}));
  if (tar.size() > kMaxTreeBytes) {
    return Fail(ErrorCode::kInvalidArgument,
                "the tree of commit " + commit + " is " + std::to_string(tar.size()) +
                    " bytes as a tar, over the " + std::to_string(kMaxTreeBytes) +
                    " a judging takes");
  }
  return tar;
}

Result<void> UnpackTree(const std::string& tar, const std::string& dir) {
  if (tar.size() > kMaxTreeBytes) {
    return Fail(ErrorCode::kInvalidArgument,
                "the tree to judge is " + std::to_string(tar.size()) + " bytes, over the " +
                    std::to_string(kMaxTreeBytes) + " a judging takes");
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Fail(ErrorCode::kSystem, "cannot create " + dir + ": " + ec.message());
  std::string file = dir + ".tar";
  KOODIKOE_TRY_VOID(WriteFile(file, tar, fs::perms::owner_read | fs::perms::owner_write));
  auto unpacked = RunProgram("/usr/bin/tar", {"-x", "--no-same-owner", "-C", dir, "-f", file});
  fs::remove(file, ec);
  if (!unpacked) return tl::unexpected(unpacked.error());
  // Read-only: the judge reads the commit's files, never changes them.
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it->is_regular_file(ec)) {
      fs::permissions(it->path(),
                      fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                      fs::perm_options::remove, ec);
    }
  }
  if (ec) return Fail(ErrorCode::kSystem, "unpacking the tree into " + dir + ": " + ec.message());
  return {};
}

}  // namespace web
