// A team's repository edited in the browser (issue 20), against a real `koodikoe serve` on
// loopback on both stores: the tree, a file, commits made through the API and seen by the
// real git client, the history; a stale parent answered 409; the limits of a push; paths that
// would leave the tree; who may read and who may commit.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <set>
#include <thread>

#include "pg_fixture.h"
#include "server_fixture.h"

namespace web_test {
namespace {

struct Ran {
  int status = -1;
  std::string output;
};

// A shell command line in `dir`, git isolated from this machine's configuration.
Ran Shell(const std::string& dir, const std::string& command) {
  std::string line = "cd '" + dir + "' && HOME='" + dir +
                     "' GIT_CONFIG_NOSYSTEM=1 GIT_TERMINAL_PROMPT=0 GIT_AUTHOR_NAME=t "
                     "GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t "
                     "GIT_COMMITTER_EMAIL=t@example.com " +
                     command + " 2>&1";
  Ran ran;
  FILE* pipe = popen(line.c_str(), "r");
  if (!pipe) return ran;
  char buffer[4096];
  size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) ran.output.append(buffer, n);
  int status = pclose(pipe);
  ran.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return ran;
}

std::string Escape(const std::string& text) {
  std::string out;
  const char* hex = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// Printable text that compresses little: what a file of `bytes` costs a repository.
std::string RandomText(size_t bytes, unsigned seed) {
  std::mt19937 random(seed);
  std::string text(bytes, 'a');
  for (auto& c : text) c = static_cast<char>('0' + random() % 75);
  for (auto& c : text) {
    if (c == '\\') c = '!';
  }
  return text;
}

class TeamFilesTest : public ::testing::TestWithParam<StoreKind> {
 protected:
  void SetUp() override {
    std::string db = NewStoreUrl(GetParam(), dir_.path(), "files");
    ASSERT_FALSE(db.empty());
    server_ = ServerProcess::Start(db, {"--fake-judge", "--demo", "--data", dir_.path() + "/data"},
                                   dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr) << "see " << dir_.path() << "/server.log";
    team_ = FormTeam();
    ASSERT_GT(team_, 0);
  }

  Api As(const std::string& username, const std::string& password = "") {
    Api api(*server_);
    Reply login = api.Login(username, password.empty() ? username + "-demo" : password);
    EXPECT_EQ(login.status, 200) << login.body.dump();
    return api;
  }

  // A team of aino and yusuf on the `health` service exercise; ville is in the workshop
  // but not in the team.
  int64_t FormTeam() {
    Api admin = As("admin");
    EXPECT_EQ(
        admin
            .Post("/api/v1/users",
                  {{"username", "ville"}, {"password", "ville-pass-1"}, {"role", "candidate"}})
            .status,
        200);
    EXPECT_EQ(
        As("ville", "ville-pass-1").Post("/api/v1/workshops/join", {{"code", "DEMO42"}}).status,
        200);
    for (const char* who : {"aino", "yusuf"}) {
      EXPECT_EQ(As(who).Post("/api/v1/workshops/join", {{"code", "DEMO42"}}).status, 200);
    }
    Api mikko = As("mikko");
    int64_t workshop = mikko.Get("/api/v1/workshops").body[0]["id"];
    Reply project = mikko.Post("/api/v1/workshops/" + std::to_string(workshop) + "/projects",
                               {{"exercise", "health"}});
    EXPECT_EQ(project.status, 200) << project.body.dump();
    Reply team =
        mikko.Post("/api/v1/projects/" + std::to_string(project.body.value("id", 0)) + "/teams",
                   {{"name", "Crew"}, {"members", {"aino", "yusuf"}}});
    EXPECT_EQ(team.status, 200) << team.body.dump();
    clone_url_ = team.body.value("clone_url", "");
    return team.body.value("id", 0);
  }

  std::string Base() { return "/api/v1/teams/" + std::to_string(team_); }
  std::string RepoDir() { return dir_.path() + "/data/teams/" + std::to_string(team_) + ".git"; }
  std::string Main() {
    return Shell(dir_.path(), "git --git-dir='" + RepoDir() + "' rev-parse main")
        .output.substr(0, 40);
  }

  // Puts a commit on main straight into the repository, past the push checks (a file the
  // checks would refuse, to see how the browser's side answers it). `make` runs in a clone.
  void CommitPastTheChecks(const std::string& make) {
    std::string work = dir_.path() + "/side";
    Ran made =
        Shell(dir_.path(), "rm -rf side && git clone -q '" + RepoDir() + "' side && cd side && " +
                               make + " && git add -A && git commit -qm side && cd '" + RepoDir() +
                               "' && git fetch -q '" + work + "' main:main");
    ASSERT_EQ(made.status, 0) << made.output;
  }

  Reply Commit(Api& api, const std::string& parent, const json& changes,
               const std::string& message = "change") {
    return api.Post(Base() + "/commits",
                    {{"parent", parent}, {"message", message}, {"changes", changes}});
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
  int64_t team_ = 0;
  std::string clone_url_;
};

TEST_P(TeamFilesTest, MembersAndTheTrainerReadTheTreeAndFiles) {
  Api aino = As("aino");
  Reply tree = aino.Get(Base() + "/tree?ref=main");
  ASSERT_EQ(tree.status, 200) << tree.body.dump();
  EXPECT_EQ(tree.body.value("commit", ""), Main());
  EXPECT_TRUE(tree.body.value("can_commit", false));
  ASSERT_EQ(tree.body["files"].size(), 1u) << tree.body.dump();
  EXPECT_EQ(tree.body["files"][0].value("path", ""), "README.md");
  Reply readme = aino.Get(Base() + "/file?path=README.md");
  ASSERT_EQ(readme.status, 200) << readme.body.dump();
  std::string content = readme.body.value("content", "");
  EXPECT_NE(content.find("The team's repository"), std::string::npos) << content;
  EXPECT_EQ(tree.body["files"][0].value("size", 0), static_cast<int64_t>(content.size()));

  Reply trainer = As("mikko").Get(Base() + "/tree");
  EXPECT_EQ(trainer.status, 200);
  EXPECT_FALSE(trainer.body.value("can_commit", true));
  EXPECT_EQ(As("mikko").Get(Base() + "/file?path=README.md").status, 200);

  // A commit by its sha, an unknown ref, a ref that looks like an option.
  std::string sha = tree.body.value("commit", "");
  EXPECT_EQ(aino.Get(Base() + "/tree?ref=" + sha).body.value("commit", ""), sha);
  EXPECT_EQ(aino.Get(Base() + "/tree?ref=nosuch").body.value("error", ""), "unknown_ref");
  Reply option = aino.Get(Base() + "/tree?ref=" + Escape("--output=/tmp/x"));
  EXPECT_EQ(option.status, 400);
  EXPECT_EQ(option.body.value("error", ""), "bad_ref");
  EXPECT_EQ(aino.Get(Base() + "/file?path=nosuch.txt").body.value("error", ""), "unknown_file");
  // A folder is not a file.
  CommitPastTheChecks("mkdir -p src && echo x > src/a.py");
  EXPECT_EQ(aino.Get(Base() + "/file?path=src").body.value("error", ""), "unknown_file");
  EXPECT_EQ(aino.Get(Base() + "/file?path=src/a.py").body.value("content", ""), "x\n");
}

TEST_P(TeamFilesTest, PathsThatLeaveTheTreeAreRefused) {
  Api aino = As("aino");
  std::string parent = Main();
  const std::vector<std::string> paths = {"../escape.txt",
                                          "/etc/passwd",
                                          ".git/config",
                                          "src/../../x",
                                          "a/.GIT/hooks/pre-receive",
                                          "a//b",
                                          "a/",
                                          "./a",
                                          "a\\b",
                                          std::string("a\0b", 3),
                                          "a\nb",
                                          ""};
  for (const std::string& path : paths) {
    Reply read = aino.Get(Base() + "/file?path=" + Escape(path));
    EXPECT_EQ(read.status, 400) << json(path).dump() << " " << read.body.dump();
    EXPECT_EQ(read.body.value("error", ""), "bad_path") << json(path).dump();
    Reply wrote = Commit(aino, parent, {{{"path", path}, {"content", "x"}}});
    EXPECT_EQ(wrote.status, 400) << json(path).dump() << " " << wrote.body.dump();
    EXPECT_EQ(wrote.body.value("error", ""), "bad_path") << json(path).dump();
    Reply removed = Commit(aino, parent, {{{"path", path}, {"delete", true}}});
    EXPECT_EQ(removed.body.value("error", ""), "bad_path") << json(path).dump();
  }
  EXPECT_EQ(Main(), parent) << "nothing refused moved main";
  EXPECT_EQ(Shell(dir_.path(), "ls data/teams").output.find("escape"), std::string::npos);
}

TEST_P(TeamFilesTest, TwoMembersCommitAndAStaleParentIsTold) {
  Api aino = As("aino");
  Api yusuf = As("yusuf");
  std::string start = aino.Get(Base() + "/tree").body.value("commit", "");
  std::string yusuf_start = yusuf.Get(Base() + "/tree").body.value("commit", "");
  ASSERT_EQ(start, yusuf_start);

  Reply first = Commit(aino, start,
                       {{{"path", "app.py"}, {"content", "import api\nprint('alive')\n"}},
                        {{"path", "web/api.py"}, {"content", "def health():\n    return 'ok'\n"}},
                        {{"path", "README.md"}, {"content", "# Crew\n"}}},
                       "Aino: app and api");
  ASSERT_EQ(first.status, 200) << first.body.dump();
  std::string aino_commit = first.body.value("commit", "");
  EXPECT_EQ(Main(), aino_commit);
  EXPECT_EQ(first.body.value("parent", ""), start);

  // Yusuf still has the first tree: his commit would lose Aino's; told to reload.
  Reply stale = Commit(yusuf, yusuf_start, {{{"path", "app.py"}, {"content", "mine\n"}}});
  EXPECT_EQ(stale.status, 409) << stale.body.dump();
  EXPECT_EQ(stale.body.value("error", ""), "stale_parent");
  EXPECT_NE(stale.body.value("message", "").find("reload"), std::string::npos);
  EXPECT_EQ(Main(), aino_commit);

  Reply reloaded = yusuf.Get(Base() + "/tree");
  ASSERT_EQ(reloaded.body.value("commit", ""), aino_commit);
  EXPECT_EQ(reloaded.body["files"].size(), 3u) << reloaded.body.dump();
  Reply second = Commit(yusuf, aino_commit,
                        {{{"path", "web/api.py"}, {"content", "def health():\n    return 'OK'\n"}},
                         {{"path", "README.md"}, {"delete", true}}},
                        "Yusuf: louder health, no readme");
  ASSERT_EQ(second.status, 200) << second.body.dump();
  EXPECT_EQ(yusuf.Get(Base() + "/file?path=web/api.py").body.value("content", ""),
            "def health():\n    return 'OK'\n");
  EXPECT_EQ(yusuf.Get(Base() + "/file?path=README.md").body.value("error", ""), "unknown_file");
  // The earlier commit is still readable by its sha.
  EXPECT_EQ(yusuf.Get(Base() + "/file?path=README.md&ref=" + aino_commit).body.value("content", ""),
            "# Crew\n");

  // The history, newest first, each commit by its author with the files it changed.
  Reply history = As("mikko").Get(Base() + "/commits");
  ASSERT_EQ(history.status, 200) << history.body.dump();
  const json& commits = history.body["commits"];
  ASSERT_EQ(commits.size(), 3u) << history.body.dump();
  EXPECT_EQ(commits[0].value("author", ""), "yusuf");
  EXPECT_EQ(commits[0].value("email", ""), "yusuf@users.noreply.koodikoe");
  EXPECT_EQ(commits[0].value("message", ""), "Yusuf: louder health, no readme");
  EXPECT_EQ(commits[0]["files"], json({"README.md", "web/api.py"}));
  EXPECT_EQ(commits[1].value("author", ""), "aino");
  EXPECT_EQ(commits[1].value("sha", ""), aino_commit);
  EXPECT_EQ(commits[1]["files"], json({"README.md", "app.py", "web/api.py"}));
  EXPECT_EQ(commits[2].value("author", ""), "koodikoe");
  EXPECT_FALSE(commits[0].value("time", "").empty());

  // What the browser committed is an ordinary git history the git client reads and checks.
  std::string url = "http://aino:aino-demo@" + clone_url_.substr(7);
  Ran cloned = Shell(dir_.path(), "git clone -q '" + url +
                                      "' c && cd c && git fsck --strict && "
                                      "git log --format='%an <%ae> %s' && cat web/api.py");
  ASSERT_EQ(cloned.status, 0) << cloned.output;
  EXPECT_NE(cloned.output.find("aino <aino@users.noreply.koodikoe> Aino: app and api"),
            std::string::npos)
      << cloned.output;
  EXPECT_NE(cloned.output.find("return 'OK'"), std::string::npos) << cloned.output;

  // Each browser commit counts as its committer's contribution.
  Reply contributions = aino.Get(Base() + "/contributions");
  ASSERT_EQ(contributions.status, 200) << contributions.body.dump();
  std::map<std::string, int> commits_by;
  for (const json& member : contributions.body["members"]) {
    commits_by[member.value("username", "")] = member.value("commits", 0);
  }
  EXPECT_EQ(commits_by["aino"], 1) << contributions.body.dump();
  EXPECT_EQ(commits_by["yusuf"], 1) << contributions.body.dump();
}

// Commits from the same parent at the same moment: main moves once, the others are told.
TEST_P(TeamFilesTest, OfCommitsAtOnceFromOneParentOneLands) {
  std::string parent = Main();
  std::vector<Api> members;
  for (int i = 0; i < 6; ++i) members.push_back(As(i % 2 ? "yusuf" : "aino"));
  std::vector<int> statuses(members.size());
  std::vector<std::thread> threads;
  for (size_t i = 0; i < members.size(); ++i) {
    threads.emplace_back([&, i] {
      statuses[i] =
          Commit(members[i], parent, {{{"path", "n.txt"}, {"content", std::to_string(i) + "\n"}}})
              .status;
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 200), 1);
  EXPECT_EQ(std::count(statuses.begin(), statuses.end(), 409), 5);
  Ran count = Shell(dir_.path(), "git --git-dir='" + RepoDir() + "' rev-list --count main");
  EXPECT_EQ(count.output, "2\n");
}

TEST_P(TeamFilesTest, CommitsKeepTheLimitsOfAPush) {
  Api aino = As("aino");
  std::string parent = Main();
  Reply big =
      Commit(aino, parent, {{{"path", "big.txt"}, {"content", RandomText((1u << 20) + 1, 1)}}});
  EXPECT_EQ(big.status, 413) << big.body.dump();
  EXPECT_EQ(big.body.value("error", ""), "file_too_large");
  EXPECT_EQ(
      Commit(aino, parent, {{{"path", "ok.txt"}, {"content", RandomText(1u << 20, 2)}}}).status,
      200);
  parent = Main();

  EXPECT_EQ(
      Commit(aino, parent, {{{"path", "gone.txt"}, {"delete", true}}}).body.value("error", ""),
      "unknown_file");
  EXPECT_EQ(
      Commit(aino, parent, {{{"path", "ok.txt/inner"}, {"content", "x"}}}).body.value("error", ""),
      "bad_path");
  EXPECT_EQ(
      Commit(aino, parent, {{{"path", "a"}, {"content", "x"}}, {{"path", "a"}, {"delete", true}}})
          .body.value("error", ""),
      "bad_path");
  std::string same = aino.Get(Base() + "/file?path=README.md").body.value("content", "");
  EXPECT_EQ(
      Commit(aino, parent, {{{"path", "README.md"}, {"content", same}}}).body.value("error", ""),
      "no_changes");
  EXPECT_EQ(
      Commit(aino, parent, {{{"path", "a"}, {"content", "x"}}}, "  \n").body.value("error", ""),
      "missing_field");
  EXPECT_EQ(Commit(aino, "main", {{{"path", "a"}, {"content", "x"}}}).body.value("error", ""),
            "bad_ref");
  EXPECT_EQ(Commit(aino, parent, json::array()).body.value("error", ""), "missing_field");
  EXPECT_EQ(Commit(aino, parent, {{{"path", "a"}}}).body.value("error", ""), "missing_field");
  EXPECT_EQ(Main(), parent);

  // An executable keeps its bit when edited; a link written over becomes a plain file.
  CommitPastTheChecks("printf '#!/bin/sh\\n' > run && chmod +x run && ln -s README.md link");
  parent = Main();
  Reply tree = aino.Get(Base() + "/tree");
  bool saw_link = false;
  for (const auto& file : tree.body["files"]) saw_link |= file.value("link", false);
  EXPECT_TRUE(saw_link) << tree.body.dump();
  ASSERT_EQ(Commit(aino, parent,
                   {{{"path", "run"}, {"content", "#!/bin/sh\nexec python3 app.py\n"}},
                    {{"path", "link"}, {"content", "plain\n"}}})
                .status,
            200);
  Ran modes = Shell(dir_.path(), "git --git-dir='" + RepoDir() + "' ls-tree main run link");
  EXPECT_NE(modes.output.find("100755 blob"), std::string::npos) << modes.output;
  EXPECT_NE(modes.output.find("100644 blob"), std::string::npos) << modes.output;
  EXPECT_EQ(modes.output.find("120000"), std::string::npos) << modes.output;

  // Files the browser cannot show: binary, and (put there past the checks) over 1 MiB.
  CommitPastTheChecks(
      "printf 'a\\000b' > blob.bin && head -c 1100000 /dev/zero | tr '\\0' x > huge.txt");
  EXPECT_EQ(aino.Get(Base() + "/file?path=blob.bin").body.value("error", ""), "binary_file");
  Reply huge = aino.Get(Base() + "/file?path=huge.txt");
  EXPECT_EQ(huge.status, 413);
  EXPECT_EQ(huge.body.value("error", ""), "file_too_large");

  // A repository near its 32 MiB takes no commit that would pass them.
  CommitPastTheChecks("head -c 31000000 /dev/urandom > fill.bin");
  parent = Main();
  Reply full = Commit(aino, parent,
                      {{{"path", "more1.txt"}, {"content", RandomText(1000000, 3)}},
                       {{"path", "more2.txt"}, {"content", RandomText(1000000, 4)}}});
  EXPECT_EQ(full.status, 413) << full.body.dump();
  EXPECT_EQ(full.body.value("error", ""), "repo_too_large");
  EXPECT_EQ(Main(), parent);
}

TEST_P(TeamFilesTest, OnlyTheTeamsMembersCommitAndOnlyTheyAndTheTrainerRead) {
  std::string parent = Main();
  json change = {{{"path", "x.txt"}, {"content", "x"}}};
  for (const char* who : {"ville", "sari"}) {
    Api other = who == std::string("ville") ? As("ville", "ville-pass-1") : As(who);
    for (const std::string& path :
         {Base() + "/tree", Base() + "/file?path=README.md", Base() + "/commits"}) {
      Reply read = other.Get(path);
      EXPECT_EQ(read.status, 404) << who << " " << path;
      EXPECT_EQ(read.body.value("error", ""), "unknown_team");
    }
    Reply wrote = Commit(other, parent, change);
    EXPECT_EQ(wrote.status, 404) << who;
  }
  Api mikko = As("mikko");
  Reply trainer = Commit(mikko, parent, change);
  EXPECT_EQ(trainer.status, 403);
  EXPECT_EQ(trainer.body.value("error", ""), "team_members_only");
  EXPECT_EQ(As("aino").Get("/api/v1/teams/999999/tree").body.value("error", ""), "unknown_team");
  EXPECT_EQ(Main(), parent);
  Api yusuf = As("yusuf");
  EXPECT_EQ(Commit(yusuf, parent, change).status, 200);
}

// A team project on a bundled team package: the repository starts from its template (several
// files, `run` executable), the members write the missing module in the browser, and the
// judge passes the service at that commit, where the template alone fails.
TEST_P(TeamFilesTest, ATeamCommitsThePackagesMissingPartInTheBrowserAndItIsAccepted) {
  Api mikko = As("mikko");
  int64_t workshop = mikko.Get("/api/v1/workshops").body[0]["id"];
  Reply project = mikko.Post("/api/v1/workshops/" + std::to_string(workshop) + "/projects",
                             {{"exercise", "laundry-booking"}});
  ASSERT_EQ(project.status, 200) << project.body.dump();
  Reply formed =
      mikko.Post("/api/v1/projects/" + std::to_string(project.body.value("id", 0)) + "/teams",
                 {{"name", "Laundry"}, {"members", {"aino", "yusuf"}}});
  ASSERT_EQ(formed.status, 200) << formed.body.dump();
  std::string base = "/api/v1/teams/" + std::to_string(formed.body.value("id", 0));
  std::string repo =
      dir_.path() + "/data/teams/" + std::to_string(formed.body.value("id", 0)) + ".git";
  Api aino = As("aino");
  Reply tree = aino.Get(base + "/tree");
  ASSERT_EQ(tree.status, 200) << tree.body.dump();
  std::set<std::string> paths;
  for (const auto& file : tree.body["files"]) {
    paths.insert(file.value("path", ""));
    if (file.value("path", "") == "run") {
      EXPECT_TRUE(file.value("executable", false));
    }
  }
  EXPECT_EQ(paths, (std::set<std::string>{"app.py", "bookings.py", "run", "static/booking.js",
                                          "static/index.html"}));

  std::string package = std::string(KOODIKOE_SOURCE_DIR) + "/exercises/fullstack/laundry-booking";
  std::ifstream in(package + "/submissions/accepted/team_service/bookings.py");
  std::string accepted((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_FALSE(accepted.empty());
  Reply made = aino.Post(base + "/commits",
                         {{"parent", tree.body.value("commit", "")},
                          {"message", "The booking rules"},
                          {"changes", {{{"path", "bookings.py"}, {"content", accepted}}}}});
  ASSERT_EQ(made.status, 200) << made.body.dump();

  auto judge = [&](const std::string& commit) {
    std::string out = dir_.path() + "/tree-" + commit.substr(0, 10);
    Ran exported = Shell(dir_.path(), "mkdir -p '" + out + "' && git --git-dir='" + repo +
                                          "' archive '" + commit + "' | tar -x -C '" + out + "'");
    EXPECT_EQ(exported.status, 0) << exported.output;
    Ran judged = Shell(dir_.path(), std::string("'") + KOODIKOE_BINARY + "' judge '" + package +
                                        "' '" + out + "' --json 2>/dev/null | tail -n 1");
    return json::parse(judged.output, nullptr, false);
  };
  json good = judge(made.body.value("commit", ""));
  ASSERT_TRUE(good.is_object());
  EXPECT_EQ(good.value("verdict", ""), "accepted") << good.dump();
  json start = judge(tree.body.value("commit", ""));
  ASSERT_TRUE(start.is_object());
  EXPECT_EQ(start.value("verdict", ""), "wrong_answer") << start.dump();
}

INSTANTIATE_TEST_SUITE_P(Stores, TeamFilesTest, ::testing::ValuesIn(AllStores()), StoreName);

}  // namespace
}  // namespace web_test
