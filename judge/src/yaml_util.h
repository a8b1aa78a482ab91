// Typed access to YAML documents with errors that name the file, the line and the key.
// yaml-cpp throws; every call into it that can throw is wrapped here or in LoadYaml.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "koodikoe/result.h"
#include "koodikoe/try.h"

namespace judge {

using koodikoe::Error;
using koodikoe::Result;

// A parsed document and the name used for it in messages ("data/secret/testdata.yaml").
struct YamlDoc {
  std::string file;
  YAML::Node root;  // Null for an empty file
};

// Reads and parses a YAML file. A syntax error names the file and line.
Result<YamlDoc> LoadYaml(const std::string& path, const std::string& display_name);
Result<YamlDoc> ParseYaml(const std::string& text, const std::string& display_name);

// "problem.yaml, line 4: limits.memory must be a positive integer"
Error YamlError(const YamlDoc& doc, const YAML::Node& node, const std::string& what);

// The root must be a map (or empty). Returns the error for anything else.
Result<void> RequireMap(const YamlDoc& doc, const YAML::Node& node, const std::string& what);

// Keys of `node` that are not in `allowed`.
std::vector<std::string> UnknownKeys(const YAML::Node& node,
                                     std::initializer_list<const char*> allowed);

// Scalars. `key` is used in messages only.
Result<std::string> AsString(const YamlDoc& doc, const YAML::Node& node, const std::string& key);
Result<double> AsDouble(const YamlDoc& doc, const YAML::Node& node, const std::string& key);
Result<bool> AsBool(const YamlDoc& doc, const YAML::Node& node, const std::string& key);
// One of a few words, as the value it stands for ("KEY must be a, b or c" otherwise).
template <class Value>
Result<Value> AsWord(const YamlDoc& doc, const YAML::Node& node, const std::string& key,
                     const std::vector<std::pair<std::string, Value>>& words) {
  KOODIKOE_TRY(auto text, AsString(doc, node, key));
  std::string choices;
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i].first == text) return words[i].second;
    choices += (i == 0 ? "" : i + 1 == words.size() ? " or " : ", ") + words[i].first;
  }
  return tl::unexpected(YamlError(doc, node, key + " must be " + choices));
}

// A sequence of scalars, or one scalar (split on spaces when split_scalar is true).
Result<std::vector<std::string>> AsStringList(const YamlDoc& doc, const YAML::Node& node,
                                              const std::string& key, bool split_scalar);

}  // namespace judge
