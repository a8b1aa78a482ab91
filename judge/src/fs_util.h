// Host-side file helpers for the judge's work and cache directories.
#pragma once

#include <initializer_list>
#include <string>

#include "koodikoe/result.h"

namespace judge {

using koodikoe::Result;

// Creates a fresh directory parent/prefixXXXXXX with mode 0755.
Result<std::string> MakeTempDir(const std::string& parent, const std::string& prefix);
// mkdir -p with mode 0755 for what it creates.
Result<void> MakeDirs(const std::string& path);
// MakeDirs for each path, then mode 0755 whatever the umask: box users must read them.
Result<void> MakeBoxDirs(std::initializer_list<std::string> paths);
// Copies a file, giving it mode 0755 if the source is executable, else 0644.
Result<void> CopyFile(const std::string& from, const std::string& to);
// Copies the regular files and directories below `from` into `to` (which exists). Names
// starting with '.' are skipped; symlinks are followed only by the caller's choice of `from`.
Result<void> CopyTree(const std::string& from, const std::string& to);
// Makes a tree a box wrote readable (and, if writable, writable) by every box user. Walks
// through directory fds without following symlinks; symlinks and special files are removed.
void OpenUpTree(const std::string& path, bool writable);
// Reads a file below dir without following symlinks, at most max_bytes; "" if absent.
std::string ReadBeneath(const std::string& dir, const std::string& name, size_t max_bytes);
bool PathExists(const std::string& path);
// Removes a work directory's tree ("" = none), unless KOODIKOE_KEEP_WORK is set: then it stays
// to be looked at after the run.
void RemoveWorkDir(const std::string& path);

// Hex BLAKE2b hash (libsodium crypto_generichash) of a sequence of chunks.
class Hasher {
 public:
  Hasher();
  void Add(const std::string& bytes);
  // Adds a length prefix too, so ("ab","c") and ("a","bc") differ.
  void AddField(const std::string& bytes);
  Result<void> AddFile(const std::string& path);
  std::string HexDigest();

 private:
  alignas(64) unsigned char state_[384];
};

}  // namespace judge
