// koodikoe: one command, a subcommand per part of the platform.
#include <cstring>
#include <iostream>
#include <string>

#include "judge/commands.h"
#include "runner/run_command.h"
#include "web/judge_client.h"
#include "web/server.h"

namespace {

constexpr const char* kUsage = R"(usage: koodikoe COMMAND [ARGS]
  run [options] -- PROGRAM [ARG...]   run a program in the sandbox
  judge PACKAGE_DIR SOURCE [--json]   judge a submission against an exercise package
  exercise check PACKAGE_DIR...       check packages: every submission gets its folder's verdict
  languages                           list the languages and their installed compilers
  serve [options]                     the web platform (koodikoe serve --help)
  worker --db postgresql://... [options]   a judge on another machine (koodikoe worker --help)
  user add NAME --role ROLE [--db URL]   add an account; the password comes from stdin
  verify FILE [--issuer DID | --data DIR]   verify an Open Badges credential offline
)";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "--help") == 0 || std::strcmp(argv[1], "-h") == 0) {
    std::cerr << kUsage;
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  if (command == "run") return runner::RunCommand(argc - 1, argv + 1);
  if (command == "judge") return judge::JudgeCommand(argc - 1, argv + 1);
  if (command == "exercise") return judge::ExerciseCommand(argc - 1, argv + 1);
  if (command == "languages") return judge::LanguagesCommand(argc - 1, argv + 1);
  if (command == "serve") return web::ServeCommand(argc - 1, argv + 1);
  if (command == "user") return web::UserCommand(argc - 1, argv + 1);
  if (command == "worker") return web::WorkerCommand(argc - 1, argv + 1);
  if (command == "verify") return web::VerifyCommand(argc - 1, argv + 1);
  if (command == "judge-helper") return web::JudgeHelperCommand(argc - 1, argv + 1);
  std::cerr << "koodikoe: unknown command '" << command << "'\n\n" << kUsage;
  return 2;
}
