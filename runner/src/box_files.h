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
// /proc. Computed once per Sandbox.
std::vector<LayoutEntry> BaseLayout(const std::string& root);
// /etc/passwd and /etc/group naming the box user.
void AddUserFiles(std::vector<LayoutEntry>& layout, const std::string& root, uid_t uid);
// A private, size-capped /tmp (also /dev/shm).
void AddTmp(std::vector<LayoutEntry>& layout, const std::string& root, uint64_t bytes);
// /box, bound from an fd path (/proc/self/fd/N) so no host path is resolved again.
void AddBoxBind(std::vector<LayoutEntry>& layout, const std::string& root,
                const std::string& source);
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
