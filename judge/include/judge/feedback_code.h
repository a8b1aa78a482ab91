// A note of the default output validator or of a service's scenario as a code with
// parameters, so that the platform can word it in the user's language. The English note of a
// report ("feedback") is made from the same value by FeedbackText, in one place, so the two
// cannot drift; custom validators' notes are free text and carry no code.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace judge {

using FeedbackValue = std::variant<int64_t, double, std::string>;

struct FeedbackCode {
  std::string code;                                           // "" = none
  std::vector<std::pair<std::string, FeedbackValue>> params;  // in the order they were set

  // Sets a parameter (replacing one of the same name): integers, numbers or text.
  template <typename T>
  FeedbackCode& Set(const std::string& name, T value) {
    if constexpr (std::is_integral_v<T>) {
      return Put(name, static_cast<int64_t>(value));
    } else if constexpr (std::is_floating_point_v<T>) {
      return Put(name, static_cast<double>(value));
    } else {
      return Put(name, std::string(std::move(value)));
    }
  }
  FeedbackCode& Set(const std::string& name, FeedbackValue value) {
    return Put(name, std::move(value));
  }
  const FeedbackValue* Find(std::string_view name) const;
  bool Has(std::string_view name) const { return Find(name) != nullptr; }
  // A parameter as text (numbers as written in notes); "" when absent.
  std::string Text(std::string_view name) const;
  bool empty() const { return code.empty(); }
  bool operator==(const FeedbackCode&) const = default;

 private:
  FeedbackCode& Put(const std::string& name, FeedbackValue value);
};

// Every code the judge writes, one list: the platform words each of them
// (web/ui/src/lib/feedback-codes.ts), and a test checks that the two lists agree.
const std::vector<std::string_view>& FeedbackCodes();

// The English note, worded as the report has always worded it: the command line, package
// tests (submissions.yaml messages) and older platforms read it. "" for an unknown code.
std::string FeedbackText(const FeedbackCode& feedback);

}  // namespace judge
