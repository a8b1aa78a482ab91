// The box's own disk: a fresh tmpfs per run that holds /tmp and everything the program
// writes to /box, so both together are capped (Limits::disk_bytes) and charged to the box's
// memory. /box is an overlay: the host directory is the read-only lower layer and the
// program's changes go to the upper layer on this tmpfs; after the run they are copied out.
//
// The parent makes the tmpfs detached (fsopen/fsmount: it is in no mount namespace, so no
// other box copies it) and keeps its fd; the box's init moves it into the box, and after the
// run the parent still reads it through the fd.
#pragma once

#include <sys/types.h>

#include <cstdint>

#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"

namespace runner {

class BoxDisk {
 public:
  // Whether this machine and process can make one (fsmount and overlayfs, with privilege).
  static koodikoe::Result<void> Probe();
  // A fresh tmpfs of `bytes` (0: no cap but memory) holding upper/ (the root of /box for
  // the box user: owned by `uid`/`gid`, with `box_mode`), work/ and tmp/.
  static koodikoe::Result<BoxDisk> Create(uint64_t bytes, uid_t uid, gid_t gid, mode_t box_mode);

  int mount_fd() const { return mount_.fd(); }
  // Whether no block or no inode was left when the program ended (with a cap).
  bool Full() const;
  // Applies what the program did to /box to the host directory `box_fd`: regular files and
  // directories it wrote are copied (holes kept, set-id bits cleared, owned by `uid`/`gid`),
  // names it removed or replaced with anything else (links, fifos, sockets) are removed.
  // Walks fd-relative with no depth limit; never follows a link on either side.
  koodikoe::Result<void> CopyOut(int box_fd, uid_t uid, gid_t gid) const;

 private:
  koodikoe::UniqueFd mount_;
  uint64_t bytes_ = 0;
};

// The overlay's mount options, relative to the root being built (so that
// /proc/self/mountinfo in the box shows no host path).
constexpr const char* kBoxOverlayOptions =
    "lowerdir=.lower,upperdir=.disk/upper,workdir=.disk/work,redirect_dir=off,index=off,"
    "metacopy=off,xino=off";

}  // namespace runner
