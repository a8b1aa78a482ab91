// Runs the tests of one evaluation over the sandbox's boxes: each test is a CaseRun whose
// steps (one box, or two joined ones) are started as boxes free up, tests later in the order
// cancelled when a failure makes them pointless, and progress reported in test order.
#pragma once

#include <deque>
#include <map>
#include <memory>
#include <set>
#include <vector>

#include "judge/judge.h"
#include "judge/package.h"
#include "runner/sandbox.h"
#include "test_run.h"

namespace judge {

// Which later cases a failure makes pointless to run.
class StopPolicy {
 public:
  StopPolicy(const Package& package, bool run_all);
  // Cases (indices) to cancel after case `failed` failed.
  std::set<int> AfterFailure(int failed) const;

 private:
  const Package& package_;
  const bool run_all_;
  std::vector<std::vector<const TestGroup*>> groups_of_;  // per case: data/ down to its group
};

class TestScheduler {
 public:
  // At most `max_boxes` boxes at once (at least the boxes one step needs).
  TestScheduler(runner::Sandbox& sandbox, const Package& package, const RunContext& context,
                int max_boxes, bool run_all_tests, const ProgressFn& progress);

  // Runs the `selected` cases; the outcomes are indexed like Package::cases.
  Result<std::vector<CaseOutcome>> Run(const std::vector<int>& selected);

 private:
  struct Active {
    std::unique_ptr<CaseRun> run;
    std::vector<int> boxes;  // box ids of the current step
    int pending = 0;         // boxes of the step not yet finished
  };

  Result<void> StartStep(int index, std::vector<runner::RunSpec> specs);
  // Asks a run for its next step; starts it now, queues it, or records the finished test.
  Result<void> Advance(int index);
  void Finished(int index, CaseOutcome outcome);
  // Steps of tests already running first, then new tests, while boxes are free.
  Result<void> StartWhatFits();
  Result<void> AfterBox(int box, const runner::Outcome& outcome);
  void ReportInOrder();

  runner::Sandbox& sandbox_;
  const Package& package_;
  const RunContext& context_;
  const StopPolicy policy_;
  const ProgressFn& progress_;
  const bool service_;
  const int boxes_per_test_;
  const int max_boxes_;

  std::vector<int> selected_;
  std::vector<CaseOutcome> outcomes_;
  std::map<int, Active> active_;                  // by case index
  std::map<int, std::pair<int, int>> box_owner_;  // box id -> (case index, member)
  std::deque<int> waiting_;                       // cases whose next step waits for boxes
  std::map<int, std::vector<runner::RunSpec>> waiting_specs_;
  std::set<int> cancelled_, finished_;
  size_t next_ = 0, reported_ = 0;
  int running_boxes_ = 0;
};

}  // namespace judge
