// Time as the API shows it.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
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

// "2025-11-22T02:30:50Z", "2025-11-22T02:30:50.123Z" or with an offset ("+02:00") -> unix
// seconds; 0 for "" or anything else.
inline int64_t ParseIsoTime(const std::string& text) {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &year, &month, &day, &hour, &minute,
                  &second, &used) != 6) {
    return 0;
  }
  std::tm utc{};
  utc.tm_year = year - 1900;
  utc.tm_mon = month - 1;
  utc.tm_mday = day;
  utc.tm_hour = hour;
  utc.tm_min = minute;
  utc.tm_sec = second;
  int64_t seconds = static_cast<int64_t>(timegm(&utc));
  const char* rest = text.c_str() + used;
  if (*rest == '.') {
    ++rest;
    while (*rest >= '0' && *rest <= '9') ++rest;
  }
  int offset_hours = 0, offset_minutes = 0;
  if ((*rest == '+' || *rest == '-') &&
      std::sscanf(rest + 1, "%2d:%2d", &offset_hours, &offset_minutes) == 2) {
    int64_t offset = offset_hours * 3600 + offset_minutes * 60;
    seconds += *rest == '+' ? -offset : offset;
  } else if (*rest != 'Z' && *rest != '\0') {
    return 0;
  }
  return seconds;
}

}  // namespace web
