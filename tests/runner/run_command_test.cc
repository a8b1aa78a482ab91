// `koodikoe run` as a user calls it: JSON as stdout's last line or in --result, exit codes.
#include <elf.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "gtest/gtest.h"
#include "koodikoe/files.h"

namespace {

struct Command {
  int exit_code = -1;
  std::string out;
};

// Runs a shell command line, capturing stdout (stderr goes to stdout when asked).
Command Shell(const std::string& line) {
  Command result;
  FILE* pipe = ::popen(line.c_str(), "r");
  if (!pipe) return result;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string LastLine(const std::string& text) {
  auto end = text.find_last_not_of('\n');
  auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1, end - start);
}

const std::string kBin = KOODIKOE_BIN;

// Whether an ELF executable names a program interpreter (the dynamic linker).
bool HasInterpreter(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  Elf64_Ehdr header{};
  file.read(reinterpret_cast<char*>(&header), sizeof header);
  EXPECT_TRUE(file && std::string(reinterpret_cast<char*>(header.e_ident), 4) == ELFMAG);
  for (int i = 0; i < header.e_phnum; ++i) {
    Elf64_Phdr program{};
    file.seekg(static_cast<std::streamoff>(header.e_phoff + i * header.e_phentsize));
    file.read(reinterpret_cast<char*>(&program), sizeof program);
    if (!file || program.p_type == PT_INTERP) return true;
  }
  return false;
}

// `koodikoe` starts once per run: linked static-pie (KOODIKOE_STATIC_CLI), it loads no shared
// library, and it stays position-independent (ASLR).
TEST(RunCommandTest, CliIsStaticPie) {
  if (!KOODIKOE_CLI_STATIC) GTEST_SKIP() << "built without KOODIKOE_STATIC_CLI";
  EXPECT_FALSE(HasInterpreter(kBin)) << kBin << " loads shared libraries";
  std::ifstream file(kBin, std::ios::binary);
  Elf64_Ehdr header{};
  file.read(reinterpret_cast<char*>(&header), sizeof header);
  EXPECT_EQ(header.e_type, ET_DYN) << "not position-independent";
  EXPECT_TRUE(HasInterpreter("/bin/true")) << "the check itself sees a dynamic executable";
  Command help = Shell(kBin + " languages --json");
  EXPECT_EQ(help.exit_code, 0) << help.out;
}

TEST(RunCommandTest, PrintsOutputThenTheResultAsTheLastLine) {
  auto run = Shell(kBin + " run --time 1 --memory 64M -- /usr/bin/python3 -c 'print(1)'");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out.substr(0, 2), "1\n");
  auto json = nlohmann::json::parse(LastLine(run.out));
  EXPECT_EQ(json["status"], "ok");
  EXPECT_EQ(json["exit_code"], 0);
}

TEST(RunCommandTest, ResultStaysOnItsOwnLineAfterUnterminatedOutput) {
  auto run = Shell(kBin + " run -- /usr/bin/printf no-newline");
  EXPECT_EQ(run.out.substr(0, 11), "no-newline\n");
  EXPECT_EQ(nlohmann::json::parse(LastLine(run.out))["status"], "ok");
}

TEST(RunCommandTest, ProgramFailureStillExitsZero) {
  auto run = Shell(kBin + " run --time 0.2 -- /usr/bin/python3 -c 'while 1: pass'");
  EXPECT_EQ(run.exit_code, 0);
  auto json = nlohmann::json::parse(LastLine(run.out));
  EXPECT_EQ(json["status"], "time_limit_exceeded");
  EXPECT_EQ(json["limit"], "cpu");
}

TEST(RunCommandTest, ResultFileAndRedirectedStreams) {
  auto dir = std::filesystem::temp_directory_path() / ("kk-cli-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string d = dir.string();
  ASSERT_TRUE(koodikoe::WriteFile(d + "/in", "abc\n"));
  auto run = Shell(kBin + " run --stdin " + d + "/in --stdout " + d + "/out --stderr " + d +
                   "/err --result " + d + "/r.json -- /bin/sh -c 'tr a-z A-Z; echo oops >&2'");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_EQ(run.out, "") << "nothing on stdout when --result and --stdout are given";
  EXPECT_EQ(koodikoe::ReadFile(d + "/out").value_or(""), "ABC\n");
  EXPECT_EQ(koodikoe::ReadFile(d + "/err").value_or(""), "oops\n");
  auto json = nlohmann::json::parse(koodikoe::ReadFile(d + "/r.json").value_or("{}"));
  EXPECT_EQ(json["status"], "ok");
  std::filesystem::remove_all(dir);
}

TEST(RunCommandTest, UsageErrorsExitTwoWithAMessage) {
  const char* bad[] = {"run --time abc -- /bin/true",
                       "run --memory 12Q -- /bin/true",
                       "run --net wifi -- /bin/true",
                       "run --bogus",
                       "run",
                       "run --env NOEQUALS -- /bin/true"};
  for (const char* args : bad) {
    auto run = Shell(kBin + " " + args + " 2>&1");
    EXPECT_EQ(run.exit_code, 2) << args;
    EXPECT_NE(run.out.find("koodikoe run"), std::string::npos) << args << ": " << run.out;
  }
}

TEST(RunCommandTest, DiskOptionCapsBoxAndTmpTogether) {
  auto help = Shell(kBin + " run --help 2>&1");
  EXPECT_NE(help.out.find("--disk SIZE"), std::string::npos) << help.out;
  auto dir = std::filesystem::temp_directory_path() / ("kk-disk-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  // 6 MiB in /box and 6 MiB in /tmp: each fits in 8M, together they do not.
  auto run = Shell(kBin + " run --disk 8M --box " + dir.string() +
                   " -- /bin/sh -c 'head -c 6000000 /dev/zero > /box/a;"
                   " head -c 6000000 /dev/zero > /tmp/b' 2>/dev/null");
  EXPECT_EQ(run.exit_code, 0);
  auto json = nlohmann::json::parse(LastLine(run.out));
  EXPECT_EQ(json["status"], "output_limit_exceeded") << run.out;
  EXPECT_EQ(json["limit"], "disk") << run.out;
  EXPECT_EQ(std::filesystem::file_size(dir / "a"), 6000000u) << "what fitted comes back";
  auto fits = Shell(kBin + " run --disk 8M -- /bin/sh -c 'head -c 6000000 /dev/zero > /tmp/b'");
  EXPECT_EQ(nlohmann::json::parse(LastLine(fits.out))["status"], "ok") << fits.out;
  std::filesystem::remove_all(dir);
}

TEST(RunCommandTest, StdinIsDevNullWithoutTheOption) {
  // The caller's stdin here is a pipe with data in it: the box must not read it.
  auto run = Shell("echo from-the-caller | " + kBin + " run -- /bin/cat");
  EXPECT_EQ(run.out.find("from-the-caller"), std::string::npos) << run.out;
  EXPECT_EQ(nlohmann::json::parse(LastLine(run.out))["status"], "ok");
}

TEST(RunCommandTest, LoopbackNetworkOption) {
  auto run = Shell(kBin +
                   " run --net loopback -- /bin/sh -c 'cat /sys/class/net/lo/operstate 2>/dev/null;"
                   " /usr/bin/python3 -c \"import socket; s=socket.socket(); "
                   "s.bind((\\\"127.0.0.1\\\", 0)); print(\\\"bound\\\")\"'");
  EXPECT_NE(run.out.find("bound"), std::string::npos) << run.out;
}

}  // namespace
