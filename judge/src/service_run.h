// One scenario of a `service` exercise: the candidate's service in a box with its own
// loopback-only network namespace ($PORT in its environment), and the scenario client in a
// second box that joins that namespace and plays the scenario's HTTP steps. A `restart` step
// ends both boxes and starts them again on the same /box, so state kept in files survives.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "judge/package.h"
#include "scenario.h"
#include "test_run.h"

namespace judge {

// The port a service listens on, inside its own network namespace.
inline constexpr int kServicePort = 8080;

// The scenario client to run: `configured` if given, else $KOODIKOE_SCENARIO_CLIENT, else
// koodikoe-scenario-client next to the running binary, in ../libexec/koodikoe, or in the
// build tree.
Result<std::string> ScenarioClientPath(const std::string& configured);

class ServiceRun : public CaseRun {
 public:
  ServiceRun(const RunContext& context, const TestCase& test, int index);
  ~ServiceRun() override;
  ServiceRun(const ServiceRun&) = delete;
  ServiceRun& operator=(const ServiceRun&) = delete;

  Result<std::vector<runner::RunSpec>> NextStep() override;
  void Started() override {}
  // Member 0 is the service, member 1 the client. When the client ends first the service is
  // stopped; when the service ends first the client is stopped (the service failed).
  bool OnBoxFinished(int member, const runner::Outcome& outcome) override;
  int NetworkHost(size_t member) const override { return member == 1 ? 0 : -1; }
  bool finished() const override { return finished_; }
  CaseOutcome TakeOutcome() override;

 private:
  Result<void> Prepare();
  runner::RunSpec ServiceSpec() const;
  runner::RunSpec ClientSpec() const;
  double SegmentSeconds() const;
  // Both boxes of a segment have ended: decides the verdict, or asks for a restart.
  void AfterSegment();
  // `at_step` holds the step that was played ("step", "step_name") or nothing.
  void AfterServiceEnded(const FeedbackCode& at_step);
  // The last lines the service wrote (stderr first), for feedback.
  std::string LogTail() const;
  void Finish(Verdict verdict, std::string feedback);
  // Finishes with a coded note, the service's last lines added as its "log" if `with_log`.
  void Finish(Verdict verdict, FeedbackCode feedback, bool with_log = true);

  const RunContext& context_;
  const TestCase& test_;
  const int index_;
  std::optional<Scenario> scenario_;
  CaseOutcome outcome_;
  bool finished_ = false;
  bool running_ = false;
  int segment_ = 0;

  std::string dir_, service_dir_, client_dir_, out_dir_;
  std::optional<runner::Outcome> service_, client_;
  bool service_ended_first_ = false;
};

}  // namespace judge
