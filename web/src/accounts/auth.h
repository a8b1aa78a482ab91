// Passwords, session tokens and login rate limiting.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>

#include "koodikoe/result.h"
#include "storage/storage.h"

namespace web {

// argon2id in libsodium's string format (salt and parameters inside). At most two hashes run
// at once: each takes 64 MiB and a burst of logins must not exhaust memory.
Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);
// Spends the same time as a real check, for unknown usernames (no user enumeration by timing).
void VerifyDummyPassword(const std::string& password);

// `bytes` random bytes (randombytes_buf) as lowercase hex.
std::string RandomHex(size_t bytes);
// BLAKE2b-256 of a session token, hex: what storage keeps instead of the token.
std::string TokenHash(const std::string& token);
// Constant-time string comparison (CSRF tokens).
bool SameSecret(const std::string& a, const std::string& b);

// Username rules: 2 to 32 of a-z, 0-9, '.', '_', '-', starting with a letter or digit.
bool ValidUsername(const std::string& username);
// Empty if acceptable, else what is wrong ("at least 8 characters").
std::string PasswordProblem(const std::string& password);

// Validates and stores a new user with a hashed password.
Result<int64_t> CreateUser(Storage& storage, const std::string& username,
                           const std::string& password, Role role);

// Failed logins per key (username + client address): after kMaxFailures within kWindow the
// key is refused until the oldest failure is older than kWindow. Thread-safe.
class LoginRateLimiter {
 public:
  static constexpr int kMaxFailures = 5;
  static constexpr std::chrono::seconds kWindow{15 * 60};

  // 0 if a login may be tried now, else the seconds to wait.
  int64_t SecondsUntilAllowed(const std::string& key);
  void RecordFailure(const std::string& key);
  void RecordSuccess(const std::string& key);

 private:
  void ForgetOldLocked(std::deque<std::chrono::steady_clock::time_point>& failures,
                       std::chrono::steady_clock::time_point now);
  std::mutex mutex_;
  std::map<std::string, std::deque<std::chrono::steady_clock::time_point>> failures_;
};

}  // namespace web
