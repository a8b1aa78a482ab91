// Move-only owner of a directory stream (DIR*): closedir in the destructor.
#pragma once

#include <dirent.h>

#include <string>
#include <utility>
#include <vector>

#include "koodikoe/result.h"

namespace koodikoe {

class DirHandle {
 public:
  // A stream over the directory `dir_fd` refers to, from its first entry. The stream has an fd
  // (and a read offset) of its own: `dir_fd` stays the caller's and is not moved.
  static Result<DirHandle> Open(int dir_fd);

  DirHandle(DirHandle&& other) noexcept : dir_(std::exchange(other.dir_, nullptr)) {}
  DirHandle& operator=(DirHandle other) noexcept {
    std::swap(dir_, other.dir_);
    return *this;
  }
  ~DirHandle() {
    if (dir_) ::closedir(dir_);
  }

  // The next entry other than "." and "..", or nullptr at the end. An error reading the
  // directory also ends the stream; failed() then says so.
  const dirent* Next();
  bool failed() const { return error_ != 0; }
  int error() const { return error_; }

 private:
  explicit DirHandle(DIR* dir) : dir_(dir) {}
  DIR* dir_;
  int error_ = 0;
};

// The names in a directory, without "." and "..", in the order the file system gives them.
Result<std::vector<std::string>> ListNames(int dir_fd);
// The same for a path (a symlink to a directory is followed, as opendir does). The error
// names the path.
Result<std::vector<std::string>> ListNames(const std::string& path);

}  // namespace koodikoe
