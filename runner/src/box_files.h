// The box's file system as the parent prepares it, and the host side of /box.
#pragma once

#include <sys/stat.h>

#include <string>
#include <vector>

#include "child.h"
#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"
#include "runner/sandbox.h"

namespace runner {

// What every box gets: /usr and the /lib* and /bin links, a minimal /etc, four devices,
// /proc. Computed once per Sandbox. With `views` (boxes with a disk of their own) the
// directories are read-only views with inodes of the box's own (overlays) and the files are
// copied in. With privilege the devices are made in a small /dev tmpfs (cheaper than four bind
// mounts); in a user namespace they are bound from the host.
std::vector<LayoutEntry> BaseLayout(const std::string& root, bool privileged, bool views);
// /etc/passwd and /etc/group naming the box user.
void AddUserFiles(std::vector<LayoutEntry>& layout, const std::string& root, uid_t uid);
// The box's own disk (box_disk.h, the detached tmpfs `disk_fd`), staged at /.disk: first of
// all, since the read-only views use it.
LayoutEntry AttachDisk(const std::string& root, int disk_fd);
// The box's disk at /tmp and under /box: an
// overlay whose lower layer is the caller's host directory `source` (the child checks that it
// is the inode `dir_fd` holds open; "" = no box directory: /box is an empty read-only
// directory). The disk and the lower layer are staged at /.disk and /.lower and detached once
// mounted, so that no host path shows in the box's /proc/self/mountinfo.
void AddBoxDisk(std::vector<LayoutEntry>& layout, const std::string& root,
                const std::string& source, int dir_fd);
// Last: the disk's staging point goes (the disk stays where it is bound).
void AddDiskDetach(std::vector<LayoutEntry>& layout, const std::string& root);
// Without a disk of its own (no privilege): a private, size-capped /tmp (also /dev/shm)...
void AddTmp(std::vector<LayoutEntry>& layout, const std::string& root, uint64_t bytes);
// ...and /box bound straight from the caller's host path, checked to be `dir_fd`'s inode. (A
// bind of /proc/self/fd/N cannot be used: that fd's mount belongs to the caller's mount
// namespace, and bind refuses it with EINVAL.)
void AddBoxBind(std::vector<LayoutEntry>& layout, const std::string& root,
                const std::string& source, int dir_fd);
// An extra bind, with the directories leading to it. With `views` a read-only directory is a
// view of its own (an overlay: see ReadOnlyView in box_files.cc), as /usr is.
void AddBind(std::vector<LayoutEntry>& layout, const std::string& root, const Bind& bind,
             bool views);

// Names below the new root, relative to it (the child builds the layout from there): the
// empty second layer of every read-only view (on the box's disk: a directory left in the
// root and removed would keep the root from becoming read-only), and where a bound directory
// waits to become one.
inline constexpr const char* kEmptyLayer = ".disk/empty";
inline constexpr const char* kStagedLayer = ".staged";
// Refuses binds that would shadow the box's own mounts or create files inside /box.
koodikoe::Result<void> CheckBind(const Bind& bind);

// Opens the box directory without following a symlink and, with `hand_over` (a box without a
// disk of its own, with privilege), hands the directory itself (never its contents) to the box
// user. `owner` keeps who had it.
koodikoe::Result<koodikoe::UniqueFd> OpenBoxDir(const std::string& path, bool hand_over, uid_t uid,
                                                gid_t gid, struct stat& owner);
// After a run in a box without a disk of its own (the program wrote the host directory
// itself): removes every entry that is neither a regular file nor a directory (links, fifos,
// sockets, devices) at any depth, clears set-id bits, gives every file to the directory's
// owner (with privilege) and the directory its owner and mode back. Fd-relative, never
// following a link, with no depth or path length limit.
koodikoe::Result<void> CleanBoxDir(int dir_fd, const struct stat& owner, bool privileged);

}  // namespace runner
