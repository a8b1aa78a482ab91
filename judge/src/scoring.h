// Turning per-test outcomes into the submission's verdict and score: pass-fail problems,
// legacy testdata.yaml graders (accept_score, reject_score, range, grader_flags) and the
// 2025-09 rules (max_score, score_aggregation, require_pass, score.txt, score_multiplier.txt).
#pragma once

#include <string>
#include <vector>

#include "judge/package.h"
#include "test_run.h"

namespace judge {

struct ScoreSummary {
  Verdict verdict = Verdict::kJudgingError;
  double score = 0;
  double max_score = 0;
  std::string error;  // why the result is a judging error, if it is one
};

// `outcomes` is indexed like package.cases; cases that did not run have ran == false.
// Sets each outcome's result.score.
ScoreSummary ScoreOutcomes(const Package& package, std::vector<CaseOutcome>& outcomes);

// Worst-first order of the legacy default grader: JE, RTE, MLE, TLE, OLE, WA.
int Severity(Verdict verdict);

}  // namespace judge
