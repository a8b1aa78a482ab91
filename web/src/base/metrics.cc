#include "base/metrics.h"

#include <sstream>

namespace web {

namespace {
constexpr auto kRateWindow = std::chrono::seconds(60);
}  // namespace

void Metrics::RecordJudged(const std::string& verdict, double seconds) {
  std::lock_guard lock(mutex_);
  ++judged_total_;
  ++verdicts_[verdict];
  seconds_sum_ += seconds;
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++bucket_counts_[i];
  }
  auto now = std::chrono::steady_clock::now();
  recent_.push_back(now);
  while (!recent_.empty() && now - recent_.front() > kRateWindow) recent_.pop_front();
}

void Metrics::RecordHelperRestart() {
  std::lock_guard lock(mutex_);
  ++helper_restarts_;
}

void Metrics::RecordRequest() {
  std::lock_guard lock(mutex_);
  ++requests_;
}

std::string Metrics::Render(int64_t queue_depth, int workers) const {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  while (!recent_.empty() && now - recent_.front() > kRateWindow) recent_.pop_front();
  std::ostringstream out;
  out << "# HELP koodikoe_queue_depth Submissions and runs waiting for a judge.\n"
      << "# TYPE koodikoe_queue_depth gauge\n"
      << "koodikoe_queue_depth " << queue_depth << "\n"
      << "# HELP koodikoe_judge_workers Judge helper processes.\n"
      << "# TYPE koodikoe_judge_workers gauge\n"
      << "koodikoe_judge_workers " << workers << "\n"
      << "# HELP koodikoe_judged_total Verdicts recorded since the server started.\n"
      << "# TYPE koodikoe_judged_total counter\n"
      << "koodikoe_judged_total " << judged_total_ << "\n"
      << "# HELP koodikoe_judged_per_second Verdicts per second over the last minute.\n"
      << "# TYPE koodikoe_judged_per_second gauge\n"
      << "koodikoe_judged_per_second "
      << static_cast<double>(recent_.size()) / static_cast<double>(kRateWindow.count()) << "\n"
      << "# HELP koodikoe_verdicts_total Verdicts recorded, by verdict.\n"
      << "# TYPE koodikoe_verdicts_total counter\n";
  for (const auto& [verdict, count] : verdicts_) {
    out << "koodikoe_verdicts_total{verdict=\"" << verdict << "\"} " << count << "\n";
  }
  out << "# HELP koodikoe_judge_seconds Time from the start of judging to the verdict.\n"
      << "# TYPE koodikoe_judge_seconds histogram\n";
  for (size_t i = 0; i < kBuckets.size(); ++i) {
    out << "koodikoe_judge_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << bucket_counts_[i]
        << "\n";
  }
  out << "koodikoe_judge_seconds_bucket{le=\"+Inf\"} " << judged_total_ << "\n"
      << "koodikoe_judge_seconds_sum " << seconds_sum_ << "\n"
      << "koodikoe_judge_seconds_count " << judged_total_ << "\n"
      << "# HELP koodikoe_helper_restarts_total Judge helpers that died and were started again.\n"
      << "# TYPE koodikoe_helper_restarts_total counter\n"
      << "koodikoe_helper_restarts_total " << helper_restarts_ << "\n"
      << "# HELP koodikoe_http_requests_total API requests served.\n"
      << "# TYPE koodikoe_http_requests_total counter\n"
      << "koodikoe_http_requests_total " << requests_ << "\n";
  return out.str();
}

}  // namespace web
