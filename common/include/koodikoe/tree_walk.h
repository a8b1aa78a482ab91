// Walks directory trees a sandboxed program may have built, or that are too deep for paths.
//
// Through file descriptors only: no path is ever built, so PATH_MAX does not limit the depth.
// One directory is open at a time: the walk climbs back up through "..", and checks that it
// arrives in the directory it came down from, so the fd limit does not bound the depth
// either. Symlinks are never followed, and entries of other mounts are never visited.
#pragma once

#include <sys/stat.h>

#include <cstddef>
#include <string>

#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"

namespace koodikoe {

struct WalkEntry {
  int dir_fd;               // the directory holding the entry
  int companion_fd;         // the same place in the companion tree, or -1
  const std::string& name;  // a single name in dir_fd
  const struct stat& info;  // of the entry itself (never of a link's target)
  size_t depth;             // 0 for the entries of the root
};

class TreeVisitor {
 public:
  virtual ~TreeVisitor() = default;
  // Called for every entry, parents before their contents. For a directory, returning
  // true walks into it.
  virtual bool Visit(const WalkEntry& entry) = 0;
  // For a directory the walk goes into: the directory of the companion tree to walk beside
  // it (the walk takes the fd over), or an invalid fd for no companion below here.
  virtual UniqueFd Companion(const WalkEntry&) { return UniqueFd(); }
  // After the contents of a directory Visit walked into, with the entry Visit saw.
  virtual void Leave(const WalkEntry&) {}
};

// Walks the tree below `root_fd`, depth first, beside the tree below `companion_fd` if that
// is >= 0. Fails only when the walk cannot go on: the root cannot be listed, or a
// directory it climbs back to is not the one it left (the tree was moved meanwhile).
// Entries that vanish or change type while it walks are skipped.
Result<void> WalkTree(int root_fd, int companion_fd, TreeVisitor& visitor);

// Removes everything below `dir_fd`, keeping the directory itself.
Result<void> RemoveContents(int dir_fd);
// Removes the entry `name` of `parent_fd`, with everything below it if it is a directory.
// A missing entry is no error.
Result<void> RemoveTreeAt(int parent_fd, const std::string& name);

}  // namespace koodikoe
