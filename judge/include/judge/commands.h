// Entry points of the judge's subcommands; the koodikoe binary dispatches to them.
// argv[0] is the subcommand's name. Each returns the process exit code.
#pragma once

namespace judge {

// koodikoe judge PACKAGE_DIR SOURCE [--language ID] [--json] [--jobs N] [--all] [--samples]
//   Prints a summary (or, with --json, the contract's JSON object as the last line of
//   stdout) and a progress line on stderr when it is a terminal. Exit 0 when a report was
//   produced, 1 when judging failed, 2 for usage errors.
int JudgeCommand(int argc, char** argv);

// koodikoe exercise check PACKAGE_DIR... [--jobs N]
//   Checks each package: structure, input validators over every input, every submission
//   against the verdict its folder names. Exit 0 iff everything matches.
int ExerciseCommand(int argc, char** argv);

// koodikoe languages [--json]
//   Lists language ids with their installed compiler versions, and which are missing.
int LanguagesCommand(int argc, char** argv);

}  // namespace judge
