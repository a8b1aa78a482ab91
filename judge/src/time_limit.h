// Time limits derived from a package's accepted submissions when it gives none, as the
// Kattis tools do: legacy packages multiply the slowest accepted time by time_multiplier (5)
// and round to whole seconds; newer ones take the smallest multiple of time_resolution at
// least ac_to_time_limit (2) times it. Derived limits are cached per package contents.
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
  double slowest_accepted = 0;  // seconds of CPU, over all accepted submissions and tests
  std::string explanation;      // how the limit was reached
  std::vector<std::string> warnings;
};

// The limit for a slowest accepted time, by the package's format rules.
double TimeLimitFromSlowest(const Package& package, double slowest_seconds);

std::optional<double> CachedTimeLimit(Evaluator& evaluator, const Package& package);

// Runs the accepted submissions (those in installed languages) with a generous limit and
// derives the time limit from the slowest. Stores it in the cache.
Result<TimeLimitDerivation> DeriveTimeLimit(Evaluator& evaluator, const Package& package,
                                            const std::vector<std::string>& notes);

}  // namespace judge
