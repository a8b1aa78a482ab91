#include "accounts/auth.h"

#include <sodium.h>

#include <condition_variable>

#include "base/time_util.h"
#include "koodikoe/try.h"

namespace web {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

// Bounds concurrent argon2id computations (64 MiB each).
class HashSlots {
 public:
  void Acquire() {
    std::unique_lock lock(mutex_);
    free_.wait(lock, [&] { return in_use_ < kSlots; });
    ++in_use_;
  }
  void Release() {
    {
      std::lock_guard lock(mutex_);
      --in_use_;
    }
    free_.notify_one();
  }

 private:
  static constexpr int kSlots = 2;
  std::mutex mutex_;
  std::condition_variable free_;
  int in_use_ = 0;
};

HashSlots& Slots() {
  static HashSlots slots;
  return slots;
}

struct SlotGuard {
  SlotGuard() { Slots().Acquire(); }
  ~SlotGuard() { Slots().Release(); }
};

bool SodiumReady() {
  static const bool ready = sodium_init() >= 0;
  return ready;
}

std::string Hex(const unsigned char* data, size_t size) {
  std::string text(size * 2 + 1, '\0');
  sodium_bin2hex(text.data(), text.size(), data, size);
  text.pop_back();
  return text;
}

}  // namespace

Result<std::string> HashPassword(const std::string& password) {
  if (!SodiumReady()) return Fail(ErrorCode::kInternal, "libsodium could not be initialised");
  char hash[crypto_pwhash_STRBYTES];
  SlotGuard slot;
  if (crypto_pwhash_str(hash, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0) {
    return Fail(ErrorCode::kSystem, "hashing a password: out of memory");
  }
  return std::string(hash);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
  if (!SodiumReady() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  char stored[crypto_pwhash_STRBYTES] = {};
  hash.copy(stored, hash.size());
  SlotGuard slot;
  return crypto_pwhash_str_verify(stored, password.data(), password.size()) == 0;
}

void VerifyDummyPassword(const std::string& password) {
  static const std::string dummy = HashPassword("koodikoe-dummy-password").value_or("");
  VerifyPassword(dummy, password);
}

std::string RandomHex(size_t bytes) {
  SodiumReady();
  std::string buffer(bytes, '\0');
  randombytes_buf(buffer.data(), bytes);
  return Hex(reinterpret_cast<const unsigned char*>(buffer.data()), bytes);
}

std::string TokenHash(const std::string& token) {
  SodiumReady();
  unsigned char digest[32];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()),
                     token.size(), nullptr, 0);
  return Hex(digest, sizeof digest);
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && !a.empty() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

bool ValidUsername(const std::string& username) {
  if (username.size() < 2 || username.size() > 32) return false;
  for (size_t i = 0; i < username.size(); ++i) {
    char c = username[i];
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

std::string PasswordProblem(const std::string& password) {
  if (password.size() < 8) return "a password needs at least 8 characters";
  if (password.size() > 256) return "a password can have at most 256 characters";
  return "";
}

Result<int64_t> CreateUser(Storage& storage, const std::string& username,
                           const std::string& password, Role role) {
  if (!ValidUsername(username)) {
    return Fail(ErrorCode::kInvalidArgument,
                "a username has 2 to 32 characters: lowercase letters, digits, '.', '_' or '-'");
  }
  if (auto problem = PasswordProblem(password); !problem.empty()) {
    return Fail(ErrorCode::kInvalidArgument, problem);
  }
  KOODIKOE_TRY(auto hash, HashPassword(password));
  User user;
  user.username = username;
  user.password_hash = hash;
  user.role = role;
  user.created_at = UnixNow();
  return storage.AddUser(user);
}

LoginRateLimiter::Clock::duration LoginRateLimiter::DelayAfter(int failures, Limits limits) {
  if (failures <= limits.free_failures) return Clock::duration::zero();
  int doublings = std::min(failures - limits.free_failures - 1, 20);
  return std::min<Clock::duration>(std::chrono::seconds(int64_t{1} << doublings), limits.max_delay);
}

LoginRateLimiter::Counter& LoginRateLimiter::FreshLocked(std::map<std::string, Counter>& counters,
                                                         const std::string& key,
                                                         Clock::time_point now) {
  Counter& counter = counters[key];
  if (now - counter.last > kForgetAfter) counter = Counter{};
  return counter;
}

void LoginRateLimiter::PruneLocked(Clock::time_point now) {
  // Bounded memory: counters with no recent guess go when the maps grow.
  for (auto* counters : {&accounts_, &addresses_}) {
    if (counters->size() <= 100000) continue;
    for (auto it = counters->begin(); it != counters->end();) {
      it = now - it->second.last > kForgetAfter ? counters->erase(it) : std::next(it);
    }
  }
}

int64_t LoginRateLimiter::BeginGuess(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  auto now = Clock::now();
  PruneLocked(now);
  Counter& by_account = FreshLocked(accounts_, account, now);
  Counter& by_address = FreshLocked(addresses_, address, now);
  auto wait = std::max(by_account.next_allowed, by_address.next_allowed) - now;
  if (wait > Clock::duration::zero()) {
    return std::max<int64_t>(1, std::chrono::ceil<std::chrono::seconds>(wait).count());
  }
  for (auto [counter, limits] :
       {std::pair{&by_account, kPerAccount}, std::pair{&by_address, kPerAddress}}) {
    counter->failures += 1;  // until the password proves right
    counter->last = now;
    counter->next_allowed = now + DelayAfter(counter->failures, limits);
  }
  return 0;
}

void LoginRateLimiter::Succeeded(const std::string& account, const std::string& address) {
  std::lock_guard lock(mutex_);
  accounts_.erase(account);
  auto it = addresses_.find(address);
  if (it == addresses_.end()) return;
  Counter& counter = it->second;
  counter.failures = std::max(0, counter.failures - 1);
  counter.next_allowed =
      std::min(counter.next_allowed, Clock::now() + DelayAfter(counter.failures, kPerAddress));
}

void LoginRateLimiter::Unlock(const std::string& account) {
  std::lock_guard lock(mutex_);
  accounts_.erase(account);
}

}  // namespace web
