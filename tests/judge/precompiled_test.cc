// Precompiled standard headers through the real sandbox and the real g++ (run as root): a
// program including <iostream> or <bits/stdc++.h> is compiled with the .gch (g++'s -H output
// names the .gch it read, "! /pch/..."), a changed, damaged or unreadable .gch never changes
// what a compile gives, and a compile box cannot write to the headers.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "build.h"
#include "koodikoe/dir_handle.h"
#include "koodikoe/files.h"
#include "languages_precompiled.h"

namespace judge {
namespace {

// C++ as languages.yaml has it, with -H so that the compile's output says which .gch it used;
// and a compile command that first tries to overwrite or remove the headers it is given.
constexpr const char* kRegistry = R"(languages:
  - id: cpp
    extensions: [cpp]
    compile: [/usr/bin/g++, -std=gnu++20, -O2, -pipe, -H, -o, program, "{sources}"]
    run: ["{dir}/program"]
    precompiled: [iostream, bits/stdc++.h]
  - id: hostile
    extensions: []
    compile: [/bin/sh, -c, 'for f in /pch/iostream.gch /pch; do [ -e "$f" ] || continue;
        if (echo x > "$f") 2>/dev/null; then echo "wrote $f" >&2; exit 3; fi;
        if rm -rf "$f" 2>/dev/null && [ ! -e "$f" ]; then echo "removed $f" >&2; exit 4; fi;
        if chmod 777 "$f" 2>/dev/null; then echo "chmod $f" >&2; exit 5; fi;
      done;
      if [ -d /pch ] && ! touch /pch/new 2>&1 | grep -q "Read-only"; then
        echo "/pch is not mounted read-only" >&2; exit 6; fi;
      exec /usr/bin/g++ "$@"', sh, -std=gnu++20, -O2, -pipe, -H, -o, program, "{sources}"]
    run: ["{dir}/program"]
    precompiled: [iostream]
)";

constexpr const char* kIostream =
    "#include <iostream>\nint main() { int a, b; std::cin >> a >> b; std::cout << a + b; }\n";
constexpr const char* kStdcpp =
    "#include <bits/stdc++.h>\nint main() { std::vector<int> v{3, 1, 2}; "
    "std::sort(v.begin(), v.end()); std::cout << v[0]; }\n";

std::string MakeTemp(const std::string& name) {
  std::string pattern = "/tmp/koodikoe-pch-test-" + name + "-XXXXXX";
  return ::mkdtemp(pattern.data());
}

class Precompiled : public ::testing::Test {
 protected:
  // One cache with the headers built, shared by the tests (<bits/stdc++.h> takes seconds).
  static void SetUpTestSuite() {
    auto registry = LanguageRegistry::Parse(kRegistry, "test.yaml");
    ASSERT_TRUE(registry) << registry.error().Describe();
    registry_ = new LanguageRegistry(std::move(*registry));
    auto sandbox = runner::Sandbox::Create({});
    ASSERT_TRUE(sandbox) << sandbox.error().Describe();
    sandbox_ = new runner::Sandbox(std::move(*sandbox));
    // ctest runs each test in a process of its own: they share the build tree's cache.
    const char* shared = std::getenv("KOODIKOE_CACHE_DIR");
    owned_cache_ = shared == nullptr || *shared == '\0';
    cache_ = owned_cache_ ? MakeTemp("cache") : shared;
    PrecompiledHeaders headers(*sandbox_, cache_);
    auto built = headers.Build(Cpp());
    ASSERT_TRUE(built) << built.error().Describe();
    include_dir_ = *built;
  }
  static void TearDownTestSuite() {
    if (owned_cache_) (void)koodikoe::RemoveTree(cache_);
    delete sandbox_;
    delete registry_;
  }
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "the sandbox needs root";
    ASSERT_NE(sandbox_, nullptr);
    sources_ = MakeTemp("sources");
  }
  void TearDown() override { (void)koodikoe::RemoveTree(sources_); }

  static const Language& Cpp() { return *registry_->Find("cpp"); }

  // Builds `text` as a C++ program with the compile cache in `cache`.
  Result<BuiltProgram> Compile(const std::string& cache, const std::string& text,
                               const Language& language = Cpp()) {
    std::string path = sources_ + "/sum.cpp";
    // Never in the compile cache of an earlier run: this build's own compile is looked at.
    std::ofstream(path) << text << "// " << sources_ << "\n";
    ProgramSource source;
    source.name = "sum.cpp";
    source.path = path;
    source.files = {"sum.cpp"};
    Builder builder(*sandbox_, *registry_, cache);
    return builder.Build(source, language, {}, Limits{});
  }

  // A fresh cache holding a copy of the built headers (times kept), to be damaged.
  static std::string CopyOfCache() {
    std::string cache = MakeTemp("copy");
    std::string entry = include_dir_.substr(0, include_dir_.rfind('/'));
    std::string command = "mkdir " + cache + "/pch && cp -a " + entry + " " + cache + "/pch/";
    EXPECT_EQ(std::system(command.c_str()), 0);
    return cache;
  }

  static inline LanguageRegistry* registry_ = nullptr;
  static inline runner::Sandbox* sandbox_ = nullptr;
  static inline std::string cache_;
  static inline bool owned_cache_ = true;
  static inline std::string include_dir_;
  std::string sources_;
};

bool UsedGch(const BuiltProgram& built, const std::string& gch) {
  return built.output.find(std::string("! ") + kPrecompiledMount + "/" + gch) != std::string::npos;
}

TEST_F(Precompiled, IostreamIsCompiledWithItsGch) {
  auto built = Compile(cache_, kIostream);
  ASSERT_TRUE(built) << built.error().Describe();
  EXPECT_TRUE(built->ok) << built->output;
  EXPECT_TRUE(built->precompiled);
  EXPECT_TRUE(UsedGch(*built, "iostream.gch")) << built->output;
}

TEST_F(Precompiled, StdcppIsCompiledWithItsGch) {
  auto built = Compile(cache_, kStdcpp);
  ASSERT_TRUE(built) << built.error().Describe();
  EXPECT_TRUE(built->ok) << built->output;
  EXPECT_TRUE(UsedGch(*built, "bits/stdc++.h.gch")) << built->output;
}

TEST_F(Precompiled, CompileErrorsStayCompileErrors) {
  auto built = Compile(cache_, "#include <iostream>\nint main() { std::cout << x; }\n");
  ASSERT_TRUE(built) << built.error().Describe();
  EXPECT_FALSE(built->ok);
  EXPECT_TRUE(built->precompiled) << "compiled once, with the headers";
  EXPECT_NE(built->output.find("was not declared in this scope"), std::string::npos)
      << built->output;
}

TEST_F(Precompiled, ChangedGchIsNotOffered) {
  std::string cache = CopyOfCache();
  PrecompiledHeaders headers(*sandbox_, cache);
  std::string include_dir = headers.Find(Cpp());
  ASSERT_FALSE(include_dir.empty());
  {
    std::fstream gch(include_dir + "/iostream.gch", std::ios::in | std::ios::out);
    gch.seekp(4096);
    gch << "damaged";
  }
  EXPECT_EQ(headers.Find(Cpp()), "");
  auto built = Compile(cache, kIostream);
  ASSERT_TRUE(built) << built.error().Describe();
  EXPECT_TRUE(built->ok) << built->output;
  EXPECT_FALSE(built->precompiled);
  EXPECT_EQ(built->output.find(kPrecompiledMount), std::string::npos) << built->output;
  // --warm builds it again.
  auto rebuilt = headers.Build(Cpp());
  ASSERT_TRUE(rebuilt) << rebuilt.error().Describe();
  EXPECT_EQ(headers.Find(Cpp()), *rebuilt);
  (void)koodikoe::RemoveTree(cache);
}

// Damaged behind the manifest's back (same size and time): g++ fails on it, and the judge
// compiles again without.
TEST_F(Precompiled, DamagedGchFallsBackToTheHeaders) {
  std::string cache = CopyOfCache();
  std::string include_dir = PrecompiledHeaders(*sandbox_, cache).Find(Cpp());
  ASSERT_FALSE(include_dir.empty());
  std::string gch = include_dir + "/iostream.gch";
  struct stat before;
  ASSERT_EQ(::stat(gch.c_str(), &before), 0);
  ASSERT_EQ(::truncate(gch.c_str(), 1 << 20), 0);
  ASSERT_EQ(::truncate(gch.c_str(), before.st_size), 0);
  struct timespec times[2] = {before.st_atim, before.st_mtim};
  ASSERT_EQ(::utimensat(AT_FDCWD, gch.c_str(), times, 0), 0);
  ASSERT_EQ(PrecompiledHeaders(*sandbox_, cache).Find(Cpp()), include_dir);

  auto built = Compile(cache, kIostream);
  ASSERT_TRUE(built) << built.error().Describe();
  EXPECT_TRUE(built->ok) << built->output;
  EXPECT_FALSE(built->precompiled);
  (void)koodikoe::RemoveTree(cache);
}

TEST_F(Precompiled, UnreadableGchFallsBackToTheHeaders) {
  std::string cache = CopyOfCache();
  std::string include_dir = PrecompiledHeaders(*sandbox_, cache).Find(Cpp());
  ASSERT_FALSE(include_dir.empty());
  ASSERT_EQ(::chmod((include_dir + "/iostream.gch").c_str(), 0), 0);
  auto built = Compile(cache, kIostream);
  ASSERT_TRUE(built) << built.error().Describe();
  EXPECT_TRUE(built->ok) << built->output;
  EXPECT_FALSE(UsedGch(*built, "iostream.gch")) << built->output;
  (void)koodikoe::RemoveTree(cache);
}

TEST_F(Precompiled, CompileBoxCannotWriteTheHeaders) {
  const Language& hostile = *registry_->Find("hostile");
  PrecompiledHeaders headers(*sandbox_, cache_);
  auto include_dir = headers.Build(hostile);
  ASSERT_TRUE(include_dir) << include_dir.error().Describe();
  struct stat before;
  ASSERT_EQ(::stat((*include_dir + "/iostream.gch").c_str(), &before), 0);

  auto built = Compile(cache_, kIostream, hostile);
  ASSERT_TRUE(built) << built.error().Describe();
  EXPECT_TRUE(built->ok) << built->output;
  EXPECT_TRUE(UsedGch(*built, "iostream.gch")) << built->output;
  struct stat after;
  ASSERT_EQ(::stat((*include_dir + "/iostream.gch").c_str(), &after), 0);
  EXPECT_EQ(after.st_size, before.st_size);
  EXPECT_EQ(after.st_mtim.tv_nsec, before.st_mtim.tv_nsec);
  EXPECT_EQ(after.st_mode, before.st_mode);
  EXPECT_EQ(headers.Find(hostile), *include_dir);
}

// Two judges building the same headers at once: both end with the same complete entry.
TEST_F(Precompiled, ConcurrentBuildsLeaveOneWholeEntry) {
  std::string cache = MakeTemp("race");
  const Language& hostile = *registry_->Find("hostile");  // only <iostream>: quick
  pid_t child = ::fork();
  if (child == 0) {
    auto sandbox = runner::Sandbox::Create({});
    if (!sandbox) ::_exit(2);
    ::_exit(PrecompiledHeaders(*sandbox, cache).Build(hostile) ? 0 : 1);
  }
  ASSERT_GT(child, 0);
  auto mine = PrecompiledHeaders(*sandbox_, cache).Build(hostile);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << status;
  ASSERT_TRUE(mine) << mine.error().Describe();
  EXPECT_EQ(PrecompiledHeaders(*sandbox_, cache).Find(hostile), *mine);
  auto names = koodikoe::ListNames(cache + "/pch");
  ASSERT_TRUE(names);
  EXPECT_EQ(names->size(), 1u) << "temporary directories left behind";
  (void)koodikoe::RemoveTree(cache);
}

// `koodikoe languages --json --cache DIR` with this file's registry: each language's
// `precompiled` list, as {header: warm}.
std::map<std::string, std::map<std::string, bool>> ListedAsWarm(const std::string& cache) {
  std::string registry = MakeTemp("registry") + "/languages.yaml";
  std::ofstream(registry) << kRegistry;
  std::string command = std::string(KOODIKOE_BIN) + " languages --json --languages-file " +
                        registry + " --cache " + cache;
  std::string output;
  if (FILE* pipe = ::popen(command.c_str(), "r")) {
    char buffer[4096];
    for (size_t n; (n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0;) output.append(buffer, n);
    EXPECT_EQ(::pclose(pipe), 0) << command;
  }
  (void)koodikoe::RemoveTree(registry.substr(0, registry.rfind('/')));
  std::map<std::string, std::map<std::string, bool>> listed;
  auto json = nlohmann::json::parse(output, nullptr, /*allow_exceptions=*/false);
  EXPECT_TRUE(json.is_array()) << output;
  if (!json.is_array()) return listed;
  for (const auto& language : json) {
    auto& headers = listed[language.value("id", "")];
    for (const auto& header : language.at("precompiled")) {
      headers[header.at("header").get<std::string>()] = header.at("warm").get<bool>();
    }
  }
  return listed;
}

TEST_F(Precompiled, StatesSayWhichHeadersAreWarm) {
  std::map<std::string, bool> warm;
  for (const auto& state : PrecompiledHeaders::States(Cpp(), cache_))
    warm[state.header] = state.warm;
  EXPECT_EQ(warm, (std::map<std::string, bool>{{"iostream", true}, {"bits/stdc++.h", true}}));
  std::string empty = MakeTemp("empty");
  for (const auto& state : PrecompiledHeaders::States(Cpp(), empty)) {
    EXPECT_FALSE(state.warm) << state.header;
  }
  (void)koodikoe::RemoveTree(empty);
}

TEST_F(Precompiled, LanguagesJsonListsTheHeadersAndWhetherTheyAreWarm) {
  std::string cache = CopyOfCache();  // cpp's headers built, hostile's not
  auto listed = ListedAsWarm(cache);
  EXPECT_EQ(listed["cpp"],
            (std::map<std::string, bool>{{"iostream", true}, {"bits/stdc++.h", true}}));
  EXPECT_EQ(listed["hostile"], (std::map<std::string, bool>{{"iostream", false}}));
  // A .gch changed since it was built is not offered to a compile, so it is not warm.
  std::string include_dir = PrecompiledHeaders(*sandbox_, cache).Find(Cpp());
  ASSERT_FALSE(include_dir.empty());
  ASSERT_EQ(::truncate((include_dir + "/iostream.gch").c_str(), 4096), 0);
  EXPECT_EQ(ListedAsWarm(cache)["cpp"],
            (std::map<std::string, bool>{{"iostream", false}, {"bits/stdc++.h", false}}));
  (void)koodikoe::RemoveTree(cache);
}

}  // namespace
}  // namespace judge
