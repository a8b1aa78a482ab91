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

// Login guesses slowed down per account and per client address (issue 14). A guess is counted
// before its password is checked, under one lock, so parallel guesses cannot race past the
// count. After a few free failures each further guess waits a growing delay (1 s, 2 s, 4 s ...
// at most a minute): a guesser gets a few tries an hour while the real owner waits seconds,
// never a lockout. In memory: a restart forgets. Thread-safe.
class LoginRateLimiter {
 public:
  struct Limits {
    int free_failures;
    std::chrono::seconds max_delay;
  };
  static constexpr Limits kPerAccount{3, std::chrono::seconds(60)};
  // Room for a classroom behind one NAT address logging in at once.
  static constexpr Limits kPerAddress{64, std::chrono::seconds(60)};
  // A counter with no guess for this long starts afresh.
  static constexpr std::chrono::seconds kForgetAfter{3600};

  // Counts a guess at `account` from `address`: 0 if its password may be checked now, else
  // the seconds to wait (and nothing is counted).
  int64_t BeginGuess(const std::string& account, const std::string& address);
  // The guess was right: the account starts afresh and the address gets its guess back.
  void Succeeded(const std::string& account, const std::string& address);
  // A trainer lets the account try again at once.
  void Unlock(const std::string& account);

 private:
  using Clock = std::chrono::steady_clock;
  struct Counter {
    int failures = 0;
    Clock::time_point next_allowed;
    Clock::time_point last;
  };
  static Clock::duration DelayAfter(int failures, Limits limits);
  Counter& FreshLocked(std::map<std::string, Counter>& counters, const std::string& key,
                       Clock::time_point now);
  void PruneLocked(Clock::time_point now);

  std::mutex mutex_;
  std::map<std::string, Counter> accounts_;
  std::map<std::string, Counter> addresses_;
};

}  // namespace web
