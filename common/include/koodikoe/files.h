// Small file helpers used on trusted (host-side) paths only.
#pragma once

#include <cstdint>
#include <string>

#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"

namespace koodikoe {

// Reads at most max_bytes of a file.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes = 64u << 20);
// Replaces the file's contents (creates it with mode 0644).
Result<void> WriteFile(const std::string& path, const std::string& data);
// Reads an fd to EOF, at most max_bytes.
Result<std::string> ReadAll(int fd, size_t max_bytes);
// Writes all bytes, retrying on EINTR and short writes.
Result<void> WriteAll(int fd, const char* data, size_t size);

// Opens a file below dir_fd without following any symlink on the way (openat2 with
// RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS). Use for every path
// a sandboxed program could have touched.
Result<UniqueFd> OpenBeneath(int dir_fd, const std::string& relative, int flags, int mode = 0);

// Removes a file or a directory tree without following symlinks or entering other mounts,
// fd-relative (no depth or PATH_MAX limit; see tree_walk.h). A missing path is no error.
Result<void> RemoveTree(const std::string& path);

// "256M", "1G", "4096", "64k" -> bytes.
Result<uint64_t> ParseSize(const std::string& text);
// "1.5" -> 1.5 seconds; rejects negatives and garbage.
Result<double> ParseSeconds(const std::string& text);
// A command-line option's whole number from `low` to `high`; the error names `flag` and the
// range.
Result<int> ParseCount(const std::string& flag, const std::string& text, int low, int high);

}  // namespace koodikoe
