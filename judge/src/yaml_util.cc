#include "yaml_util.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "judge/package.h"
#include "koodikoe/files.h"
#include "koodikoe/try.h"

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

Result<YamlDoc> ParseYaml(const std::string& text, const std::string& display_name) {
  try {
    return YamlDoc{display_name, YAML::Load(text)};
  } catch (const YAML::Exception& e) {
    return Fail(
        ErrorCode::kInvalidArgument,
        display_name + ", line " + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
}

Result<YamlDoc> LoadYaml(const std::string& path, const std::string& display_name) {
  KOODIKOE_TRY(auto text, koodikoe::ReadFile(path, 4u << 20));
  return ParseYaml(text, display_name);
}

Error YamlError(const YamlDoc& doc, const YAML::Node& node, const std::string& what) {
  std::string where = doc.file;
  try {
    if (node.IsDefined() && node.Mark().line >= 0) {
      where += ", line " + std::to_string(node.Mark().line + 1);
    }
  } catch (const YAML::Exception&) {
  }
  return Error{ErrorCode::kInvalidArgument, 0, where + ": " + what};
}

Result<void> RequireMap(const YamlDoc& doc, const YAML::Node& node, const std::string& what) {
  if (!node.IsDefined() || node.IsNull() || node.IsMap()) return {};
  return tl::unexpected(YamlError(doc, node, what + " must be a map of keys"));
}

std::vector<std::string> UnknownKeys(const YAML::Node& node,
                                     std::initializer_list<const char*> allowed) {
  std::vector<std::string> unknown;
  if (!node.IsDefined() || !node.IsMap()) return unknown;
  for (const auto& entry : node) {
    std::string key = entry.first.Scalar();
    bool known = false;
    for (const char* name : allowed) known = known || key == name;
    if (!known) unknown.push_back(key);
  }
  return unknown;
}

Result<std::string> AsString(const YamlDoc& doc, const YAML::Node& node, const std::string& key) {
  if (!node.IsDefined() || !node.IsScalar())
    return tl::unexpected(YamlError(doc, node, key + " must be a string"));
  return node.Scalar();
}

Result<double> AsDouble(const YamlDoc& doc, const YAML::Node& node, const std::string& key) {
  if (!node.IsDefined() || !node.IsScalar()) {
    return tl::unexpected(YamlError(doc, node, key + " must be a number"));
  }
  const std::string& text = node.Scalar();
  char* end = nullptr;
  errno = 0;
  double value = std::strtod(text.c_str(), &end);
  if (text.empty() || *end != '\0' || errno == ERANGE || std::isnan(value)) {
    return tl::unexpected(YamlError(doc, node, key + " must be a number, not '" + text + "'"));
  }
  return value;
}

Result<bool> AsBool(const YamlDoc& doc, const YAML::Node& node, const std::string& key) {
  if (node.IsDefined() && node.IsScalar()) {
    const std::string& text = node.Scalar();
    if (text == "true" || text == "True" || text == "yes") return true;
    if (text == "false" || text == "False" || text == "no") return false;
  }
  return tl::unexpected(YamlError(doc, node, key + " must be true or false"));
}

Result<std::vector<std::string>> AsStringList(const YamlDoc& doc, const YAML::Node& node,
                                              const std::string& key, bool split_scalar) {
  std::vector<std::string> items;
  if (!node.IsDefined() || node.IsNull()) return items;
  if (node.IsScalar()) {
    if (split_scalar) return SplitFlags(node.Scalar());
    items.push_back(node.Scalar());
    return items;
  }
  if (!node.IsSequence()) {
    return tl::unexpected(YamlError(doc, node, key + " must be a list of strings"));
  }
  for (const auto& item : node) {
    if (!item.IsScalar()) {
      return tl::unexpected(YamlError(doc, item, key + " must be a list of strings"));
    }
    items.push_back(item.Scalar());
  }
  return items;
}

// Declared in judge/package.h; here so that the scenario client can use the YAML helpers
// without the package reader.
std::vector<std::string> SplitFlags(const std::string& text) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (char c : text) {
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else {
        word += c;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
      in_word = true;
    } else if (isspace(static_cast<unsigned char>(c))) {
      if (in_word) words.push_back(word);
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(word);
  return words;
}

}  // namespace judge
