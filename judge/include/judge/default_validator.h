// The default output validator of the problem package format: token comparison,
// case-insensitive unless case_sensitive, space_change_sensitive, and float tolerances with
// the format's strict float grammar. It streams both files: memory use is bounded by the
// longest answer token, not by the size of the output.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "judge/feedback_code.h"
#include "koodikoe/result.h"

namespace judge {

using koodikoe::Result;

struct DefaultValidatorOptions {
  bool case_sensitive = false;
  bool space_change_sensitive = false;
  std::optional<double> absolute_tolerance;
  std::optional<double> relative_tolerance;
};

// Parses the validator flags ("float_tolerance 1e-6 case_sensitive"). Unknown flags and
// repeated or conflicting tolerances are errors (the package is wrong, not the submission).
Result<DefaultValidatorOptions> ParseDefaultValidatorFlags(const std::vector<std::string>& flags);

// True when `token` matches the float grammar of the format:
//   float = [+-]? ( digit* "." digit+ | digit+ "." | digit+ ) ( [Ee] [+-]? digit+ )?
bool IsStrictFloat(const std::string& token);
// Parses a token that IsStrictFloat accepts (overflow gives +-inf, underflow 0).
std::optional<double> ParseStrictFloat(const std::string& token);

struct ValidatorVerdict {
  bool accepted = false;
  std::string message;  // for wrong answers: where and what differed (short excerpts only)
  FeedbackCode code;    // the same as a code; `message` is FeedbackText(code)
};

// Something to read bytes from: a file descriptor or a string.
class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Next byte, or -1 at the end.
  int Get() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_++]);
  }
  int Peek() {
    if (pos_ == end_ && !Fill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
  }

 protected:
  // Refills buffer_ (pos_ = 0, end_ = bytes read); false at the end.
  virtual bool Fill() = 0;
  char buffer_[64 * 1024];
  size_t pos_ = 0;
  size_t end_ = 0;
};

class FdSource : public ByteSource {
 public:
  explicit FdSource(int fd) : fd_(fd) {}
  bool failed() const { return failed_; }

 protected:
  bool Fill() override;

 private:
  int fd_;
  bool failed_ = false;
};

class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string data) : data_(std::move(data)) {}

 protected:
  bool Fill() override;

 private:
  std::string data_;
  size_t offset_ = 0;
};

// Compares a program's output with the answer.
ValidatorVerdict CompareWithAnswer(ByteSource& answer, ByteSource& output,
                                   const DefaultValidatorOptions& options);

// The same on files (host paths). An unreadable file is an Error.
Result<ValidatorVerdict> CompareFiles(const std::string& answer_path,
                                      const std::string& output_path,
                                      const DefaultValidatorOptions& options);

}  // namespace judge
