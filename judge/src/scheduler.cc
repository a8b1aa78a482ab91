#include "scheduler.h"

#include <algorithm>

#include "koodikoe/try.h"
#include "service_run.h"

namespace judge {

namespace {

// Where each case sits in the group tree, innermost group last.
void MapGroups(const TestGroup& group, std::vector<const TestGroup*>& path,
               std::vector<std::vector<const TestGroup*>>& by_case) {
  path.push_back(&group);
  for (int index : group.cases) by_case[static_cast<size_t>(index)] = path;
  for (const TestGroup& child : group.groups) MapGroups(child, path, by_case);
  path.pop_back();
}

void CollectCases(const TestGroup& group, std::set<int>& cases) {
  cases.insert(group.cases.begin(), group.cases.end());
  for (const TestGroup& child : group.groups) CollectCases(child, cases);
}

}  // namespace

StopPolicy::StopPolicy(const Package& package, bool run_all)
    : package_(package), run_all_(run_all) {
  std::vector<const TestGroup*> path;
  groups_of_.resize(package.cases.size());
  MapGroups(package.root, path, groups_of_);
}

std::set<int> StopPolicy::AfterFailure(int failed) const {
  std::set<int> cancel;
  if (run_all_) return cancel;
  const TestCase& test = package_.cases[static_cast<size_t>(failed)];
  if (!package_.scoring) {
    // Pass-fail: the verdict is decided; samples still all run for their feedback.
    if (test.is_sample) return cancel;
    for (size_t i = static_cast<size_t>(failed) + 1; i < package_.cases.size(); ++i) {
      if (!package_.cases[i].is_sample) cancel.insert(static_cast<int>(i));
    }
    return cancel;
  }
  const auto& path = groups_of_[static_cast<size_t>(failed)];
  // path[0] is data/, path[1] sample or secret, then groups. Never cross sample/secret.
  for (size_t level = path.size(); level-- > 1;) {
    const TestGroup& group = *path[level];
    bool stops = package_.LegacyGrading() ? group.settings.break_on_reject
                                          : group.settings.aggregation == Aggregation::kPassFail;
    if (!stops) break;
    std::set<int> members;
    CollectCases(group, members);
    for (int index : members) {
      if (index > failed) cancel.insert(index);
    }
    if (!package_.LegacyGrading() || group.settings.accept_if_any_accepted ||
        group.settings.verdict_mode == VerdictMode::kAlwaysAccept) {
      break;  // the group's own result may still be accepted: its parent goes on
    }
  }
  return cancel;
}

TestScheduler::TestScheduler(runner::Sandbox& sandbox, const Package& package,
                             const RunContext& context, int max_boxes, bool run_all_tests,
                             const ProgressFn& progress)
    : sandbox_(sandbox),
      package_(package),
      context_(context),
      policy_(package, run_all_tests),
      progress_(progress),
      service_(package.kind == ExerciseKind::kService),
      boxes_per_test_(package.interactive || service_ ? 2 : 1),
      max_boxes_(std::max(max_boxes, boxes_per_test_)) {}

Result<void> TestScheduler::StartStep(int index, std::vector<runner::RunSpec> specs) {
  Active& entry = active_[index];
  entry.boxes.clear();
  for (size_t member = 0; member < specs.size(); ++member) {
    if (int host = entry.run->NetworkHost(member); host >= 0) {
      specs[member].join_network_of = entry.boxes[static_cast<size_t>(host)];
    }
    auto id = sandbox_.Start(specs[member]);
    if (!id) {
      for (int started : entry.boxes) sandbox_.Kill(started);
      return tl::unexpected(id.error());
    }
    entry.boxes.push_back(*id);
    box_owner_[*id] = {index, static_cast<int>(member)};
    ++running_boxes_;
  }
  entry.pending = static_cast<int>(specs.size());
  entry.run->Started();
  return {};
}

void TestScheduler::Finished(int index, CaseOutcome outcome) {
  active_.erase(index);
  finished_.insert(index);
  if (cancelled_.count(index)) return;
  bool failed = outcome.result.verdict != Verdict::kAccepted;
  outcomes_[static_cast<size_t>(index)] = std::move(outcome);
  if (!failed) return;
  for (int victim : policy_.AfterFailure(index)) {
    if (!cancelled_.insert(victim).second) continue;
    auto running = active_.find(victim);
    if (running == active_.end()) continue;
    for (int box : running->second.boxes) sandbox_.Kill(box);
  }
}

Result<void> TestScheduler::Advance(int index) {
  Active& entry = active_[index];
  KOODIKOE_TRY(auto specs, entry.run->NextStep());
  if (entry.run->finished()) {
    Finished(index, entry.run->TakeOutcome());
    return {};
  }
  if (running_boxes_ + static_cast<int>(specs.size()) <= max_boxes_) {
    return StartStep(index, std::move(specs));
  }
  waiting_.push_back(index);
  waiting_specs_[index] = std::move(specs);
  return {};
}

Result<void> TestScheduler::StartWhatFits() {
  while (!waiting_.empty()) {
    int index = waiting_.front();
    if (cancelled_.count(index)) {
      waiting_.pop_front();
      waiting_specs_.erase(index);
      active_.erase(index);
      finished_.insert(index);
      continue;
    }
    if (running_boxes_ + static_cast<int>(waiting_specs_[index].size()) > max_boxes_) break;
    waiting_.pop_front();
    auto specs = std::move(waiting_specs_[index]);
    waiting_specs_.erase(index);
    KOODIKOE_TRY_VOID(StartStep(index, std::move(specs)));
  }
  while (waiting_.empty() && next_ < selected_.size() &&
         running_boxes_ + boxes_per_test_ <= max_boxes_) {
    int index = selected_[next_++];
    if (cancelled_.count(index)) continue;
    const TestCase& test = package_.cases[static_cast<size_t>(index)];
    if (service_) {
      active_[index].run = std::make_unique<ServiceRun>(context_, test, index);
    } else {
      active_[index].run = std::make_unique<TestRun>(context_, test, index);
    }
    KOODIKOE_TRY_VOID(Advance(index));
  }
  return {};
}

void TestScheduler::ReportInOrder() {
  while (reported_ < selected_.size()) {
    int index = selected_[reported_];
    bool skipped = cancelled_.count(index) && !active_.count(index);
    if (!finished_.count(index) && !skipped) break;
    ++reported_;
    if (!progress_) continue;
    const CaseOutcome& outcome = outcomes_[static_cast<size_t>(index)];
    progress_(Progress{static_cast<int>(reported_), static_cast<int>(selected_.size()),
                       outcome.ran ? &outcome.result : nullptr});
  }
}

Result<void> TestScheduler::AfterBox(int box, const runner::Outcome& outcome) {
  --running_boxes_;
  auto owner = box_owner_.find(box);
  if (owner == box_owner_.end()) return {};
  auto [index, member] = owner->second;
  box_owner_.erase(owner);
  Active& entry = active_[index];
  if (entry.run->OnBoxFinished(member, outcome)) {
    for (int other : entry.boxes) {
      if (other != box && box_owner_.count(other)) sandbox_.Kill(other);
    }
  }
  if (--entry.pending > 0) return {};
  if (cancelled_.count(index)) {
    active_.erase(index);
    finished_.insert(index);
    return {};
  }
  return Advance(index);
}

Result<std::vector<CaseOutcome>> TestScheduler::Run(const std::vector<int>& selected) {
  selected_ = selected;
  outcomes_.assign(package_.cases.size(), CaseOutcome{});
  if (progress_) progress_(Progress{0, static_cast<int>(selected_.size()), nullptr});
  while (true) {
    KOODIKOE_TRY_VOID(StartWhatFits());
    ReportInOrder();
    if (running_boxes_ == 0 && waiting_.empty() && next_ >= selected_.size()) break;
    if (running_boxes_ == 0) continue;
    KOODIKOE_TRY(auto done, sandbox_.WaitAny());
    KOODIKOE_TRY_VOID(AfterBox(done.first, done.second));
  }
  return std::move(outcomes_);
}

}  // namespace judge
