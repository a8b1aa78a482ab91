// `koodikoe exercise check`: validates packages end to end.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "evaluator.h"

namespace judge {

struct CheckOptions {
  int jobs = 0;
  bool verbose = false;
};

struct CheckTotals {
  int matched = 0;
  int mismatched = 0;
  int skipped = 0;
  int errors = 0;  // package or validator problems
};

// Checks one package, printing a report to `out`. Adds to `totals`.
void CheckPackage(Evaluator& evaluator, const std::string& package_dir, const CheckOptions& options,
                  std::ostream& out, CheckTotals& totals);

// Does a report meet what a sample submission's folder and tags expect? If not, `why`.
bool MeetsExpectation(const Expectation& expected, const Evaluation& evaluation, std::string& why);

}  // namespace judge
