// The language registry: which languages the judge can build and run, read from a YAML data
// file (judge/languages.yaml), so adding a language is a few lines of data and its Debian
// package, not code.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "koodikoe/result.h"

namespace judge {

using koodikoe::Error;
using koodikoe::Result;

struct Language {
  std::string id;                            // "cpp"
  std::string name;                          // "C++20 (g++)"
  std::vector<std::string> extensions;       // without dots; the first is canonical
  std::vector<std::string> version_command;  // prints the version on its first line
  // Build step, run in a box with the sources in its working directory; empty = none.
  // Placeholders: {sources} (every source file, one argument each), {main}, {stem},
  // {class} (the main class found in the source), {memory_mib}.
  std::vector<std::string> compile;
  // Run step. {dir} is where the built files are inside the box; also {main}, {stem},
  // {class}, {memory_mib} (the test's memory limit).
  std::vector<std::string> run;
  std::vector<std::string> env;  // extra "K=V" for both steps
  // Standard headers ("iostream", "bits/stdc++.h") precompiled once per toolchain and flags
  // with the compile command itself and offered to every compile (languages_precompiled.h).
  std::vector<std::string> precompiled;
  // Added to the box's memory limit: runtimes with their own heap limit (the JVM's -Xmx)
  // need room for themselves, and then report running out as memory_error below.
  uint64_t memory_extra_mib = 0;
  std::string memory_error;  // text on stderr meaning the program ran out of memory
  int processes = 64;        // tasks, threads included
  // How the main file is chosen among several: "" (named like the program, main, or the
  // first), "java-class" (the file with a main method; {class} is its class, package-qualified),
  // "pascal-program" (the program, not a unit).
  std::string entry;
  // Its standard library serves HTTP, so a candidate can write a `service` exercise's server
  // with nothing installed in the box: only these languages are offered for services.
  bool services = false;
  std::vector<std::string> required_files;  // host files that must exist for it to be installed
  bool installed = false;                   // every `requires` file exists
};

class LanguageRegistry {
 public:
  // Reads a registry file. Errors name the file, line and key.
  static Result<LanguageRegistry> Load(const std::string& path);
  // Finds languages.yaml: $KOODIKOE_LANGUAGES, next to the running binary, ../share/koodikoe,
  // the installed data directory, then the source tree.
  static Result<LanguageRegistry> LoadDefault();
  static Result<LanguageRegistry> Parse(const std::string& text, const std::string& name);

  const Language* Find(const std::string& id) const;
  // The language of a file by its extension (the first entry listing it), or nullptr.
  const Language* ForFile(const std::string& file_name) const;
  const std::vector<Language>& languages() const { return languages_; }
  const std::string& path() const { return path_; }

  // Runs the version command (trusted host compilers) and returns its first line.
  static std::string Version(const Language& language);
  // Cheap identity of the installed toolchain (sizes and times of its files) for cache keys.
  static std::string ToolchainIdentity(const Language& language);

 private:
  std::vector<Language> languages_;
  std::string path_;
};

// Values for the placeholders of Language::compile and Language::run.
struct CommandValues {
  std::vector<std::string> sources;
  std::string main;
  std::string dir = ".";
  std::string class_name;
  uint64_t memory_mib = 256;
};

std::vector<std::string> ExpandCommand(const std::vector<std::string>& command,
                                       const CommandValues& values);

// Java source with its comments and the contents of its literals blanked (lines kept).
std::string WithoutJavaComments(const std::string& source);
// Whether Java source declares a main method (comments aside).
bool HasJavaMain(const std::string& source);
// The class holding `public static void main` in Java source, without its package ("" if none
// is found); comments are not code.
std::string FindJavaMainClass(const std::string& source);
// The package Java source declares ("a.b"), or "".
std::string FindJavaPackage(const std::string& source);
// Whether Pascal source is a program rather than a unit or library.
bool IsPascalProgram(const std::string& source);

}  // namespace judge
