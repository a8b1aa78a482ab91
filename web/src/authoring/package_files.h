// Packages as files: .zip archives unpacked with caps and exported deterministically, content
// hashes, and the UTF-8 check of names and text (package_files.cc).
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include "koodikoe/result.h"

namespace web {

using koodikoe::Result;

// Caps on what an uploaded archive may unpack to. Anything over a cap is refused with the
// entry that crossed it.
struct UploadLimits {
  uint64_t max_total_bytes = 512ull << 20;  // all entries together, unpacked
  uint64_t max_file_bytes = 128ull << 20;   // one entry, unpacked
  uint64_t max_ratio = 200;                 // unpacked bytes per compressed byte (zip bombs)
  uint64_t ratio_floor_bytes = 4ull << 20;  // the ratio is only judged past this much output
  int max_entries = 20000;
};

// Unpacks a .zip held in memory below `target` (an empty directory). Refuses, naming the
// entry: absolute paths, "..", backslashes, names that are not UTF-8, links and special files,
// entries over the size caps, a total over the cap, a compression ratio over the cap, and
// text files of a package (*.md, *.yaml, *.yml, *.tex, *.txt) that are not UTF-8. Errors are
// kInvalidArgument; on error `target` may hold a partial result for the caller to remove.
Result<void> UnpackZip(const std::string& zip, const std::string& target,
                       const UploadLimits& limits = {});

// The whole package as a .zip: every regular file (links are followed and stored as files,
// so the archive holds plain files only), sorted by path, with the package's folder name as
// the top folder, deterministic (fixed times), so Kattis / ICPC tools read it as uploaded.
Result<std::string> ExportZip(const std::string& package_dir);

// BLAKE2b-256 over every regular file of the package (sorted relative path, size and bytes):
// the exercise's content hash, stored with each submission judged on it.
Result<std::string> ContentHash(const std::string& package_dir);

// Relative path -> BLAKE2b-256 hex of the content, for every regular file (round-trip tests).
Result<std::map<std::string, std::string>> FileHashes(const std::string& package_dir);

// True if `text` is valid UTF-8; else `offset` is where the first bad byte is.
bool ValidUtf8(const std::string& text, size_t* offset = nullptr);

}  // namespace web
