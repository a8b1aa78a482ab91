// Time as the API shows it.
#pragma once

#include <chrono>
#include <cstdint>
#include <ctime>
#include <string>

namespace web {

inline int64_t UnixNow() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// 1763778650 -> "2025-11-22T02:30:50Z"; 0 -> "".
inline std::string IsoTime(int64_t unix_seconds) {
  if (unix_seconds <= 0) return "";
  std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

}  // namespace web
