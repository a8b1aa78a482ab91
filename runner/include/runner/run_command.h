#pragma once

namespace runner {

// `koodikoe run [options] -- PROGRAM [ARG...]` (runner/README.md, "From the command line").
// argv[0] is "run".
// Exits 0 whenever the sandbox worked, whatever the program did.
int RunCommand(int argc, char** argv);

}  // namespace runner
