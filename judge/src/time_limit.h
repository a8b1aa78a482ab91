// Time limits inferred from a package's submissions when it gives none, as the format says:
// every submission expected accepted (its folder, tags or submissions.yaml; or
// `use_for_time_limit: lower`) bounds the limit from below: legacy packages multiply the
// slowest such time by time_multiplier (5) and round to whole seconds, newer ones take the
// smallest multiple of time_resolution at least ac_to_time_limit (2) times it. Every
// submission that must be too slow (time_limit_exceeded/, `required: [TLE]`,
// `use_for_time_limit: upper`) must then still be too slow at the limit times
// time_limit_to_tle (legacy time_safety_margin); one that is not is a warning. Inferred limits
// are cached per package contents.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "judge/package.h"
#include "koodikoe/result.h"

namespace judge {

class Evaluator;

struct TimeLimitDerivation {
  double time_limit = 0;
  double slowest_accepted = 0;  // seconds of CPU, over the lower-bound submissions and tests
  std::string explanation;      // how the limit was reached
  std::vector<std::string> warnings;
};

// The limit for a slowest accepted time, by the package's format rules.
double TimeLimitFromSlowest(const Package& package, double slowest_seconds);

std::optional<double> CachedTimeLimit(Evaluator& evaluator, const Package& package);

// Runs the lower-bound submissions (those in installed languages) with a generous limit,
// derives the time limit from the slowest, and checks it against the upper-bound ones. Stores
// it in the cache.
Result<TimeLimitDerivation> DeriveTimeLimit(Evaluator& evaluator, const Package& package,
                                            const std::vector<std::string>& notes);

}  // namespace judge
