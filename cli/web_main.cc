// koodikoe-web: the web platform's commands, started by `koodikoe serve|user|worker|verify`,
// and the runner's and judge's commands too, for the processes the platform starts itself.
#include <iostream>
#include <string>

#include "core_commands.h"
#include "http/server.h"
#include "queue/judge_client.h"

int main(int argc, char** argv) {
  if (auto code = cli::RunCoreCommand(argc, argv)) return *code;
  std::string command = argc >= 2 ? argv[1] : "";
  if (command == "serve") return web::ServeCommand(argc - 1, argv + 1);
  if (command == "user") return web::UserCommand(argc - 1, argv + 1);
  if (command == "worker") return web::WorkerCommand(argc - 1, argv + 1);
  if (command == "verify") return web::VerifyCommand(argc - 1, argv + 1);
  if (command == "judge-helper") return web::JudgeHelperCommand(argc - 1, argv + 1);
  std::cerr << "koodikoe-web: unknown command '" << command << "' (see koodikoe --help)\n";
  return 2;
}
