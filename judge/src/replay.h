// Replays of `game` exercises: the JSON file (replay.json) a game's simulator writes into its
// feedback directory, checked against the documented format (judge/PACKAGES.md, version 1)
// and kept with the test's result where the package's feedback rules allow.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "judge/judge.h"
#include "judge/package.h"

namespace judge {

inline constexpr const char* kReplayFile = "replay.json";
inline constexpr int kReplayVersion = 1;
// One replay.json: enough for 5000 frames of a small grid world.
inline constexpr size_t kMaxReplayBytes = 256u << 10;
// Every replay kept in one report together, so that a package with many full-feedback tests
// cannot make a submission's stored report huge.
inline constexpr size_t kMaxReplayBytesPerReport = 1u << 20;
inline constexpr size_t kMaxReplayFrames = 5000;

// Checks a replay's text against the format. Returns it serialised again without spaces, or
// an Error whose context says where and what is wrong:
// "frames[3].state.agents[0].x: must be a whole number from 0 to 7".
Result<std::string> CheckReplay(const std::string& text);

// After a test of a `game` exercise: reads the simulator's replay.json from `feedback_dir`,
// checks it and keeps it in `result.replay` when the test's feedback may be shown (samples,
// and secret tests whose group has full_feedback). Returns the message of a judging error when
// the replay is too large or malformed, or missing although `required` (the simulator ended
// normally, so it had the chance to write one).
std::optional<std::string> CollectReplay(const TestCase& test, const std::string& feedback_dir,
                                         bool required, TestResult& result);

// Leaves out replays, last tests first, until the report's replays fit in
// kMaxReplayBytesPerReport; each test that loses its replay says so in its feedback.
void CapReplays(std::vector<TestResult>& tests);

}  // namespace judge
