// Counters for /metrics (Prometheus text format). Thread-safe.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace web {

class Metrics {
 public:
  // A verdict was recorded after `seconds` of judging.
  void RecordJudged(const std::string& verdict, double seconds);
  void RecordHelperRestart();
  void RecordRequest();

  // The exposition text; queue_depth comes from storage at the time of the scrape.
  std::string Render(int64_t queue_depth, int workers) const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300};
  mutable std::mutex mutex_;
  uint64_t judged_total_ = 0;
  std::map<std::string, uint64_t> verdicts_;
  std::array<uint64_t, kBuckets.size()> bucket_counts_{};
  double seconds_sum_ = 0;
  uint64_t helper_restarts_ = 0;
  uint64_t requests_ = 0;
  mutable std::deque<std::chrono::steady_clock::time_point> recent_;  // the last minute
};

}  // namespace web
