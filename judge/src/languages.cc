#include "judge/languages.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <regex>
#include <set>

#include "koodikoe/files.h"
#include "koodikoe/try.h"
#include "koodikoe/unique_fd.h"
#include "yaml_util.h"

extern char** environ;

namespace judge {

using koodikoe::ErrorCode;
using koodikoe::Fail;

namespace {

bool FileExists(const std::string& path) {
  struct stat st;
  return ::stat(path.c_str(), &st) == 0;
}

std::string ExecutableDir() {
  char path[PATH_MAX];
  ssize_t n = ::readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0) return "";
  std::string exe(path, static_cast<size_t>(n));
  return exe.substr(0, exe.rfind('/'));
}

Result<std::vector<std::string>> ListOf(const YamlDoc& doc, const YAML::Node& entry,
                                        const std::string& id, const char* key) {
  return AsStringList(doc, entry[key], id + "." + key, /*split_scalar=*/false);
}

Result<Language> ParseLanguage(const YamlDoc& doc, const YAML::Node& entry) {
  Language language;
  if (!entry.IsMap()) return tl::unexpected(YamlError(doc, entry, "each language must be a map"));
  for (const std::string& key :
       UnknownKeys(entry, {"id", "name", "extensions", "version", "compile", "run", "env",
                           "memory_extra_mib", "memory_error", "processes", "entry", "requires",
                           "services", "precompiled"})) {
    return tl::unexpected(YamlError(doc, entry, "unknown key '" + key + "'"));
  }
  if (!entry["id"]) return tl::unexpected(YamlError(doc, entry, "a language needs an id"));
  KOODIKOE_TRY(auto id, AsString(doc, entry["id"], "id"));
  language.id = id;
  if (entry["name"]) {
    KOODIKOE_TRY(auto name, AsString(doc, entry["name"], id + ".name"));
    language.name = name;
  }
  struct ListKey {
    const char* key;
    std::vector<std::string>* target;
  };
  for (ListKey list :
       {ListKey{"extensions", &language.extensions}, ListKey{"version", &language.version_command},
        ListKey{"compile", &language.compile}, ListKey{"run", &language.run},
        ListKey{"env", &language.env}, ListKey{"requires", &language.required_files},
        ListKey{"precompiled", &language.precompiled}}) {
    KOODIKOE_TRY(auto values, ListOf(doc, entry, id, list.key));
    *list.target = values;
  }
  if (language.run.empty()) {
    return tl::unexpected(YamlError(doc, entry, id + ".run is required"));
  }
  for (const std::string& header : language.precompiled) {
    if (header.empty() || header[0] == '/' || header.find("..") != std::string::npos ||
        header.find_first_of(" <>\"\n") != std::string::npos) {
      return tl::unexpected(YamlError(doc, entry["precompiled"],
                                      "precompiled headers are named as in #include <...>, "
                                      "relative and without '..': '" +
                                          header + "'"));
    }
  }
  if (entry["memory_extra_mib"]) {
    KOODIKOE_TRY(auto extra, AsDouble(doc, entry["memory_extra_mib"], id + ".memory_extra_mib"));
    language.memory_extra_mib = static_cast<uint64_t>(extra);
  }
  if (entry["processes"]) {
    KOODIKOE_TRY(auto processes, AsDouble(doc, entry["processes"], id + ".processes"));
    language.processes = static_cast<int>(processes);
  }
  if (entry["memory_error"]) {
    KOODIKOE_TRY(auto text, AsString(doc, entry["memory_error"], id + ".memory_error"));
    language.memory_error = text;
  }
  if (entry["services"]) {
    KOODIKOE_TRY(auto services, AsBool(doc, entry["services"], id + ".services"));
    language.services = services;
  }
  if (entry["entry"]) {
    KOODIKOE_TRY(auto text, AsString(doc, entry["entry"], id + ".entry"));
    if (text != "java-class" && text != "pascal-program") {
      return tl::unexpected(
          YamlError(doc, entry["entry"], "entry must be java-class or pascal-program"));
    }
    language.entry = text;
  }
  if (language.required_files.empty()) {
    for (const auto* command : {&language.compile, &language.run}) {
      if (!command->empty() && (*command)[0].rfind('/', 0) == 0) {
        language.required_files.push_back((*command)[0]);
      }
    }
  }
  language.installed = true;
  for (const std::string& file : language.required_files) {
    language.installed = language.installed && FileExists(file);
  }
  return language;
}

}  // namespace

Result<LanguageRegistry> LanguageRegistry::Parse(const std::string& text, const std::string& name) {
  KOODIKOE_TRY(auto doc, ParseYaml(text, name));
  if (!doc.root.IsMap() || !doc.root["languages"] || !doc.root["languages"].IsSequence()) {
    return tl::unexpected(YamlError(doc, doc.root, "expected `languages:` with a list"));
  }
  LanguageRegistry registry;
  registry.path_ = name;
  std::set<std::string> ids;
  for (const auto& entry : doc.root["languages"]) {
    Result<Language> language;
    try {
      language = ParseLanguage(doc, entry);
    } catch (const YAML::Exception& e) {
      return tl::unexpected(YamlError(doc, entry, std::string("cannot be read: ") + e.what()));
    }
    if (!language) return tl::unexpected(language.error());
    if (!ids.insert(language->id).second) {
      return tl::unexpected(YamlError(doc, entry, "language '" + language->id + "' twice"));
    }
    registry.languages_.push_back(std::move(*language));
  }
  return registry;
}

Result<LanguageRegistry> LanguageRegistry::Load(const std::string& path) {
  KOODIKOE_TRY(auto text, koodikoe::ReadFile(path, 1u << 20));
  return Parse(text, path);
}

Result<LanguageRegistry> LanguageRegistry::LoadDefault() {
  std::vector<std::string> candidates;
  if (const char* env = std::getenv("KOODIKOE_LANGUAGES"); env && *env) {
    return Load(env);
  }
  std::string exe_dir = ExecutableDir();
  if (!exe_dir.empty()) {
    candidates.push_back(exe_dir + "/languages.yaml");
    candidates.push_back(exe_dir + "/../share/koodikoe/languages.yaml");
  }
  candidates.push_back(KOODIKOE_INSTALL_DATA_DIR "/languages.yaml");
  candidates.push_back(KOODIKOE_JUDGE_SOURCE_DIR "/languages.yaml");
  for (const std::string& candidate : candidates) {
    if (FileExists(candidate)) return Load(candidate);
  }
  return Fail(ErrorCode::kNotFound,
              "languages.yaml not found (looked next to the binary, in " KOODIKOE_INSTALL_DATA_DIR
              " and " KOODIKOE_JUDGE_SOURCE_DIR "); set KOODIKOE_LANGUAGES to its path");
}

const Language* LanguageRegistry::Find(const std::string& id) const {
  for (const Language& language : languages_) {
    if (language.id == id) return &language;
  }
  return nullptr;
}

const Language* LanguageRegistry::ForFile(const std::string& file_name) const {
  size_t dot = file_name.rfind('.');
  if (dot == std::string::npos) return nullptr;
  std::string extension = file_name.substr(dot + 1);
  for (const Language& language : languages_) {
    for (const std::string& candidate : language.extensions) {
      if (candidate == extension) return &language;
    }
  }
  return nullptr;
}

std::string LanguageRegistry::Version(const Language& language) {
  if (language.version_command.empty() || !language.installed) return "";
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return "";
  koodikoe::UniqueFd read_end(fds[0]);
  koodikoe::UniqueFd write_end(fds[1]);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, write_end.fd(), 1);
  posix_spawn_file_actions_adddup2(&actions, write_end.fd(), 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  for (const std::string& arg : language.version_command)
    argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  int spawned = ::posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  write_end.Reset();
  if (spawned != 0) return "";
  auto output = koodikoe::ReadAll(read_end.fd(), 64 << 10);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!output) return "";
  size_t start = 0;
  while (start < output->size()) {
    size_t end = output->find('\n', start);
    if (end == std::string::npos) end = output->size();
    std::string line = output->substr(start, end - start);
    if (line.find_first_not_of(" \t\r") != std::string::npos) return line;
    start = end + 1;
  }
  return "";
}

std::string LanguageRegistry::ToolchainIdentity(const Language& language) {
  std::string identity = language.id;
  for (const std::string& file : language.required_files) {
    char resolved[PATH_MAX];
    struct stat st;
    if (::realpath(file.c_str(), resolved) == nullptr || ::stat(resolved, &st) != 0) continue;
    identity += "|" + std::string(resolved) + ":" + std::to_string(st.st_size) + ":" +
                std::to_string(st.st_mtim.tv_sec) + ":" + std::to_string(st.st_ino);
  }
  for (const auto* command : {&language.compile, &language.run, &language.env}) {
    for (const std::string& arg : *command) identity += "|" + arg;
  }
  return identity;
}

std::vector<std::string> ExpandCommand(const std::vector<std::string>& command,
                                       const CommandValues& values) {
  std::string stem = values.main.substr(0, values.main.rfind('.'));
  std::vector<std::string> argv;
  for (const std::string& word : command) {
    if (word == "{sources}") {
      argv.insert(argv.end(), values.sources.begin(), values.sources.end());
      continue;
    }
    std::string expanded;
    for (size_t i = 0; i < word.size();) {
      size_t close = word[i] == '{' ? word.find('}', i) : std::string::npos;
      if (close == std::string::npos) {
        expanded += word[i++];
        continue;
      }
      std::string key = word.substr(i + 1, close - i - 1);
      if (key == "main")
        expanded += values.main;
      else if (key == "stem")
        expanded += stem;
      else if (key == "dir")
        expanded += values.dir;
      else if (key == "class")
        expanded += values.class_name;
      else if (key == "memory_mib")
        expanded += std::to_string(values.memory_mib);
      else
        expanded += word.substr(i, close - i + 1);  // not ours: leave as written
      i = close + 1;
    }
    argv.push_back(expanded);
  }
  return argv;
}

std::string WithoutJavaComments(const std::string& source) {
  std::string code = source;
  size_t i = 0;
  auto blank_until = [&](size_t end) {
    for (; i < end && i < code.size(); ++i) {
      if (code[i] != '\n') code[i] = ' ';
    }
  };
  while (i < code.size()) {
    if (code.compare(i, 2, "//") == 0) {
      blank_until(code.find('\n', i));
    } else if (code.compare(i, 2, "/*") == 0) {
      size_t close = code.find("*/", i + 2);
      blank_until(close == std::string::npos ? close : close + 2);
    } else if (code[i] == '"' || code[i] == '\'') {
      // Literals may hold braces and keywords too: blank their contents (escapes included).
      const char quote = code[i++];
      while (i < code.size() && code[i] != quote && code[i] != '\n') {
        if (code[i] == '\\' && i + 1 < code.size()) code[i++] = ' ';
        code[i++] = ' ';
      }
      ++i;
    } else {
      ++i;
    }
  }
  return code;
}

namespace {

const std::regex& JavaMainPattern() {
  static const std::regex kMain(R"(static\s+(?:public\s+|final\s+)*void\s+main\s*\()");
  return kMain;
}

// The class whose body encloses `at`, following braces and remembering which opened a class.
std::string EnclosingClass(const std::string& code, size_t at) {
  static const std::regex kClass(R"(^(?:class|interface|enum|record)\s+([A-Za-z_$][\w$]*))");
  std::vector<std::string> open;  // per open brace: the class it belongs to, or ""
  std::string pending;            // a class declared whose body has not opened yet
  for (size_t i = 0; i < at; ++i) {
    char c = code[i];
    bool word_start = i == 0 || !(isalnum(static_cast<unsigned char>(code[i - 1])) ||
                                  code[i - 1] == '_' || code[i - 1] == '$');
    if (word_start && isalpha(static_cast<unsigned char>(c))) {
      std::smatch declared;
      std::string rest = code.substr(i, 256);
      if (std::regex_search(rest, declared, kClass)) pending = declared[1].str();
    } else if (c == '{') {
      open.push_back(pending);
      pending.clear();
    } else if (c == '}' && !open.empty()) {
      open.pop_back();
    }
  }
  for (auto it = open.rbegin(); it != open.rend(); ++it) {
    if (!it->empty()) return *it;
  }
  return "";
}

}  // namespace

bool HasJavaMain(const std::string& source) {
  return std::regex_search(WithoutJavaComments(source), JavaMainPattern());
}

std::string FindJavaMainClass(const std::string& source) {
  const std::string code = WithoutJavaComments(source);
  std::smatch main_match;
  if (std::regex_search(code, main_match, JavaMainPattern())) {
    std::string enclosing = EnclosingClass(code, static_cast<size_t>(main_match.position(0)));
    if (!enclosing.empty()) return enclosing;
  }
  // javac wants a public class in a file of its name: without a main found, that one.
  static const std::regex kPublicClass(
      R"((?:^|\s)public\s+(?:final\s+|abstract\s+)*class\s+([A-Za-z_$][\w$]*))");
  std::smatch public_match;
  if (std::regex_search(code, public_match, kPublicClass)) return public_match[1].str();
  return "";
}

std::string FindJavaPackage(const std::string& source) {
  static const std::regex kPackage(
      R"((?:^|[\s;])package\s+([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*;)");
  std::string code = WithoutJavaComments(source);
  std::smatch match;
  if (!std::regex_search(code, match, kPackage)) return "";
  std::string name = match[1].str();
  name.erase(std::remove_if(name.begin(), name.end(), ::isspace), name.end());
  return name;
}

bool IsPascalProgram(const std::string& source) {
  // Pascal comments: { }, (* *), //.
  size_t i = 0;
  while (i < source.size()) {
    if (isspace(static_cast<unsigned char>(source[i]))) {
      ++i;
    } else if (source[i] == '{') {
      size_t close = source.find('}', i);
      i = close == std::string::npos ? source.size() : close + 1;
    } else if (source.compare(i, 2, "(*") == 0) {
      size_t close = source.find("*)", i + 2);
      i = close == std::string::npos ? source.size() : close + 2;
    } else if (source.compare(i, 2, "//") == 0) {
      size_t close = source.find('\n', i);
      i = close == std::string::npos ? source.size() : close + 1;
    } else {
      break;
    }
  }
  std::string word;
  for (; i < source.size() && isalpha(static_cast<unsigned char>(source[i])); ++i) {
    word += static_cast<char>(tolower(static_cast<unsigned char>(source[i])));
  }
  return word != "unit" && word != "library";
}

}  // namespace judge
