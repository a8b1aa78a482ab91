#include "accounts/auth.h"

#include <sodium.h>

#include <condition_variable>

#include "base/time_util.h"

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
  auto hash = HashPassword(password);
  if (!hash) return tl::unexpected(hash.error());
  User user;
  user.username = username;
  user.password_hash = *hash;
  user.role = role;
  user.created_at = UnixNow();
  return storage.AddUser(user);
}

int64_t LoginRateLimiter::SecondsUntilAllowed(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(key);
  if (it == failures_.end()) return 0;
  auto now = std::chrono::steady_clock::now();
  ForgetOldLocked(it->second, now);
  if (static_cast<int>(it->second.size()) < kMaxFailures) return 0;
  auto wait = it->second.front() + kWindow - now;
  return std::max<int64_t>(1, std::chrono::duration_cast<std::chrono::seconds>(wait).count());
}

void LoginRateLimiter::RecordFailure(const std::string& key) {
  std::lock_guard lock(mutex_);
  auto now = std::chrono::steady_clock::now();
  // Bounded memory: keys with no recent failure are dropped when the map grows.
  if (failures_.size() > 100000) {
    for (auto it = failures_.begin(); it != failures_.end();) {
      ForgetOldLocked(it->second, now);
      it = it->second.empty() ? failures_.erase(it) : std::next(it);
    }
  }
  auto& list = failures_[key];
  ForgetOldLocked(list, now);
  list.push_back(now);
}

void LoginRateLimiter::RecordSuccess(const std::string& key) {
  std::lock_guard lock(mutex_);
  failures_.erase(key);
}

void LoginRateLimiter::ForgetOldLocked(std::deque<std::chrono::steady_clock::time_point>& failures,
                                       std::chrono::steady_clock::time_point now) {
  while (!failures.empty() && now - failures.front() > kWindow) failures.pop_front();
}

}  // namespace web
