// Trainers' analytics from stored submissions (pure functions, no server).
#include <gtest/gtest.h>

#include "base/time_util.h"
#include "http/api.h"

namespace web {
namespace {

Submission Made(int64_t id, int64_t user, const std::string& verdict, int64_t at,
                const std::string& language = "python", const std::string& failed = "") {
  Submission s;
  s.id = id;
  s.user_id = user;
  s.exercise = "doubler";
  s.language = language;
  s.status = "done";
  s.verdict = verdict;
  s.created_at = at;
  s.finished_at = at + 5;
  s.exercise_version = "v1";
  json tests = json::array();
  tests.push_back({{"name", "sample/1"}, {"verdict", "accepted"}});
  if (!failed.empty()) tests.push_back({{"name", "secret/2"}, {"verdict", failed}});
  s.report_json = json{{"tests", tests}}.dump();
  return s;
}

TEST(AnalyticsTest, ExerciseFiguresComeFromTheSubmissions) {
  std::vector<Submission> list = {
      Made(1, 10, "wrong_answer", 1000, "python", "wrong_answer"),
      Made(2, 10, "accepted", 1000 + 6 * 60),
      Made(3, 11, "time_limit_exceeded", 2000, "cpp", "time_limit_exceeded"),
      Made(4, 11, "wrong_answer", 2100, "cpp", "wrong_answer"),
      Made(5, 11, "accepted", 2000 + 10 * 60, "cpp"),
      Made(6, 12, "wrong_answer", 3000, "python", "wrong_answer"),
  };
  json a = BuildExerciseAnalytics("doubler", list);
  EXPECT_EQ(a["attempts"], 6);
  EXPECT_EQ(a["people"], 3);
  EXPECT_EQ(a["solved_by"], 2);
  EXPECT_DOUBLE_EQ(a["acceptance_rate"].get<double>(), 2.0 / 6);
  EXPECT_DOUBLE_EQ(a["median_minutes_to_solve"].get<double>(), 8.0);  // 6 and 10 minutes
  ASSERT_EQ(a["failing_tests"].size(), 2u);
  EXPECT_EQ(a["failing_tests"][0],
            (json{{"test", "secret/2"}, {"verdict", "wrong_answer"}, {"failures", 3}}));
  EXPECT_EQ(a["failing_tests"][1]["verdict"], "time_limit_exceeded");
  EXPECT_EQ(a["languages"], (json::array({{{"language", "cpp"}, {"submissions", 3}},
                                          {{"language", "python"}, {"submissions", 3}}})));
  std::string csv = ExerciseAnalyticsCsv(list);
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 7);
  EXPECT_NE(csv.find("\n1,"), std::string::npos);
  EXPECT_NE(csv.find("secret/2 wrong_answer"), std::string::npos);
}

TEST(AnalyticsTest, WorkshopTimelineCountsSolvesAsTheyHappen) {
  Workshop workshop;
  workshop.id = 7;
  workshop.title = "Maanantai";
  workshop.exercises = {"doubler", "hello"};
  std::vector<Member> members = {{10, "a", "A", 0, 0}, {11, "b", "B", 0, 0}, {12, "c", "C", 0, 0}};
  std::vector<Submission> list = {Made(1, 10, "accepted", 1000), Made(2, 11, "wrong_answer", 1200),
                                  Made(3, 11, "accepted", 4000), Made(4, 99, "accepted", 1000)};
  json a = BuildWorkshopAnalytics(workshop, members, list, 5000);
  EXPECT_EQ(a["participants"], 3);
  EXPECT_EQ(a["per_exercise"][0],
            (json{{"exercise", "doubler"}, {"solved_by", 2}, {"tried_by", 2}}));
  EXPECT_EQ(a["per_exercise"][1]["tried_by"], 0);
  const json& timeline = a["timeline"];
  ASSERT_GE(timeline.size(), 2u);
  EXPECT_LE(timeline.size(), 50u);
  EXPECT_EQ(timeline.front()["solved"], 0);  // at 1000 the first verdict was not in yet
  EXPECT_EQ(timeline.back()["solved"], 2);   // the non-member's solve is not counted
  EXPECT_EQ(timeline.back()["people_started"], 2);
  for (size_t i = 1; i < timeline.size(); ++i) {
    EXPECT_GE(timeline[i]["solved"].get<int>(), timeline[i - 1]["solved"].get<int>());
  }
  std::string csv = WorkshopAnalyticsCsv(a);
  EXPECT_EQ(csv.rfind("at,solved,people_with_a_solve,people_started\n", 0), 0u);
}

TEST(AnalyticsTest, WorkshopCountsOnlyWorkBetweenItsStartAndEnd) {
  Workshop workshop;
  workshop.exercises = {"doubler"};
  workshop.starts_at = IsoTime(2000);
  workshop.ends_at = IsoTime(3000);
  std::vector<Member> members = {
      {10, "a", "A", 0, 0}, {11, "b", "B", 0, 0}, {12, "c", "C", 0, 0}, {13, "d", "D", 10, 0}};
  std::vector<Submission> list = {
      Made(1, 10, "accepted", 1999),  // before the start
      Made(2, 11, "accepted", 2500),  // during
      Made(3, 12, "accepted", 3001),  // after the end
      Made(4, 13, "accepted", 3500),  // after the end but within d's 10 minutes of extra time
  };
  json a = BuildWorkshopAnalytics(workshop, members, list, 5000);
  EXPECT_EQ(a["per_exercise"][0]["solved_by"], 2);
  EXPECT_EQ(a["per_exercise"][0]["tried_by"], 2);
  EXPECT_EQ(a["timeline"].back()["solved"], 2);
}

TEST(AnalyticsTest, ReadsTheTimesTrainersGive) {
  EXPECT_EQ(ParseIsoTime("2025-11-22T02:30:50Z"), 1763778650);
  EXPECT_EQ(ParseIsoTime("2025-11-22T02:30:50.123Z"), 1763778650);
  EXPECT_EQ(ParseIsoTime("2025-11-22T04:30:50+02:00"), 1763778650);
  EXPECT_EQ(ParseIsoTime(IsoTime(1763778650)), 1763778650);
  EXPECT_EQ(ParseIsoTime(""), 0);
  EXPECT_EQ(ParseIsoTime("next monday"), 0);
}

}  // namespace
}  // namespace web
