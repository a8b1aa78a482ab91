// Similar final submissions, found the way MOSS and its successors do it: each program becomes
// a stream of normalised tokens (identifiers, numbers and strings replaced by their kind,
// comments and layout dropped), the stream is cut into k-grams, and winnowing keeps the
// smallest hash of every window of w consecutive k-gram hashes as the program's fingerprints.
// Two programs sharing a run of at least k + w - 1 tokens are guaranteed to share a
// fingerprint; renamed variables, reformatting and reordered functions change nothing.
// Pure computation: knows nothing of HTTP, storage or users.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace web {

struct SimilarityToken {
  std::string text;  // a keyword or operator as written, or "V" (identifier), "N", "S"
  int line = 0;      // 1-based line in the source
};

// Tokens of `source` in `language` (a judge language id: c, cpp, python, java, javascript,
// rust, ...; unknown ids get the C-like rules).
std::vector<SimilarityToken> NormalisedTokens(const std::string& source,
                                              const std::string& language);

struct Fingerprint {
  uint64_t hash = 0;
  int first_line = 0;  // lines the k-gram spans
  int last_line = 0;
};

struct SimilarityOptions {
  int k = 8;       // tokens per k-gram: shorter runs are noise
  int window = 4;  // winnowing window
  // A pair is reported when this share of the smaller program's fingerprints is also in the
  // other one.
  double threshold = 0.6;
  // Programs with fewer fingerprints than this are too short to tell copying from the
  // obvious solution.
  size_t min_fingerprints = 6;
  // With at least this many programs, fingerprints found in more than half of them are the
  // exercise's common idiom (reading input, a standard loop) and are ignored.
  size_t common_idiom_min_programs = 4;
};

std::vector<Fingerprint> Winnow(const std::vector<SimilarityToken>& tokens,
                                const SimilarityOptions& options = {});

struct SimilarityProgram {
  std::string id;  // the caller's handle (e.g. a submission id)
  std::string language;
  std::string source;
};

// A run of lines in each program that share fingerprints.
struct MatchedRegion {
  int a_first = 0, a_last = 0;
  int b_first = 0, b_last = 0;
};

struct SimilarPair {
  size_t a = 0, b = 0;  // indices into the programs
  double score = 0;     // shared fingerprints / fingerprints of the smaller program, 0..1
  size_t shared = 0;
  std::vector<MatchedRegion> regions;  // in the order of program a
};

// Pairs of programs in the same language at or above the threshold, most similar first.
std::vector<SimilarPair> FindSimilarPairs(const std::vector<SimilarityProgram>& programs,
                                          const SimilarityOptions& options = {});

}  // namespace web
