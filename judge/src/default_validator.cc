#include "judge/default_validator.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "koodikoe/try.h"
#include "koodikoe/unique_fd.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

bool FdSource::Fill() {
  if (failed_) return false;
  ssize_t n;
  do {
    n = ::read(fd_, buffer_, sizeof buffer_);
  } while (n < 0 && errno == EINTR);
  if (n < 0) failed_ = true;
  if (n <= 0) return false;
  pos_ = 0;
  end_ = static_cast<size_t>(n);
  return true;
}

bool StringSource::Fill() {
  if (offset_ >= data_.size()) return false;
  size_t n = std::min(sizeof buffer_, data_.size() - offset_);
  std::memcpy(buffer_, data_.data() + offset_, n);
  offset_ += n;
  pos_ = 0;
  end_ = n;
  return true;
}

namespace {

// The format's whitespace: space, form feed, line feed, carriage return, tabs.
bool IsSpace(int c) {
  return c == ' ' || c == '\f' || c == '\n' || c == '\r' || c == '\t' || c == '\v';
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A short excerpt of a token for notes: its first bytes, "..." when some were left out.
// FeedbackText quotes it and shows non-printable bytes as \xNN.
std::string Excerpt(const std::string& token, bool truncated = false) {
  constexpr size_t kMaxShown = 40;
  std::string shown = token.substr(0, kMaxShown);
  if (token.size() > kMaxShown || truncated) shown += "...";
  return shown;
}

// Reads alternating whitespace runs and tokens from a source, counting lines.
class Tokenizer {
 public:
  explicit Tokenizer(ByteSource& source) : source_(source) {}

  // Reads the whitespace run at the current position. When `run` is given it gets at most
  // `max_keep` bytes of it; the rest is skipped.
  void ReadSpace(std::string* run = nullptr, size_t max_keep = 0) {
    if (run) run->clear();
    while (IsSpace(source_.Peek())) {
      int c = source_.Get();
      if (c == '\n') ++line_;
      if (run && run->size() < max_keep) run->push_back(static_cast<char>(c));
    }
  }

  // Reads the token at the current position (after ReadSpace). Returns false at the end.
  // Keeps at most `max_keep` bytes; `truncated` tells whether more were skipped.
  bool ReadToken(std::string& token, size_t max_keep, bool& truncated) {
    token.clear();
    truncated = false;
    if (source_.Peek() < 0) return false;
    ++count_;
    token_line_ = line_;
    while (true) {
      int c = source_.Peek();
      if (c < 0 || IsSpace(c)) break;
      source_.Get();
      if (token.size() < max_keep) {
        token.push_back(static_cast<char>(c));
      } else {
        truncated = true;
      }
    }
    return true;
  }

  int64_t count() const { return count_; }
  int64_t token_line() const { return token_line_; }
  int64_t line() const { return line_; }

 private:
  ByteSource& source_;
  int64_t line_ = 1;
  int64_t count_ = 0;
  int64_t token_line_ = 1;
};

bool TokensEqual(const std::string& answer, const std::string& output, bool case_sensitive) {
  if (answer.size() != output.size()) return false;
  if (case_sensitive) return answer == output;
  for (size_t i = 0; i < answer.size(); ++i) {
    if (Lower(answer[i]) != Lower(output[i])) return false;
  }
  return true;
}

// A difference at the output's current token.
FeedbackCode AtToken(std::string code, const Tokenizer& output) {
  FeedbackCode feedback{std::move(code), {}};
  feedback.Set("n", output.count()).Set("line", output.token_line());
  return feedback;
}

ValidatorVerdict Reject(FeedbackCode code) {
  std::string message = FeedbackText(code);
  return ValidatorVerdict{false, std::move(message), std::move(code)};
}

// Compares one answer token with one output token under the options.
std::optional<FeedbackCode> CompareTokens(const std::string& answer, const std::string& output,
                                          bool output_truncated, const Tokenizer& where,
                                          const DefaultValidatorOptions& options) {
  auto differs = [&](const char* code) {
    FeedbackCode feedback = AtToken(code, where);
    feedback.Set("expected", Excerpt(answer)).Set("got", Excerpt(output, output_truncated));
    return feedback;
  };
  bool tolerant = options.absolute_tolerance || options.relative_tolerance;
  if (tolerant && IsStrictFloat(answer)) {
    if (output_truncated || !IsStrictFloat(output)) return differs("number_expected");
    double expected = *ParseStrictFloat(answer);
    double got = *ParseStrictFloat(output);
    if (got == expected) return std::nullopt;
    double difference = std::fabs(got - expected);
    bool within = (options.absolute_tolerance && difference <= *options.absolute_tolerance) ||
                  (options.relative_tolerance &&
                   difference <= *options.relative_tolerance * std::fabs(expected));
    if (within) return std::nullopt;
    return differs("number_differs").Set("difference", difference);
  }
  if (output_truncated || !TokensEqual(answer, output, options.case_sensitive)) {
    return differs("token_differs");
  }
  return std::nullopt;
}

}  // namespace

bool IsStrictFloat(const std::string& token) {
  size_t i = 0;
  const size_t n = token.size();
  if (i < n && (token[i] == '+' || token[i] == '-')) ++i;
  size_t integer_digits = 0;
  while (i < n && IsDigit(token[i])) ++i, ++integer_digits;
  size_t fraction_digits = 0;
  if (i < n && token[i] == '.') {
    ++i;
    while (i < n && IsDigit(token[i])) ++i, ++fraction_digits;
  }
  if (integer_digits == 0 && fraction_digits == 0) return false;
  if (i < n && (token[i] == 'e' || token[i] == 'E')) {
    ++i;
    if (i < n && (token[i] == '+' || token[i] == '-')) ++i;
    size_t exponent_digits = 0;
    while (i < n && IsDigit(token[i])) ++i, ++exponent_digits;
    if (exponent_digits == 0) return false;
  }
  return i == n;
}

std::optional<double> ParseStrictFloat(const std::string& token) {
  if (!IsStrictFloat(token)) return std::nullopt;
  // The grammar is a subset of what strtod reads, so strtod gives the closest double;
  // out-of-range values become +-inf or 0, which compare correctly with tolerances.
  errno = 0;
  return std::strtod(token.c_str(), nullptr);
}

Result<DefaultValidatorOptions> ParseDefaultValidatorFlags(const std::vector<std::string>& flags) {
  DefaultValidatorOptions options;
  int tolerance_flags[3] = {0, 0, 0};  // float_tolerance, absolute, relative
  auto read_tolerance = [&](size_t& i) -> Result<double> {
    if (i + 1 >= flags.size()) {
      return Fail(ErrorCode::kInvalidArgument, flags[i] + " needs a number after it");
    }
    const std::string& text = flags[++i];
    char* end = nullptr;
    double value = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(value >= 0) || std::isinf(value)) {
      return Fail(ErrorCode::kInvalidArgument,
                  flags[i - 1] + " must be a non-negative number, not '" + text + "'");
    }
    return value;
  };
  for (size_t i = 0; i < flags.size(); ++i) {
    const std::string& flag = flags[i];
    if (flag == "case_sensitive") {
      options.case_sensitive = true;
    } else if (flag == "space_change_sensitive") {
      options.space_change_sensitive = true;
    } else if (flag == "float_tolerance" || flag == "float_absolute_tolerance" ||
               flag == "float_relative_tolerance") {
      KOODIKOE_TRY(auto value, read_tolerance(i));
      int& seen = flag == "float_tolerance"            ? tolerance_flags[0]
                  : flag == "float_absolute_tolerance" ? tolerance_flags[1]
                                                       : tolerance_flags[2];
      ++seen;
      if (flag != "float_relative_tolerance") options.absolute_tolerance = value;
      if (flag != "float_absolute_tolerance") options.relative_tolerance = value;
    } else {
      return Fail(ErrorCode::kInvalidArgument,
                  "unknown flag '" + flag +
                      "' for the default output validator (known: case_sensitive, "
                      "space_change_sensitive, float_tolerance, float_absolute_tolerance, "
                      "float_relative_tolerance)");
    }
  }
  bool repeated = tolerance_flags[0] > 1 || tolerance_flags[1] > 1 || tolerance_flags[2] > 1;
  bool mixed = tolerance_flags[0] > 0 && (tolerance_flags[1] > 0 || tolerance_flags[2] > 0);
  if (repeated || mixed) {
    return Fail(ErrorCode::kInvalidArgument,
                "validator flags give a float tolerance more than once, or float_tolerance "
                "together with float_absolute_tolerance or float_relative_tolerance");
  }
  return options;
}

ValidatorVerdict CompareWithAnswer(ByteSource& answer_source, ByteSource& output_source,
                                   const DefaultValidatorOptions& options) {
  Tokenizer answer(answer_source);
  Tokenizer output(output_source);
  std::string answer_token, output_token, answer_space, output_space;
  bool tolerant = options.absolute_tolerance || options.relative_tolerance;
  while (true) {
    if (options.space_change_sensitive) {
      answer.ReadSpace(&answer_space, SIZE_MAX);
      output.ReadSpace(&output_space, answer_space.size() + 1);
      if (answer_space != output_space) {
        FeedbackCode feedback{"whitespace_differs", {}};
        feedback.Set("n", output.count() + 1).Set("line", output.line());
        return Reject(std::move(
            feedback.Set("expected", Excerpt(answer_space)).Set("got", Excerpt(output_space))));
      }
    } else {
      answer.ReadSpace();
      output.ReadSpace();
    }
    bool ignored = false;
    bool has_answer = answer.ReadToken(answer_token, SIZE_MAX, ignored);
    // Only as much of the output token is kept as could still match: memory stays bounded
    // by the answer, however long the output's tokens are.
    size_t keep = answer_token.size() + 1;
    if (tolerant) keep = std::max<size_t>(keep, 1 << 16);
    bool truncated = false;
    bool has_output = output.ReadToken(output_token, keep, truncated);
    if (!has_answer && !has_output) return ValidatorVerdict{true, "", {}};
    if (!has_answer) {
      return Reject(
          std::move(AtToken("extra_output", output).Set("got", Excerpt(output_token, truncated))));
    }
    if (!has_output) {
      FeedbackCode feedback{"output_ended", {}};
      return Reject(
          std::move(feedback.Set("n", output.count()).Set("expected", Excerpt(answer_token))));
    }
    if (auto difference = CompareTokens(answer_token, output_token, truncated, output, options)) {
      return Reject(std::move(*difference));
    }
  }
}

Result<ValidatorVerdict> CompareFiles(const std::string& answer_path,
                                      const std::string& output_path,
                                      const DefaultValidatorOptions& options) {
  koodikoe::UniqueFd answer_fd(::open(answer_path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!answer_fd.ok()) return koodikoe::FailErrno("open answer " + answer_path);
  koodikoe::UniqueFd output_fd(::open(output_path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (!output_fd.ok()) return koodikoe::FailErrno("open output " + output_path);
  FdSource answer(answer_fd.fd());
  FdSource output(output_fd.fd());
  ValidatorVerdict verdict = CompareWithAnswer(answer, output, options);
  if (answer.failed() || output.failed()) {
    return koodikoe::FailErrno("read " + (answer.failed() ? answer_path : output_path));
  }
  return verdict;
}

}  // namespace judge
