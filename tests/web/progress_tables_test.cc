// ProgressTables: solved and total exercises per tier, track and skill, as the progress page
// and a shared report show them.
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "catalogue/catalog.h"

namespace web {
namespace {

std::shared_ptr<const Exercise> Made(const std::string& id, int tier, const std::string& track,
                                     std::vector<std::string> skills) {
  auto exercise = std::make_shared<Exercise>();
  exercise->id = id;
  exercise->tier = tier;
  exercise->track = track;
  exercise->skills = std::move(skills);
  return exercise;
}

TEST(ProgressTablesTest, CountsSolvedAndTotalPerTierTrackAndSkill) {
  std::vector<std::shared_ptr<const Exercise>> exercises = {
      Made("sum", 1, "basics", {"loops", "input"}),
      Made("echo", 1, "", {"input"}),
      Made("sort", 2, "basics", {"loops"}),
      Made("graph", 3, "algorithms", {}),
  };
  std::set<std::string> solved = {"sum", "sort"};
  nlohmann::json tables =
      ProgressTables(exercises, [&](const std::string& id) { return solved.count(id) > 0; });
  EXPECT_EQ(tables["by_tier"], nlohmann::json::parse(R"({"1": {"solved": 1, "total": 2},
      "2": {"solved": 1, "total": 1}, "3": {"solved": 0, "total": 1}})"));
  // An exercise without a track counts in no track.
  EXPECT_EQ(tables["by_track"], nlohmann::json::parse(R"({"basics": {"solved": 2, "total": 2},
      "algorithms": {"solved": 0, "total": 1}})"));
  EXPECT_EQ(tables["by_skill"], nlohmann::json::parse(R"({"loops": {"solved": 2, "total": 2},
      "input": {"solved": 1, "total": 2}})"));
}

TEST(ProgressTablesTest, NoExercisesGiveEmptyTables) {
  nlohmann::json tables = ProgressTables({}, [](const std::string&) { return true; });
  EXPECT_EQ(tables["by_tier"], nlohmann::json::object());
  EXPECT_EQ(tables["by_track"], nlohmann::json::object());
  EXPECT_EQ(tables["by_skill"], nlohmann::json::object());
}

}  // namespace
}  // namespace web
