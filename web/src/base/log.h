// The server's log: one line per event on stderr, "time level message key=value...".
#pragma once

#include <chrono>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string>

namespace web {

inline void Log(const char* level, const std::string& message) {
  static std::mutex mutex;
  std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
  std::lock_guard lock(mutex);
  std::fprintf(stderr, "%s %s %s\n", stamp, level, message.c_str());
}
inline void LogInfo(const std::string& message) { Log("info", message); }
inline void LogWarning(const std::string& message) { Log("warn", message); }
inline void LogError(const std::string& message) { Log("error", message); }

}  // namespace web
