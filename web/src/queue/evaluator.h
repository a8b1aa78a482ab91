// Internal to web/: the evaluators a judge-helper process can use.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "queue/judge_client.h"

namespace web {

// Called when a test finishes (done of total); `test` is the contract's test object.
using EmitProgress = std::function<void(int done, int total, const nlohmann::json& test)>;

// Judges with judge::Judge and the sandbox. Returns the contract's report object; an Error
// becomes a judging_error verdict for this one job.
// `parallel_tests` boxes at a time (the server divides the cores among its helpers).
Result<nlohmann::json> EvaluateReal(const JudgeJob& job, int parallel_tests,
                                    const EmitProgress& emit);

// A scripted judge for unit tests of the web layer; never used by `serve` unless asked.
// The source decides: "COMPILE_ERROR" -> compile_error, "WRONG" -> the second test fails,
// "SLEEP_MS=N" -> each test takes N ms, "CRASH_HELPER" -> the helper process dies.
Result<nlohmann::json> EvaluateFake(const JudgeJob& job, const EmitProgress& emit);

}  // namespace web
