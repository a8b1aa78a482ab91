// koodikoe: one command, a subcommand per part of the platform.
//
// This binary holds the runner and the judge only. The web platform's commands live in
// koodikoe-web next to it and are reached through exec: its libraries (TLS, PostgreSQL,
// archives) take tens of milliseconds to load, which `koodikoe run` must not pay.
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <string>

#include "core_commands.h"

namespace {

constexpr const char* kUsage = R"(usage: koodikoe COMMAND [ARGS]
  run [options] -- PROGRAM [ARG...]   run a program in the sandbox
  judge PACKAGE_DIR SOURCE [--json]   judge a submission against an exercise package
  exercise check PACKAGE_DIR...       check packages: every submission gets its folder's verdict
  languages [--warm]                  list the languages and their installed compilers;
                                      --warm precompiles their standard headers
  serve [options]                     the web platform (koodikoe serve --help)
  worker --db postgresql://... [options]   a judge on another machine (koodikoe worker --help)
  user add NAME --role ROLE [--db URL]   add an account; the password comes from stdin
  verify FILE [--issuer DID | --data DIR]   verify an Open Badges credential offline
)";

bool IsWebCommand(const std::string& command) {
  for (const char* web : {"serve", "user", "worker", "verify", "judge-helper"}) {
    if (command == web) return true;
  }
  return false;
}

// Replaces this process with koodikoe-web from the directory of this executable.
int ExecWeb(char** argv) {
  std::error_code error;
  auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  std::string web = (error ? std::filesystem::path(argv[0]) : self).parent_path() / "koodikoe-web";
  ::execv(web.c_str(), argv);
  std::cerr << "koodikoe: cannot start " << web << ": " << std::strerror(errno)
            << "\n(koodikoe-web is built and installed next to koodikoe; rebuild with "
               "scripts/build)\n";
  return 127;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::cerr << kUsage;
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  if (auto code = cli::RunCoreCommand(argc, argv)) return *code;
  if (IsWebCommand(command)) return ExecWeb(argv);
  std::cerr << "koodikoe: unknown command '" << command << "'\n\n" << kUsage;
  return 2;
}
