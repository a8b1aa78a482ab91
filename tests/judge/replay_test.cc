// Replays of `game` exercises: the format check with errors that say where, the size limits,
// and end to end through the sandbox (tests/packages/corridor_game) that the judge keeps a
// replay for samples and full-feedback groups only, and refuses broken ones.
#include "replay.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "package_copy_test.h"

namespace judge {
namespace {

using Json = nlohmann::json;

Json GridReplay() {
  return Json::parse(R"({
    "format": "koodikoe-replay", "version": 1, "title": {"en": "Walk", "fi": "Kävely"},
    "world": {"kind": "grid", "width": 4, "height": 2, "cells": ["..G#", "...."]},
    "frames": [
      {"turn": 0, "state": {"agents": [{"x": 0, "y": 0, "dir": "E", "kind": "robot"}],
                            "marks": [{"x": 1, "y": 1, "kind": "item"}]}},
      {"turn": 1, "by": "program", "move": "FORWARD",
       "state": {"agents": [{"x": 1, "y": 0, "dir": "E"}]},
       "events": [{"text": {"en": "Bump", "fi": "Töks"}, "tone": "bad"}]}
    ],
    "outcome": {"result": "failure", "score": 0, "text": "crashed", "frame": 1, "at": [2, 0]}
  })");
}

TEST(Replay, AcceptsEachKindOfWorld) {
  auto grid = CheckReplay(GridReplay().dump(2));
  ASSERT_TRUE(grid) << grid.error().context;
  EXPECT_EQ(Json::parse(*grid), GridReplay());
  EXPECT_EQ(grid->find('\n'), std::string::npos) << "stored without spaces";

  auto plane = CheckReplay(R"({"format": "koodikoe-replay", "version": 1,
    "world": {"kind": "plane", "min": [-10, -10], "max": [110, 110],
              "target": [[0, 0, 100, 0], [100, 0, 100, 100]]},
    "frames": [{"turn": 0, "state": {"turtle": {"x": 0, "y": 0, "heading": 0, "pen": true}}},
               {"turn": 1, "by": "program", "move": "FORWARD 100",
                "state": {"turtle": {"x": 100, "y": 0, "heading": 0, "pen": true},
                          "lines": [[0, 0, 100, 0.5]]}}],
    "outcome": {"result": "partial", "score": 0.5, "text": "half", "at": [100, 50]}})");
  EXPECT_TRUE(plane) << plane.error().context;

  auto range = CheckReplay(R"({"format": "koodikoe-replay", "version": 1,
    "world": {"kind": "range", "min": 1, "max": 100},
    "frames": [{"turn": 0, "state": {"low": 1, "high": 100}},
               {"turn": 1, "by": "program", "move": "50", "state": {"low": 51, "high": 100,
                "guess": 50}}, {"turn": 1, "by": "bot", "move": "HIGHER", "state": {}}],
    "outcome": {"result": "success", "score": 1, "text": {"fi": "Löytyi"}}})");
  EXPECT_TRUE(range) << range.error().context;
}

TEST(Replay, RefusesMalformedReplaysSayingWhere) {
  struct Case {
    const char* pointer;  // JSON pointer into GridReplay() to change
    Json value;
    const char* error;
  };
  const Case cases[] = {
      {"/format", "replay", "format: must be \"koodikoe-replay\""},
      {"/version", 2, "version: must be 1"},
      {"/world/kind", "sphere", "world.kind: must be"},
      {"/world/width", 0, "world.width: must be a whole number from 1 to 100"},
      {"/world/cells/1", "..x.", "world.cells[1]: must be 4 characters"},
      {"/frames/1/state/agents/0/x", 4,
       "frames[1].state.agents[0].x: must be a whole number "
       "from 0 to 3"},
      {"/frames/1/state/agents/0/dir", "up", "frames[1].state.agents[0].dir: must be"},
      {"/frames/0/state/marks/0/kind", "gold", "frames[0].state.marks[0].kind: must be one of"},
      {"/frames/1/turn", -1, "frames[1].turn: must be a whole number"},
      {"/frames/0/turn", 5, "frames[1].turn: must not be below the turn of the frame before"},
      {"/frames/1/by", "referee", "frames[1].by: must be \"program\", \"bot\" or \"world\""},
      {"/frames/1/move", std::string(101, 'F'), "frames[1].move: is longer than 100 bytes"},
      {"/frames/1/events/0/text", Json::object({{"sv", "hej"}}),
       "frames[1].events[0].text: has an unknown key \"sv\""},
      {"/frames/1/events/0/tone", "loud", "frames[1].events[0].tone: must be"},
      {"/frames/1/state/colour", "red", "frames[1].state: has an unknown key \"colour\""},
      {"/frames", Json::array(), "frames: must hold at least the starting frame"},
      {"/outcome/result", "won", "outcome.result: must be"},
      {"/outcome/score", 1.5, "outcome.score: must be a number from 0 to 1"},
      {"/outcome/frame", 2, "outcome.frame: must be a whole number from 0 to 1"},
      {"/outcome/at", Json::array({1}), "outcome.at: must be a point [x, y]"},
      {"/extra", true, "replay: has an unknown key \"extra\""},
  };
  for (const Case& c : cases) {
    Json replay = GridReplay();
    replay[Json::json_pointer(c.pointer)] = c.value;
    auto checked = CheckReplay(replay.dump());
    ASSERT_FALSE(checked) << c.pointer;
    EXPECT_NE(checked.error().context.find(c.error), std::string::npos)
        << c.pointer << ": " << checked.error().context;
  }
  Json missing = GridReplay();
  missing.erase("outcome");
  EXPECT_EQ(CheckReplay(missing.dump()).error().context, "replay: needs the key \"outcome\"");
  EXPECT_EQ(CheckReplay("{\"format\": ").error().context, "it is not valid JSON");
  EXPECT_FALSE(CheckReplay("[]"));
}

TEST(Replay, RefusesWhatIsTooLarge) {
  Json replay = GridReplay();
  Json frame = replay["frames"][1];
  while (replay["frames"].size() < kMaxReplayFrames) replay["frames"].push_back(frame);
  std::string text = replay.dump();
  ASSERT_GT(text.size(), kMaxReplayBytes);
  auto too_large = CheckReplay(text);
  ASSERT_FALSE(too_large);
  EXPECT_EQ(too_large.error().context, "it is larger than the limit of 256 KiB");

  Json compact = GridReplay();
  Json small = {{"turn", 1}, {"state", Json::object()}};
  while (compact["frames"].size() <= kMaxReplayFrames) compact["frames"].push_back(small);
  ASSERT_LE(compact.dump().size(), kMaxReplayBytes);
  auto too_many = CheckReplay(compact.dump());
  ASSERT_FALSE(too_many);
  EXPECT_EQ(too_many.error().context, "frames: has more than 5000 entries");
}

TEST(Replay, ReportCarriesTheReplayAsAnObject) {
  Report report;
  TestResult with, without;
  with.name = "sample/1";
  with.replay = *CheckReplay(GridReplay().dump());
  without.name = "secret/1";
  report.tests = {with, without};
  Json json = Json::parse(ReportJson(report));
  EXPECT_EQ(json["tests"][0]["replay"], GridReplay());
  EXPECT_FALSE(json["tests"][1].contains("replay"));
}

TEST(Replay, ReportsKeepAtMostOneMebibyteOfReplays) {
  std::vector<TestResult> tests(6);
  for (TestResult& test : tests) test.replay = std::string(200u << 10, ' ');
  tests[0].feedback = "reached the goal";
  CapReplays(tests);
  for (size_t i = 0; i < 5; ++i) EXPECT_FALSE(tests[i].replay.empty()) << i;
  EXPECT_TRUE(tests[5].replay.empty());
  EXPECT_EQ(tests[0].feedback, "reached the goal");
  EXPECT_EQ(tests[5].feedback, "(replay left out: this report's replays reached 1024 KiB)");
}

// ---------------------------------------------------------------- through the sandbox

class GameJudgeTest : public PackageCopyTest {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root for the sandbox";
    CopyPackage("corridor_game");
  }

  // The sample's simulator writes its replay broken in this way.
  void BreakSampleReplay(const std::string& mode) {
    std::ofstream(package_ + "/data/sample/1.in")
        << "length 6\ngoal 3\nname sample-world\nreplay " << mode << "\n";
  }

  Report Judge(const std::string& submission, bool samples_only = false) {
    return JudgeSource(package_ + "/submissions/" + submission, samples_only);
  }
};

TEST_F(GameJudgeTest, KeepsReplaysOfSamplesAndFullFeedbackGroupsOnly) {
  Report report = Judge("accepted/walk.py");
  EXPECT_EQ(report.verdict, Verdict::kAccepted) << report.message;
  ASSERT_EQ(report.tests.size(), 3u);
  std::map<std::string, Json> replays;
  for (const TestResult& test : report.tests) {
    EXPECT_EQ(test.verdict, Verdict::kAccepted) << test.name << ": " << test.feedback;
    if (!test.replay.empty()) replays[test.name] = Json::parse(test.replay);
  }
  ASSERT_EQ(replays.count("sample/1"), 1u);
  ASSERT_EQ(replays.count("secret/open/1"), 1u);
  EXPECT_EQ(replays.count("secret/hidden/1"), 0u) << "a secret test without full_feedback";
  const Json& sample = replays["sample/1"];
  EXPECT_EQ(sample["title"], "sample-world");
  EXPECT_EQ(sample["frames"].size(), 4u);  // the start and three moves
  EXPECT_EQ(sample["frames"][3]["state"]["agents"][0]["x"], 3);
  EXPECT_EQ(sample["outcome"]["result"], "success");
  // Nothing of the hidden world reaches the report: not its name, not its length.
  std::string json = ReportJson(report);
  EXPECT_EQ(json.find("HIDDEN-WORLD-7f3a"), std::string::npos);
  EXPECT_NE(json.find("\"replay\":{"), std::string::npos);
}

TEST_F(GameJudgeTest, FailingProgramsGetTheirVerdictAndAReplayOfTheFailure) {
  Report crash = Judge("run_time_error/crash.py", true);
  EXPECT_EQ(crash.verdict, Verdict::kRunTimeError);
  ASSERT_EQ(crash.tests.size(), 1u);
  ASSERT_FALSE(crash.tests[0].replay.empty());
  EXPECT_EQ(Json::parse(crash.tests[0].replay)["outcome"]["result"], "failure");

  Report spin = Judge("time_limit_exceeded/thinks_forever.py", true);
  EXPECT_EQ(spin.verdict, Verdict::kTimeLimit);
  ASSERT_EQ(spin.tests.size(), 1u);
  EXPECT_FALSE(spin.tests[0].replay.empty());

  Report illegal = Judge("wrong_answer/illegal_move.py", true);
  EXPECT_EQ(illegal.verdict, Verdict::kWrongAnswer);
  ASSERT_EQ(illegal.tests.size(), 1u);
  Json replay = Json::parse(illegal.tests[0].replay);
  EXPECT_EQ(replay["frames"].back()["move"], "JUMP");
  EXPECT_EQ(replay["outcome"]["frame"], 1);
}

TEST_F(GameJudgeTest, BrokenReplaysAreAJudgingErrorThatSaysWhy) {
  struct Case {
    const char* mode;
    const char* message;
  };
  const Case cases[] = {
      {"bad",
       "replay.json was refused: frames[0].state.agents[0].x: must be a whole number from "
       "0 to 6"},
      {"huge", "replay.json was refused: it is larger than the limit of 256 KiB"},
      {"none", "the game simulator wrote no replay.json"},
      // The sandbox brings only regular files and directories out of a box: the simulator's
      // link to /etc/passwd never reaches the feedback directory.
      {"symlink", "the game simulator wrote no replay.json"},
  };
  for (const Case& c : cases) {
    BreakSampleReplay(c.mode);
    Report report = Judge("accepted/walk.py", true);
    EXPECT_EQ(report.verdict, Verdict::kJudgingError) << c.mode;
    ASSERT_EQ(report.tests.size(), 1u) << c.mode;
    EXPECT_EQ(report.tests[0].verdict, Verdict::kJudgingError) << c.mode;
    EXPECT_NE(report.tests[0].feedback.find(c.message), std::string::npos)
        << c.mode << ": " << report.tests[0].feedback;
    EXPECT_TRUE(report.tests[0].replay.empty()) << c.mode;
  }
}

}  // namespace
}  // namespace judge
