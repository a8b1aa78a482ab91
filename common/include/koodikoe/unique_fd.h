// Move-only owner of a file descriptor.
#pragma once

#include <unistd.h>

#include <utility>

namespace koodikoe {

class UniqueFd {
 public:
  explicit UniqueFd(int fd = -1) noexcept : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd other) noexcept {
    std::swap(fd_, other.fd_);
    return *this;
  }
  ~UniqueFd() {
    if (fd_ >= 0) ::close(fd_);
  }

  int fd() const noexcept { return fd_; }
  bool ok() const noexcept { return fd_ >= 0; }
  [[nodiscard]] int Release() noexcept { return std::exchange(fd_, -1); }
  void Reset() noexcept { UniqueFd().Swap(*this); }
  void Swap(UniqueFd& other) noexcept { std::swap(fd_, other.fd_); }

 private:
  int fd_;
};

}  // namespace koodikoe
