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
// /proc. Computed once per Sandbox. With privilege the devices are made in a small /dev
// tmpfs (cheaper than four bind mounts); in a user namespace they are bound from the host.
std::vector<LayoutEntry> BaseLayout(const std::string& root, bool privileged);
// /etc/passwd and /etc/group naming the box user.
void AddUserFiles(std::vector<LayoutEntry>& layout, const std::string& root, uid_t uid);
// A private, size-capped /tmp (also /dev/shm).
void AddTmp(std::vector<LayoutEntry>& layout, const std::string& root, uint64_t bytes);
// /box, bound from the caller's host path; the child checks that the mounted directory is
// the one `dir_fd` holds open. (A bind of /proc/self/fd/N cannot be used: that fd's mount
// belongs to the caller's mount namespace, and bind refuses it with EINVAL.)
void AddBoxBind(std::vector<LayoutEntry>& layout, const std::string& root,
                const std::string& source, int dir_fd);
// An extra bind, with the directories leading to it.
void AddBind(std::vector<LayoutEntry>& layout, const std::string& root, const Bind& bind);
// Refuses binds that would shadow the box's own mounts or create files inside /box.
koodikoe::Result<void> CheckBind(const Bind& bind);

// Opens the box directory without following a symlink and, when privileged, hands the
// directory itself (never its contents) to the box user. `owner` keeps who had it.
koodikoe::Result<koodikoe::UniqueFd> OpenBoxDir(const std::string& path, bool privileged, uid_t uid,
                                                gid_t gid, struct stat& owner);
// After a run: removes fifos, sockets and devices the program left anywhere in the box
// (never following links) and gives the directory back to its owner.
void CleanBoxDir(int dir_fd, const struct stat& owner, bool privileged);

}  // namespace runner
