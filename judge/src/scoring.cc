#include "scoring.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace judge {

namespace {

constexpr double kEpsilon = 1e-9;

struct LegacyNode {
  bool ran = false;
  Verdict verdict = Verdict::kAccepted;
  double score = 0;
  double max_score = 0;
};

double Aggregate(Aggregation mode, const std::vector<double>& values) {
  if (values.empty()) return 0;
  switch (mode) {
    case Aggregation::kMin:
      return *std::min_element(values.begin(), values.end());
    case Aggregation::kMax:
      return *std::max_element(values.begin(), values.end());
    case Aggregation::kAvg: {
      double sum = 0;
      for (double value : values) sum += value;
      return sum / static_cast<double>(values.size());
    }
    case Aggregation::kSum:
    case Aggregation::kPassFail: {
      double sum = 0;
      for (double value : values) sum += value;
      return sum;
    }
  }
  return 0;
}

LegacyNode ScoreLegacyGroup(const Package& package, const TestGroup& group, bool is_root,
                            std::vector<CaseOutcome>& outcomes) {
  const GroupSettings& settings = group.settings;
  std::vector<LegacyNode> children;
  for (int index : group.cases) {
    CaseOutcome& outcome = outcomes[static_cast<size_t>(index)];
    const std::optional<double>& points = package.cases[static_cast<size_t>(index)].points;
    LegacyNode node;
    node.ran = outcome.ran;
    node.max_score = points.value_or(settings.accept_score);
    if (outcome.ran) {
      node.verdict = outcome.result.verdict;
      // A multiplier (an iot simulator's 0..1) scales what the test is worth.
      double full =
          outcome.score_multiplier ? *outcome.score_multiplier * node.max_score : node.max_score;
      node.score = node.verdict == Verdict::kAccepted ? outcome.score_file.value_or(full)
                                                      : (points ? 0 : settings.reject_score);
      outcome.result.score = node.score;
    }
    children.push_back(node);
  }
  for (const TestGroup& child : group.groups) {
    if (is_root && settings.ignore_sample && child.name == "sample") continue;
    children.push_back(ScoreLegacyGroup(package, child, false, outcomes));
  }

  LegacyNode result;
  std::vector<double> scores, maxima;
  bool all_accepted = true, any_accepted = false;
  std::optional<Verdict> first_error, worst_error;
  for (const LegacyNode& child : children) {
    maxima.push_back(child.max_score);
    if (!child.ran) continue;
    result.ran = true;
    scores.push_back(child.score);
    if (child.verdict == Verdict::kAccepted) {
      any_accepted = true;
      continue;
    }
    all_accepted = false;
    if (!first_error) first_error = child.verdict;
    if (!worst_error || Severity(child.verdict) < Severity(*worst_error)) {
      worst_error = child.verdict;
    }
  }
  if (all_accepted || (settings.accept_if_any_accepted && any_accepted) ||
      settings.verdict_mode == VerdictMode::kAlwaysAccept) {
    result.verdict = Verdict::kAccepted;
  } else {
    result.verdict =
        settings.verdict_mode == VerdictMode::kFirstError ? *first_error : *worst_error;
  }
  result.score = Aggregate(settings.legacy_aggregation, scores);
  result.max_score = Aggregate(settings.legacy_aggregation, maxima);
  result.score = std::clamp(result.score, std::min(settings.range_low, settings.range_high),
                            settings.range_high);
  if (std::isfinite(settings.range_high)) {
    result.max_score = std::min(result.max_score, settings.range_high);
  }
  return result;
}

class ModernScorer {
 public:
  ModernScorer(const Package& package, std::vector<CaseOutcome>& outcomes)
      : package_(package), outcomes_(outcomes) {}

  // Score of a group whose maximum is `max_score` (nullopt = unbounded).
  double Group(const TestGroup& group) {
    const GroupSettings& settings = group.settings;
    const std::optional<double>& max_score = settings.max_score;
    std::vector<double> scores;
    if (!group.groups.empty()) {
      for (const TestGroup& child : group.groups) scores.push_back(Group(child));
    } else {
      std::optional<double> case_max = max_score;
      if (settings.aggregation == Aggregation::kSum && max_score && !group.cases.empty()) {
        case_max = *max_score / static_cast<double>(group.cases.size());
      }
      for (int index : group.cases) {
        // Points of their own (service scenarios, per-case yaml) replace the even split.
        const std::optional<double>& points = package_.cases[static_cast<size_t>(index)].points;
        scores.push_back(Case(outcomes_[static_cast<size_t>(index)], points ? points : case_max,
                              settings.aggregation));
      }
    }
    double score = 0;
    if (settings.aggregation == Aggregation::kPassFail) {
      if (!max_score) Fail("data/" + group.name + ": pass-fail aggregation needs a max_score");
      score = AllAccepted(group) ? max_score.value_or(0) : 0;
    } else {
      score = Aggregate(settings.aggregation, scores);
    }
    for (const std::string& required : settings.require_pass) {
      const TestGroup* other = package_.FindGroup(required);
      if (other == nullptr) {
        Fail("data/" + group.name + ": require_pass names unknown group '" + required + "'");
      } else if (!AllAccepted(*other)) {
        score = 0;
      }
    }
    if (max_score && score > *max_score + kEpsilon) {
      Fail("data/" + group.name + ": score " + std::to_string(score) + " exceeds max_score");
    }
    return score;
  }

  const std::string& error() const { return error_; }

 private:
  double Case(CaseOutcome& outcome, const std::optional<double>& case_max,
              Aggregation aggregation) {
    double score = 0;
    if (outcome.ran && outcome.result.verdict == Verdict::kAccepted) {
      if ((outcome.score_file || outcome.score_multiplier) &&
          aggregation == Aggregation::kPassFail) {
        Fail(outcome.result.name + ": the validator gave a score in a pass-fail group");
      } else if (outcome.score_file) {
        score = *outcome.score_file;
        if (case_max && score > *case_max + kEpsilon) {
          Fail(outcome.result.name + ": score.txt exceeds the test's maximum score");
        }
      } else if (outcome.score_multiplier) {
        if (!case_max) Fail(outcome.result.name + ": score_multiplier.txt in an unbounded group");
        score = *outcome.score_multiplier * case_max.value_or(0);
      } else if (case_max) {
        score = *case_max;
      } else if (aggregation != Aggregation::kPassFail) {
        Fail(outcome.result.name + ": an unbounded group needs score.txt from the validator");
      }
    }
    outcome.result.score = score;
    return score;
  }

  bool AllAccepted(const TestGroup& group) const {
    for (int index : group.cases) {
      const CaseOutcome& outcome = outcomes_[static_cast<size_t>(index)];
      if (!outcome.ran || outcome.result.verdict != Verdict::kAccepted) return false;
    }
    for (const TestGroup& child : group.groups) {
      if (!AllAccepted(child)) return false;
    }
    return true;
  }

  void Fail(const std::string& why) {
    if (error_.empty()) error_ = why;
  }

  const Package& package_;
  std::vector<CaseOutcome>& outcomes_;
  std::string error_;
};

// Verdict over every test that ran, in test order: the first failure, judging errors first.
Verdict FirstFailure(const std::vector<CaseOutcome>& outcomes) {
  std::optional<Verdict> first;
  for (const CaseOutcome& outcome : outcomes) {
    if (!outcome.ran) continue;
    if (outcome.result.verdict == Verdict::kJudgingError) return Verdict::kJudgingError;
    if (outcome.result.verdict != Verdict::kAccepted && !first) first = outcome.result.verdict;
  }
  return first.value_or(Verdict::kAccepted);
}

}  // namespace

int Severity(Verdict verdict) {
  switch (verdict) {
    case Verdict::kJudgingError:
      return 0;
    case Verdict::kCompileError:
      return 1;
    case Verdict::kRunTimeError:
      return 2;
    case Verdict::kMemoryLimit:
      return 3;
    case Verdict::kTimeLimit:
      return 4;
    case Verdict::kOutputLimit:
      return 5;
    case Verdict::kWrongAnswer:
      return 6;
    case Verdict::kAccepted:
      return 7;
  }
  return 0;
}

ScoreSummary ScoreOutcomes(const Package& package, std::vector<CaseOutcome>& outcomes) {
  ScoreSummary summary;
  summary.verdict = FirstFailure(outcomes);
  bool any_ran = false;
  for (const CaseOutcome& outcome : outcomes) any_ran = any_ran || outcome.ran;
  if (!any_ran) {
    summary.verdict = Verdict::kJudgingError;
    summary.error = "no test was run";
    return summary;
  }
  if (!package.scoring) {
    // A solved problem is worth its points (1, or a DOMjudge package's points).
    for (CaseOutcome& outcome : outcomes) {
      outcome.result.score = outcome.ran && outcome.result.verdict == Verdict::kAccepted ? 1 : 0;
    }
    summary.max_score = package.points;
    summary.score = summary.verdict == Verdict::kAccepted ? package.points : 0;
    return summary;
  }
  if (package.LegacyGrading()) {
    LegacyNode root = ScoreLegacyGroup(package, package.root, /*is_root=*/true, outcomes);
    if (summary.verdict != Verdict::kJudgingError) summary.verdict = root.verdict;
    summary.score = root.score;
    summary.max_score = root.max_score;
    return summary;
  }
  const TestGroup* secret =
      package.FindGroup(package.kind == ExerciseKind::kService ? "scenarios" : "secret");
  if (secret == nullptr) {
    summary.max_score = 0;
    return summary;
  }
  ModernScorer scorer(package, outcomes);
  summary.score = scorer.Group(*secret);
  summary.max_score = secret->settings.max_score.value_or(summary.score);
  for (CaseOutcome& outcome : outcomes) {
    if (outcome.result.group == "sample") outcome.result.score = 0;  // samples never score
  }
  if (!scorer.error().empty()) {
    summary.verdict = Verdict::kJudgingError;
    summary.error = scorer.error();
  }
  return summary;
}

}  // namespace judge
