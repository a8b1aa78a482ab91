// `koodikoe run` alone: the same runner::RunCommand the koodikoe binary dispatches to, linked
// without the judge and the web server so the hostile suite depends on the runner only.
// Usage: hostile_koodikoe run [options] -- PROGRAM [ARG...]
#include <cstring>
#include <iostream>

#include "runner/run_command.h"

int main(int argc, char** argv) {
  if (argc < 2 || std::strcmp(argv[1], "run") != 0) {
    std::cerr << "usage: hostile_koodikoe run [options] -- PROGRAM [ARG...]\n";
    return 2;
  }
  return runner::RunCommand(argc - 1, argv + 1);
}
