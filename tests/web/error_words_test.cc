// Issue 17: the UI words every error in the user's language from the error's word, so the
// server keeps one list of the words it can answer with (web/src/http/api_errors.cc). This
// test finds every place in the server's sources that makes an error answer and checks its word
// is on the list, and that the list holds no word the server never gives. The UI's own test
// (web/ui/src/i18n/errors.test.ts) checks each listed word has a Finnish and an English text.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "http/api_error.h"

namespace web_test {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Each way the server writes an error's word: Reject(Fault::kX, "word", ...),
// ApiError{Fault::kX, "word", ...}, ReplyError(res, Fault::kX, "word", ...),
// ReplyJsonError(res, 404, "word", ...), {{"error", "word"}, ...}, body["error"] = "word" and the
// connection gate's Refusal("503 ...", "word", ...).
std::set<std::string> WordsMadeIn(const std::string& source) {
  static const std::regex kMade(
      R"re((?:Fault::k\w+,\s*|ReplyJsonError\(\s*res,\s*\d+,\s*|\{\{"error",\s*|\["error"\]\s*=\s*|Refusal\("[^"]*",\s*)"(\w+)")re");
  std::set<std::string> words;
  for (std::sregex_iterator it(source.begin(), source.end(), kMade), end; it != end; ++it) {
    words.insert((*it)[1].str());
  }
  return words;
}

std::set<std::string> WordsInServerSources() {
  std::set<std::string> words;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(KOODIKOE_SOURCE_DIR) / "web/src")) {
    auto extension = entry.path().extension();
    if (extension != ".cc" && extension != ".h") continue;
    words.merge(WordsMadeIn(ReadFile(entry.path())));
  }
  return words;
}

std::set<std::string> ListedWords() {
  std::set<std::string> words;
  for (std::string_view word : web::ErrorWords()) words.emplace(word);
  return words;
}

TEST(ErrorWordsTest, Issue17TheScanFindsTheWaysAnErrorIsMade) {
  std::set<std::string> expected = {"a", "b", "c", "d", "e", "f", "g"};
  EXPECT_EQ(WordsMadeIn(R"(return Reject(Fault::kInvalid, "a", "..");
                           return ApiError{Fault::kForbidden,
                                           "b", "..", 0};
                           ReplyError(res, Fault::kNotFound, "c", "..");
                           ReplyJsonError(res, 404, "d", "..");
                           body = {{"error", "e"}, {"message", ".."}};
                           body["error"] = "f";
                           Refusal("503 Service Unavailable", "g", "..");
                           {"required", {"error", "message"}})"),
            expected);
}

TEST(ErrorWordsTest, Issue17EveryErrorWordTheServerMakesIsListed) {
  std::set<std::string> made = WordsInServerSources();
  std::set<std::string> listed = ListedWords();
  ASSERT_GT(made.size(), 50u) << "the scan of web/src found too little";
  for (const auto& word : made) {
    EXPECT_TRUE(listed.count(word)) << word << " is made in web/src but not in kErrorWords "
                                    << "(web/src/http/api_errors.cc); add it there and its "
                                    << "texts to web/ui/src/i18n";
  }
  for (const auto& word : listed) {
    EXPECT_TRUE(made.count(word)) << word << " is listed but the server never makes it";
  }
}

}  // namespace
}  // namespace web_test
