// Normalised tokens, winnowing and pairwise comparison of final submissions.
#include "similarity/similarity.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace web {

namespace {

// Words kept as written: the language's keywords and the library names every solution uses
// the same way. Everything else a program names is its own and becomes "V".
const std::set<std::string>& KeptWords(const std::string& language) {
  static const std::set<std::string> python = {
      "and",   "as",     "assert", "break",  "class",     "continue", "def",      "del",
      "elif",  "else",   "except", "False",  "finally",   "for",      "from",     "global",
      "if",    "import", "in",     "is",     "lambda",    "None",     "nonlocal", "not",
      "or",    "pass",   "raise",  "return", "True",      "try",      "while",    "with",
      "yield", "print",  "input",  "range",  "len",       "int",      "str",      "float",
      "list",  "dict",   "set",    "map",    "split",     "append",   "sorted",   "sort",
      "min",   "max",    "sum",    "abs",    "enumerate", "sys",      "stdin",    "readline",
      "join",  "strip",  "open",   "zip",    "tuple"};
  static const std::set<std::string> c_like = {
      "auto",     "bool",      "break",   "case",     "catch",    "char",   "class",     "const",
      "continue", "default",   "delete",  "do",       "double",   "else",   "enum",      "extern",
      "false",    "float",     "for",     "fn",       "function", "if",     "import",    "include",
      "int",      "let",       "long",    "loop",     "match",    "mut",    "namespace", "new",
      "null",     "nullptr",   "private", "public",   "return",   "short",  "signed",    "sizeof",
      "static",   "struct",    "switch",  "template", "this",     "throw",  "true",      "try",
      "typedef",  "unsigned",  "using",   "var",      "void",     "while",  "std",       "cin",
      "cout",     "endl",      "printf",  "scanf",    "vector",   "string", "main",      "String",
      "System",   "out",       "println", "Scanner",  "console",  "log",    "let",       "const",
      "require",  "readline",  "process", "stdin",    "split",    "map",    "Number",    "parseInt",
      "push",     "push_back", "size",    "length",   "sort",     "begin",  "end",       "println!",
      "usize",    "i32",       "i64",     "u64",      "Vec",      "io",     "read_line", "unwrap",
      "parse",    "trim",      "iter",    "collect",  "self",     "impl",   "pub",       "in"};
  return language == "python" ? python : c_like;
}

bool IsIdentifierStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool IsIdentifierChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

uint64_t Mix(uint64_t h, uint64_t value) {
  // FNV-1a over the token text, then a multiply-xorshift step between tokens.
  h ^= value;
  h *= 0x100000001b3ull;
  return h;
}

uint64_t HashText(const std::string& text) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned char c : text) h = Mix(h, c);
  return h;
}

struct Document {
  std::vector<Fingerprint> fingerprints;
  std::unordered_map<uint64_t, size_t> first_of;  // hash -> index of its first fingerprint
};

}  // namespace

std::vector<SimilarityToken> NormalisedTokens(const std::string& source,
                                              const std::string& language) {
  const bool python = language == "python";
  const auto& kept = KeptWords(language);
  std::vector<SimilarityToken> tokens;
  int line = 1;
  size_t i = 0;
  const size_t n = source.size();
  auto skip_to = [&](size_t end) {
    for (; i < end && i < n; ++i) {
      if (source[i] == '\n') ++line;
    }
  };
  while (i < n) {
    char c = source[i];
    if (c == '\n') {
      ++line;
      ++i;
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    // Comments.
    if ((python && c == '#') || (!python && c == '/' && i + 1 < n && source[i + 1] == '/')) {
      size_t end = source.find('\n', i);
      skip_to(end == std::string::npos ? n : end);
      continue;
    }
    if (!python && c == '/' && i + 1 < n && source[i + 1] == '*') {
      size_t end = source.find("*/", i + 2);
      skip_to(end == std::string::npos ? n : end + 2);
      continue;
    }
    // Strings: their content is data, not structure.
    if (c == '"' || c == '\'' || (!python && c == '`')) {
      int start_line = line;
      if (python && i + 2 < n && source[i + 1] == c && source[i + 2] == c) {
        std::string fence(3, c);
        size_t end = source.find(fence, i + 3);
        skip_to(end == std::string::npos ? n : end + 3);
      } else {
        size_t j = i + 1;
        while (j < n && source[j] != c && source[j] != '\n') j += source[j] == '\\' ? 2 : 1;
        skip_to(std::min(n, j + 1));
      }
      tokens.push_back({"S", start_line});
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < n && (IsIdentifierChar(source[j]) || source[j] == '.')) ++j;
      tokens.push_back({"N", line});
      i = j;
      continue;
    }
    if (IsIdentifierStart(c)) {
      size_t j = i;
      while (j < n && IsIdentifierChar(source[j])) ++j;
      std::string word = source.substr(i, j - i);
      tokens.push_back({kept.count(word) ? word : "V", line});
      i = j;
      continue;
    }
    // Operators and punctuation, one character each; separators that only lay out code go.
    if (c != ';' && !(python && c == ':')) tokens.push_back({std::string(1, c), line});
    ++i;
  }
  return tokens;
}

std::vector<Fingerprint> Winnow(const std::vector<SimilarityToken>& tokens,
                                const SimilarityOptions& options) {
  const size_t k = static_cast<size_t>(std::max(1, options.k));
  const size_t w = static_cast<size_t>(std::max(1, options.window));
  std::vector<Fingerprint> grams;
  if (tokens.size() < k) return grams;
  std::vector<uint64_t> token_hashes;
  token_hashes.reserve(tokens.size());
  for (const auto& token : tokens) token_hashes.push_back(HashText(token.text));
  for (size_t i = 0; i + k <= tokens.size(); ++i) {
    uint64_t h = 0x84222325cbf29ce4ull;
    for (size_t j = 0; j < k; ++j) h = Mix(h * 31, token_hashes[i + j]);
    grams.push_back({h, tokens[i].line, tokens[i + k - 1].line});
  }
  // Winnowing (Schleimer, Wilkerson, Aiken 2003): the minimum of each window, rightmost on
  // ties, recorded once per position.
  std::vector<Fingerprint> selected;
  size_t last = SIZE_MAX;
  for (size_t start = 0; start + w <= grams.size() || (start == 0 && grams.size() < w); ++start) {
    size_t end = std::min(grams.size(), start + w);
    size_t best = start;
    for (size_t j = start; j < end; ++j) {
      if (grams[j].hash <= grams[best].hash) best = j;
    }
    if (best != last) {
      selected.push_back(grams[best]);
      last = best;
    }
    if (end == grams.size()) break;
  }
  return selected;
}

std::vector<SimilarPair> FindSimilarPairs(const std::vector<SimilarityProgram>& programs,
                                          const SimilarityOptions& options) {
  std::vector<Document> documents(programs.size());
  for (size_t i = 0; i < programs.size(); ++i) {
    documents[i].fingerprints =
        Winnow(NormalisedTokens(programs[i].source, programs[i].language), options);
  }
  // Idioms common to most programs of a language are no sign of copying.
  std::map<std::string, std::vector<size_t>> by_language;
  for (size_t i = 0; i < programs.size(); ++i) by_language[programs[i].language].push_back(i);
  for (const auto& [language, members] : by_language) {
    if (members.size() < options.common_idiom_min_programs) continue;
    std::unordered_map<uint64_t, size_t> seen_in;
    for (size_t index : members) {
      std::unordered_set<uint64_t> distinct;
      for (const auto& f : documents[index].fingerprints) distinct.insert(f.hash);
      for (uint64_t h : distinct) ++seen_in[h];
    }
    for (size_t index : members) {
      auto& prints = documents[index].fingerprints;
      prints.erase(std::remove_if(
                       prints.begin(), prints.end(),
                       [&](const Fingerprint& f) { return seen_in[f.hash] * 2 > members.size(); }),
                   prints.end());
    }
  }
  for (auto& document : documents) {
    for (size_t j = 0; j < document.fingerprints.size(); ++j) {
      document.first_of.emplace(document.fingerprints[j].hash, j);
    }
  }

  std::vector<SimilarPair> pairs;
  for (const auto& [language, members] : by_language) {
    for (size_t x = 0; x < members.size(); ++x) {
      for (size_t y = x + 1; y < members.size(); ++y) {
        const Document& a = documents[members[x]];
        const Document& b = documents[members[y]];
        size_t smaller = std::min(a.first_of.size(), b.first_of.size());
        if (smaller < options.min_fingerprints) continue;
        SimilarPair pair{members[x], members[y], 0, 0, {}};
        std::vector<MatchedRegion> spans;
        std::unordered_set<uint64_t> counted;
        for (const auto& f : a.fingerprints) {
          auto other = b.first_of.find(f.hash);
          if (other == b.first_of.end()) continue;
          if (counted.insert(f.hash).second) ++pair.shared;
          const Fingerprint& g = b.fingerprints[other->second];
          spans.push_back({f.first_line, f.last_line, g.first_line, g.last_line});
        }
        pair.score = static_cast<double>(pair.shared) / static_cast<double>(smaller);
        if (pair.score < options.threshold) continue;
        // Neighbouring matches become one region when they continue in both programs.
        for (const auto& span : spans) {
          if (!pair.regions.empty()) {
            MatchedRegion& last = pair.regions.back();
            bool continues_a = span.a_first <= last.a_last + 1 && span.a_last >= last.a_first;
            bool continues_b = span.b_first <= last.b_last + 1 && span.b_last >= last.b_first;
            if (continues_a && continues_b) {
              last.a_first = std::min(last.a_first, span.a_first);
              last.a_last = std::max(last.a_last, span.a_last);
              last.b_first = std::min(last.b_first, span.b_first);
              last.b_last = std::max(last.b_last, span.b_last);
              continue;
            }
          }
          pair.regions.push_back(span);
        }
        pairs.push_back(std::move(pair));
      }
    }
  }
  std::sort(pairs.begin(), pairs.end(), [](const SimilarPair& p, const SimilarPair& q) {
    return p.score != q.score ? p.score > q.score : std::tie(p.a, p.b) < std::tie(q.a, q.b);
  });
  return pairs;
}

}  // namespace web
