// Fuzzes the default output validator: the first byte picks the options, the rest is the
// answer and the program's output separated by the first NUL byte (later NULs stay: the
// format's edge cases include NUL bytes in output). Also the strict float grammar and the
// flag parser on the same bytes.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "judge/default_validator.h"
#include "judge/package.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const uint8_t mode = data[0];
  std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  size_t split = rest.find('\0');
  std::string answer = split == std::string::npos ? rest : rest.substr(0, split);
  std::string output = split == std::string::npos ? "" : rest.substr(split + 1);

  judge::DefaultValidatorOptions options;
  options.case_sensitive = mode & 1;
  options.space_change_sensitive = mode & 2;
  if (mode & 4) options.absolute_tolerance = 1e-6;
  if (mode & 8) options.relative_tolerance = 1e-9;
  if (mode & 16) options.absolute_tolerance = 0;
  judge::StringSource answer_source(answer), output_source(output);
  judge::ValidatorVerdict verdict = judge::CompareWithAnswer(answer_source, output_source, options);

  // Identical texts are always accepted (the validator must agree with itself).
  judge::StringSource same_a(answer), same_b(answer);
  if (!judge::CompareWithAnswer(same_a, same_b, options).accepted) std::abort();
  (void)verdict;

  if (judge::IsStrictFloat(answer)) {
    auto value = judge::ParseStrictFloat(answer);
    if (!value || std::isnan(*value)) std::abort();  // the grammar has no NaN
  }
  (void)judge::ParseDefaultValidatorFlags(judge::SplitFlags(output));
  return 0;
}
