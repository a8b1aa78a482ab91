// A stand-in for the koodikoe binary with only the judge's commands, for the tests.
#include <cstring>
#include <iostream>

#include "judge/commands.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: judge_driver judge|exercise|languages ...\n";
    return 2;
  }
  if (std::strcmp(argv[1], "judge") == 0) return judge::JudgeCommand(argc - 1, argv + 1);
  if (std::strcmp(argv[1], "exercise") == 0) return judge::ExerciseCommand(argc - 1, argv + 1);
  if (std::strcmp(argv[1], "languages") == 0) return judge::LanguagesCommand(argc - 1, argv + 1);
  std::cerr << "unknown command " << argv[1] << "\n";
  return 2;
}
