#include "judge/default_validator.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace judge {
namespace {

struct Case {
  const char* name;
  std::string answer;
  std::string output;
  std::vector<std::string> flags;
  bool accepted;
};

void PrintTo(const Case& test, std::ostream* out) { *out << test.name; }

ValidatorVerdict Compare(const Case& test) {
  auto options = ParseDefaultValidatorFlags(test.flags);
  EXPECT_TRUE(options) << test.name;
  StringSource answer(test.answer);
  StringSource output(test.output);
  return CompareWithAnswer(answer, output, *options);
}

using std::string_literals::operator""s;

const std::vector<std::string> kTolerance = {"float_tolerance", "1e-6"};
const std::vector<std::string> kAbsolute = {"float_absolute_tolerance", "0.5"};
const std::vector<std::string> kRelative = {"float_relative_tolerance", "0.01"};

const Case kCases[] = {
    {"identical", "1 2 3\n", "1 2 3\n", {}, true},
    {"trailing whitespace ignored", "42\n", "42   \n\n\t", {}, true},
    {"no final newline", "42\n", "42", {}, true},
    {"leading whitespace ignored", "42\n", "\n  42\n", {}, true},
    {"line breaks are whitespace", "1 2\n3\n", "1\n2 3", {}, true},
    {"all whitespace kinds", "a b\n", "\fa\r\n\v\tb\r\n", {}, true},
    {"different token", "42\n", "43\n", {}, false},
    {"missing token", "1 2\n", "1\n", {}, false},
    {"extra token", "1\n", "1 2\n", {}, false},
    {"empty output", "1\n", "", {}, false},
    {"both empty", "", "\n", {}, true},
    {"case insensitive by default", "Yes\n", "YES\n", {}, true},
    {"case sensitive flag", "Yes\n", "YES\n", {"case_sensitive"}, false},
    {"case sensitive same", "Yes\n", "Yes\n", {"case_sensitive"}, true},
    {"prefix is not equal", "abc\n", "abcd\n", {}, false},
    {"longer answer token", "abcd\n", "abc\n", {}, false},
    {"space change sensitive same", "1 2\n", "1 2\n", {"space_change_sensitive"}, true},
    {"space change sensitive double space", "1 2\n", "1  2\n", {"space_change_sensitive"}, false},
    {"space change sensitive missing newline", "1 2\n", "1 2", {"space_change_sensitive"}, false},
    {"space change sensitive tab", "1 2\n", "1\t2\n", {"space_change_sensitive"}, false},
    {"space change sensitive leading", "1\n", " 1\n", {"space_change_sensitive"}, false},
    {"numbers compared as strings without tolerance", "1.0\n", "1\n", {}, false},
    {"tolerance: integer vs float", "1\n", "1.0000001\n", kTolerance, true},
    {"tolerance: too far", "1\n", "1.01\n", kTolerance, false},
    {"tolerance: exponent form", "1500\n", "1.5e3\n", kTolerance, true},
    {"tolerance: capital exponent and sign", "0.00015\n", "+1.5E-4\n", kTolerance, true},
    {"tolerance: trailing dot", "5\n", "5.\n", kTolerance, true},
    {"tolerance: leading dot", "0.5\n", ".5\n", kTolerance, true},
    {"tolerance: negative", "-2.5\n", "-2.5000000001\n", kTolerance, true},
    {"tolerance: nan is not a number", "1\n", "nan\n", kTolerance, false},
    {"tolerance: inf is not a number", "1e308\n", "inf\n", kTolerance, false},
    {"tolerance: hex float rejected", "8\n", "0x1p3\n", kTolerance, false},
    {"tolerance: exponent without digits", "100\n", "100e\n", kTolerance, false},
    {"tolerance: lone dot", "0\n", ".\n", kTolerance, false},
    {"tolerance: lone sign", "0\n", "-\n", kTolerance, false},
    {"tolerance: comma decimal", "0.5\n", "0,5\n", kTolerance, false},
    {"tolerance: underflow is zero", "0\n", "1e-4000\n", kTolerance, true},
    {"tolerance: overflow is far", "1\n", "1e4000\n", kTolerance, false},
    {"tolerance: NUL byte inside token", "1\n", "1\0"s + "\n", kTolerance, false},
    {"tolerance: many digits", "0.333333333333333333333333333333\n",
     "0.333333333333333333333333333333333333333333\n", kTolerance, true},
    {"tolerance: answer word compared as string", "impossible\n", "IMPOSSIBLE\n", kTolerance, true},
    {"tolerance: answer word vs number", "impossible\n", "0\n", kTolerance, false},
    {"tolerance: answer nan compared as string", "nan\n", "NaN\n", kTolerance, true},
    {"absolute tolerance inside", "10\n", "10.5\n", kAbsolute, true},
    {"absolute tolerance outside", "10\n", "10.6\n", kAbsolute, false},
    {"relative tolerance inside", "1000\n", "1009\n", kRelative, true},
    {"relative tolerance outside", "1000\n", "1011\n", kRelative, false},
    {"relative tolerance of zero answer", "0\n", "0.0001\n", kRelative, false},
    {"either tolerance passes",
     "1000\n",
     "1009\n",
     {"float_absolute_tolerance", "0.1", "float_relative_tolerance", "0.01"},
     true},
    {"NUL in string token", "ab\n", "a\0b\n"s, {}, false},
};

class DefaultValidatorTest : public ::testing::TestWithParam<Case> {};

TEST_P(DefaultValidatorTest, Compares) {
  const Case& test = GetParam();
  ValidatorVerdict verdict = Compare(test);
  EXPECT_EQ(verdict.accepted, test.accepted) << test.name << ": " << verdict.message;
  if (!verdict.accepted) {
    EXPECT_FALSE(verdict.message.empty()) << test.name;
  }
}

INSTANTIATE_TEST_SUITE_P(Table, DefaultValidatorTest, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           return "case" + std::to_string(info.index);
                         });

TEST(DefaultValidatorFlags, RejectsBadFlags) {
  EXPECT_FALSE(ParseDefaultValidatorFlags({"bogus"}));
  EXPECT_FALSE(ParseDefaultValidatorFlags({"float_tolerance"}));
  EXPECT_FALSE(ParseDefaultValidatorFlags({"float_tolerance", "x"}));
  EXPECT_FALSE(ParseDefaultValidatorFlags({"float_tolerance", "-1"}));
  EXPECT_FALSE(ParseDefaultValidatorFlags({"float_tolerance", "1", "float_tolerance", "1"}));
  EXPECT_FALSE(
      ParseDefaultValidatorFlags({"float_tolerance", "1", "float_relative_tolerance", "1"}));
  EXPECT_FALSE(ParseDefaultValidatorFlags(
      {"float_absolute_tolerance", "1", "float_absolute_tolerance", "2"}));
  auto both = ParseDefaultValidatorFlags(
      {"float_absolute_tolerance", "1", "float_relative_tolerance", "2", "case_sensitive"});
  ASSERT_TRUE(both);
  EXPECT_EQ(*both->absolute_tolerance, 1);
  EXPECT_EQ(*both->relative_tolerance, 2);
  EXPECT_TRUE(both->case_sensitive);
}

TEST(StrictFloat, Grammar) {
  for (const char* good : {"0", "-0", "+1", "1.", ".1", "1.5e10", "1E+3", "1e-4000", "007"}) {
    EXPECT_TRUE(IsStrictFloat(good)) << good;
  }
  for (const char* bad : {"", ".", "+", "e5", "1e", "1e+", "0x10", "inf", "nan", "1,5", "1.2.3",
                          " 1", "1 ", "--1", "1e5.5"}) {
    EXPECT_FALSE(IsStrictFloat(bad)) << bad;
  }
  EXPECT_EQ(*ParseStrictFloat("1e-4000"), 0.0);
  EXPECT_TRUE(std::isinf(*ParseStrictFloat("1e4000")));
}

TEST(DefaultValidator, MessageNamesTokenAndLine) {
  StringSource answer("1\n2\n3\n");
  StringSource output("1\n2\n4\n");
  ValidatorVerdict verdict = CompareWithAnswer(answer, output, {});
  EXPECT_FALSE(verdict.accepted);
  EXPECT_NE(verdict.message.find("token 3"), std::string::npos) << verdict.message;
  EXPECT_NE(verdict.message.find("line 3"), std::string::npos) << verdict.message;
}

// A huge output is streamed: a long run of tokens and a single giant token compare with
// memory bounded by the answer, and give the right verdict.
TEST(DefaultValidator, StreamsHugeOutputs) {
  std::string many;
  for (int i = 0; i < 200000; ++i) many += std::to_string(i) + "\n";
  StringSource answer(many);
  StringSource output(many);
  EXPECT_TRUE(CompareWithAnswer(answer, output, {}).accepted);

  StringSource short_answer("x\n");
  StringSource giant(std::string(50u << 20, 'x'));
  ValidatorVerdict verdict = CompareWithAnswer(short_answer, giant, {});
  EXPECT_FALSE(verdict.accepted);
  EXPECT_LT(verdict.message.size(), 300u);
}

}  // namespace
}  // namespace judge
