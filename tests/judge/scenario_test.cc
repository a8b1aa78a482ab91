// Scenarios of service exercises: parsing with precise errors, substitution of captured
// values, the JSON subset rule, and how the package reader turns scenarios into tests.
#include "scenario.h"

#include <gtest/gtest.h>

#include "judge/package.h"

namespace judge {
namespace {

using Json = nlohmann::json;

const std::string kPackages = KOODIKOE_TEST_PACKAGES;

TEST(Scenario, ParsesStepsWithDefaults) {
  auto scenario = ParseScenario(
      "points: 2\ntimeout: 1.5\nsteps:\n"
      "  - {method: post, path: /todos, json: {title: milk, n: 3, done: false, q: '3'},\n"
      "     expect: {status: 201, json: {title: milk}}, capture: {id: json.id}}\n"
      "  - {restart: true}\n"
      "  - {path: '/todos/${id}', concurrency: 4, timeout: 3}\n",
      "s.yaml");
  ASSERT_TRUE(scenario) << scenario.error().Describe();
  EXPECT_EQ(scenario->points, 2);
  ASSERT_EQ(scenario->steps.size(), 3u);
  const ScenarioStep& create = scenario->steps[0];
  EXPECT_EQ(create.method, "POST");
  ASSERT_TRUE(create.json);
  EXPECT_EQ((*create.json)["n"], 3);
  EXPECT_EQ((*create.json)["done"], false);
  EXPECT_EQ((*create.json)["q"], "3");  // quoted: stays text
  EXPECT_EQ(create.expect.status, 201);
  EXPECT_EQ(create.captures[0].second, "json.id");
  EXPECT_TRUE(scenario->steps[1].restart);
  EXPECT_EQ(scenario->steps[2].method, "GET");
  EXPECT_EQ(scenario->steps[2].concurrency, 4);
  EXPECT_EQ(scenario->Restarts(), 1);
  EXPECT_DOUBLE_EQ(scenario->WorstCaseSeconds(), 10 * 2 + 1.5 + 1.5 + 3);
}

TEST(Scenario, ErrorsNameTheProblem) {
  struct Case {
    const char* text;
    const char* error;
  };
  const Case cases[] = {
      {"points: 1\n", "`steps` is required"},
      {"steps: []\n", "non-empty list"},
      {"steps:\n  - {method: FETCH}\n", "method must be"},
      {"steps:\n  - {path: nope}\n", "path must start with /"},
      {"steps:\n  - {body: a, json: 1}\n", "either body or json"},
      {"steps:\n  - {concurrency: 1000}\n", "concurrency must be"},
      {"steps:\n  - {expect: {status: 42}}\n", "HTTP status"},
      {"steps:\n  - {expect: {colour: red}}\n", "unknown key expect.colour"},
      {"steps:\n  - {capture: {x: cookie}}\n", "is not json"},
      {"steps:\n  - {restart: true, path: /}\n", "restart step takes only"},
      {"steps:\n  - {path: /}\nretries: 3\n", "unknown key 'retries'"},
      {"steps: [{path: /}]\ntimeout: 0\n", "more than 0"},
      {"steps:\n  - {expect: {body_regex: '(unclosed'}}\n", "not a valid regular expression"},
  };
  for (const Case& test : cases) {
    auto scenario = ParseScenario(test.text, "bad.yaml");
    ASSERT_FALSE(scenario) << test.text;
    EXPECT_NE(scenario.error().Describe().find(test.error), std::string::npos)
        << scenario.error().Describe();
    EXPECT_NE(scenario.error().Describe().find("bad.yaml"), std::string::npos);
  }
}

TEST(Scenario, SubstitutesCapturedValues) {
  Variables vars = {{"id", 7}, {"name", "ann"}};
  EXPECT_EQ(Substitute("/todos/${id}/${name}/${unknown}", vars), "/todos/7/ann/${unknown}");
  Json expected = SubstituteJson(Json::parse(R"({"id": "${id}", "who": "hi ${name}"})"), vars);
  EXPECT_EQ(expected["id"], 7);  // keeps the captured value's type
  EXPECT_EQ(expected["who"], "hi ann");
}

TEST(Scenario, JsonSubset) {
  std::string where;
  Json actual = Json::parse(R"({"a": 1, "b": [{"x": 1, "y": 2}, {"x": 3}], "c": 2.0})");
  EXPECT_TRUE(JsonSubset(Json::parse(R"({"a": 1})"), actual, where));
  EXPECT_TRUE(JsonSubset(Json::parse(R"({"b": [{"x": 1}, {}], "c": 2})"), actual, where));
  EXPECT_FALSE(JsonSubset(Json::parse(R"({"b": [{"x": 1}]})"), actual, where));
  EXPECT_EQ(where, "b (2 items, expected 1)");
  EXPECT_FALSE(JsonSubset(Json::parse(R"({"b": [{}, {"x": 4}]})"), actual, where));
  EXPECT_EQ(where, "b[1].x");
  EXPECT_FALSE(JsonSubset(Json::parse(R"({"d": null})"), actual, where));
  EXPECT_EQ(where, "d (missing)");
  EXPECT_EQ(JsonAtPath(actual, "b[1].x"), Json(3));
  EXPECT_EQ(JsonAtPath(actual, "b.0.y"), Json(2));
  EXPECT_FALSE(JsonAtPath(actual, "b.5"));
}

TEST(Scenario, ServicePackageHasOneTestPerScenario) {
  auto package = ReadPackage(kPackages + "/todo_service");
  ASSERT_TRUE(package) << package.error().Describe();
  EXPECT_EQ(package->koodikoe.kind, "service");
  EXPECT_TRUE(package->scoring);
  ASSERT_EQ(package->cases.size(), 4u);
  EXPECT_EQ(package->cases[0].name, "scenarios/concurrency");
  EXPECT_EQ(package->cases[1].points, 3);
  const TestGroup* group = package->FindGroup("scenarios");
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->settings.max_score, 7);
}

TEST(Scenario, IotAndGraderPackages) {
  auto iot = ReadPackage(kPackages + "/thermostat_iot");
  ASSERT_TRUE(iot) << iot.error().Describe();
  EXPECT_TRUE(iot->interactive);
  EXPECT_TRUE(iot->scoring);
  ASSERT_EQ(iot->output_validators.size(), 1u);
  EXPECT_EQ(iot->output_validators[0].name, "room.py");
  auto grader = ReadPackage(kPackages + "/i2c_sensor_grader");
  ASSERT_TRUE(grader) << grader.error().Describe();
  EXPECT_EQ(grader->languages, (std::vector<std::string>{"c", "cpp"}));
  EXPECT_EQ(grader->include_dirs.count("c"), 1u);
}

}  // namespace
}  // namespace judge
