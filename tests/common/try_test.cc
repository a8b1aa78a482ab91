// KOODIKOE_TRY and KOODIKOE_TRY_VOID: the value on success, the error returned on failure, the
// expression evaluated once, and error types other than koodikoe::Error (web's ApiError).
#include "koodikoe/try.h"

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>
#include <utility>

#include "koodikoe/result.h"

namespace koodikoe {
namespace {

Result<int> Parse(const std::string& text) {
  if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos) {
    return Fail(ErrorCode::kInvalidArgument, "not a number: '" + text + "'");
  }
  return std::stoi(text);
}

Result<int> Sum(const std::string& a, const std::string& b, int& steps) {
  KOODIKOE_TRY(int first, Parse(a));
  ++steps;
  KOODIKOE_TRY(const auto second, Parse(b));
  ++steps;
  return first + second;
}

TEST(TryTest, GivesTheValueAndGoesOn) {
  int steps = 0;
  auto sum = Sum("2", "40", steps);
  ASSERT_TRUE(sum) << sum.error().Describe();
  EXPECT_EQ(*sum, 42);
  EXPECT_EQ(steps, 2);
}

TEST(TryTest, ReturnsTheFirstErrorAndStopsThere) {
  int steps = 0;
  auto sum = Sum("2", "x", steps);
  ASSERT_FALSE(sum);
  EXPECT_EQ(sum.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(sum.error().context, "not a number: 'x'");
  EXPECT_EQ(steps, 1);

  steps = 0;
  sum = Sum("y", "x", steps);
  ASSERT_FALSE(sum);
  EXPECT_EQ(sum.error().context, "not a number: 'y'");
  EXPECT_EQ(steps, 0);
}

Result<void> Check(bool ok, int& calls) {
  ++calls;
  if (!ok) return Fail(ErrorCode::kNotFound, "no such thing");
  return {};
}

Result<std::string> Twice(bool first, bool second, int& calls) {
  KOODIKOE_TRY_VOID(Check(first, calls));
  KOODIKOE_TRY_VOID(Check(second, calls));
  return "both";
}

TEST(TryTest, VoidFormPassesAndFails) {
  int calls = 0;
  auto both = Twice(true, true, calls);
  ASSERT_TRUE(both);
  EXPECT_EQ(*both, "both");
  EXPECT_EQ(calls, 2);

  calls = 0;
  both = Twice(false, true, calls);
  ASSERT_FALSE(both);
  EXPECT_EQ(both.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(calls, 1);  // evaluated once, and nothing after the failure
}

TEST(TryTest, VoidFormDropsAValueAndIsOneStatement) {
  auto run = [](bool left, const std::string& text) -> Result<int> {
    if (left)
      KOODIKOE_TRY_VOID(Parse(text));  // safe as the body of an unbraced if ...
    else
      return -1;  // ... with an else
    return 1;
  };
  EXPECT_EQ(*run(true, "7"), 1);
  EXPECT_EQ(*run(false, "x"), -1);
  EXPECT_EQ(run(true, "x").error().context, "not a number: 'x'");
}

TEST(TryTest, EvaluatesTheExpressionOnce) {
  int calls = 0;
  auto counted = [&]() -> Result<int> { return ++calls; };
  auto use = [&]() -> Result<int> {
    KOODIKOE_TRY(auto value, counted());
    return value * 10;
  };
  EXPECT_EQ(*use(), 10);
  EXPECT_EQ(calls, 1);
}

TEST(TryTest, MovesAMoveOnlyValueOut) {
  auto make = []() -> Result<std::unique_ptr<int>> { return std::make_unique<int>(5); };
  auto use = [&]() -> Result<int> {
    KOODIKOE_TRY(auto owned, make());
    return *owned;
  };
  EXPECT_EQ(*use(), 5);
}

TEST(TryTest, TakesAnExpressionWithTopLevelCommas) {
  auto pair = [](int a, int b) -> Result<std::pair<int, int>> { return std::pair<int, int>{a, b}; };
  auto use = [&]() -> Result<int> {
    KOODIKOE_TRY(auto both, pair(3, 4));
    KOODIKOE_TRY(auto map, Result<std::map<int, int>>(std::map<int, int>{{1, 2}}));
    KOODIKOE_TRY(auto a, Parse("1"));
    KOODIKOE_TRY(auto b, Parse("2"));
    return both.first + both.second + map.at(1) + a + b;
  };
  EXPECT_EQ(*use(), 3 + 4 + 2 + 1 + 2);
}

// An error type of another layer, as web's ApiError: TRY passes it on unchanged, and an Error
// goes into a function whose error type can be made from it.
struct LayerError {
  int status = 0;
  std::string word;
  LayerError(int s, std::string w) : status(s), word(std::move(w)) {}
  LayerError(const Error& error) : status(500), word(error.context) {}
};
template <class T>
using LayerResult = tl::expected<T, LayerError>;

LayerResult<int> Lookup(int key) {
  if (key != 1) return tl::unexpected(LayerError{404, "unknown_key"});
  return 100;
}

LayerResult<int> Layered(int key, const std::string& text) {
  KOODIKOE_TRY(auto found, Lookup(key));
  KOODIKOE_TRY(auto parsed, Parse(text));  // Error -> LayerError
  return found + parsed;
}

TEST(TryTest, WorksWithOtherErrorTypes) {
  EXPECT_EQ(*Layered(1, "5"), 105);
  auto missing = Layered(2, "5");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().status, 404);
  EXPECT_EQ(missing.error().word, "unknown_key");
  auto bad = Layered(1, "z");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().status, 500);
  EXPECT_EQ(bad.error().word, "not a number: 'z'");
}

}  // namespace
}  // namespace koodikoe
