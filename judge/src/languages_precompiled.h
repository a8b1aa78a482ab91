// Precompiled standard headers (languages.yaml `precompiled:`): g++ parses <iostream> or
// <bits/stdc++.h> once per toolchain and flags, not once per submission.
//
// They are built in a compiler box like any compile, with the language's own compile command
// (the sources swapped for a one-line header, `-o program` for the .gch), so the flags match
// exactly and the compiler sees the same root as a candidate's compile. The .gch files live in
// the compile cache, owned by the judge, and are bound read-only at kPrecompiledMount into
// every compile box of the language, on the include path before the system's (`-I/pch`); g++ uses a
// .gch only when its flags match, and otherwise reads the header as before.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "judge/languages.h"
#include "runner/sandbox.h"

namespace judge {

inline constexpr const char* kPrecompiledMount = "/pch";

// One header of a language's `precompiled:` list, and whether it is warm: built and unchanged
// in the compile cache, so that a compile is offered it.
struct PrecompiledState {
  std::string header;
  bool warm = false;
};

class PrecompiledHeaders {
 public:
  PrecompiledHeaders(runner::Sandbox& sandbox, std::string cache_dir)
      : sandbox_(sandbox), cache_dir_(std::move(cache_dir)) {}

  // Builds the language's precompiled headers unless the cache has them; returns the host
  // directory to bind at kPrecompiledMount ("" when the language lists none). Headers that
  // fail to build are left out (and not tried again for these flags); an Error means nothing
  // could be built, and says why.
  Result<std::string> Build(const Language& language);

  // The directory of headers already built and unchanged since (size and modification time
  // as recorded when built), or "" (compiles go on without). Never builds: building
  // <bits/stdc++.h> takes seconds, done once by `koodikoe languages --warm`.
  std::string Find(const Language& language);

  // Every header the language lists, in its order, and whether `cache_dir` holds it warm (what
  // Find would offer). Reads the cache only: needs no sandbox and never builds.
  static std::vector<PrecompiledState> States(const Language& language,
                                              const std::string& cache_dir);

  // Stops offering the language's headers in this process: a compile with them failed in a
  // way that names them.
  void Distrust(const Language& language);

  // The compile command with the headers' directory on the include path: the only -I of
  // the commands in languages.yaml, so first, before the system's directories. Added last,
  // so that a compile command that is a shell wrapper passes it on with "$@".
  static std::vector<std::string> WithIncludePath(std::vector<std::string> argv);

 private:
  std::string EntryDir(const Language& language) const;
  // Builds every header into temp/include and writes temp's manifest.
  Result<void> BuildInto(const Language& language, const std::string& temp);
  // Builds one header in `box` (to box/gch/HEADER.gch); returns why it failed, "" if built.
  Result<std::string> BuildOne(const Language& language, const std::string& box,
                               const std::string& header, const std::string& stub);

  runner::Sandbox& sandbox_;
  const std::string cache_dir_;
  std::map<std::string, bool> distrusted_;  // entry dir -> not offered any more
};

// Whether a failed compile's message may come from a bad precompiled header rather than the
// program (a PCH the compiler could not read, or a compiler crash): then it is compiled again
// without.
bool MayBePrecompiledFailure(const std::string& message);

}  // namespace judge
