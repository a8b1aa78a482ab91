// The runner's and the judge's commands, which both koodikoe and koodikoe-web answer: the web
// platform starts its own executable for `exercise check` and the judge helpers.
#pragma once

#include <optional>
#include <string>

#include "judge/commands.h"
#include "runner/run_command.h"

namespace cli {

// The command's exit code, or nothing when argv[1] is not one of these commands.
inline std::optional<int> RunCoreCommand(int argc, char** argv) {
  const std::string command = argc >= 2 ? argv[1] : "";
  if (command == "run") return runner::RunCommand(argc - 1, argv + 1);
  if (command == "judge") return judge::JudgeCommand(argc - 1, argv + 1);
  if (command == "exercise") return judge::ExerciseCommand(argc - 1, argv + 1);
  if (command == "languages") return judge::LanguagesCommand(argc - 1, argv + 1);
  return std::nullopt;
}

}  // namespace cli
