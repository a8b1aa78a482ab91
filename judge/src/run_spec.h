// The one place where an exercise's limits and a language become the sandbox's run spec.
// Every box the judge starts for a package (compiler, submission, service, output and input
// validators, the scenario client) gets its environment and limits here; callers add argv,
// streams and binds.
#pragma once

#include <string>
#include <vector>

#include "judge/languages.h"
#include "judge/package.h"
#include "runner/sandbox.h"

namespace judge {

// What a box runs, which decides which of the package's limits apply to it.
enum class BoxRole {
  kCompiler,        // limits.compilation_time and compilation_memory
  kSubmission,      // the time limit, limits.memory and limits.output
  kService,         // a submission that serves HTTP for a scenario: its wall time is the caller's
  kValidator,       // output validator, interactive ones too: limits.validation_*
  kInputValidator,  // limits.validation_* on each input
};

// The spec for a box of `role` running a program in `language`. `time_limit` is the test's
// CPU time limit (submissions and services; interactive validators outlast it).
runner::RunSpec BoxSpec(BoxRole role, const Language& language, const Limits& limits,
                        double time_limit = 0);

// The spec for the judge's own scenario client of a `service` exercise: trusted, but boxed
// beside the service it plays against. `seconds` bounds its CPU and wall time; it may hold
// `connections` requests open at once.
runner::RunSpec ScenarioClientSpec(double seconds, int connections);

// The wall-clock limit of a submission with this CPU time limit: generous for a busy machine,
// and the bound after which an interactive validator is still waiting.
double SubmissionWallSeconds(double time_limit);

}  // namespace judge
