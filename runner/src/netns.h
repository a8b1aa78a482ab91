// Empty network namespaces kept per box slot, so `--net none` costs a setns instead of a
// new namespace (~0.4 ms to make, more to tear down). Only for `none`: with lo down nothing
// can connect, so nothing (not even a TIME_WAIT socket) carries over between runs.
// Loopback boxes always get a fresh namespace.
#pragma once

#include <sys/types.h>

#include <string>

#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"

namespace runner {

// Opens the namespace pinned at `path` by an earlier run; an invalid fd if there is none.
koodikoe::UniqueFd OpenPinnedNetns(const std::string& path);

// Opens the network namespace of a running process and pins it at `path` (a bind mount,
// as `ip netns add` does) so later processes using the same slot can join it.
koodikoe::Result<koodikoe::UniqueFd> PinNetnsOf(pid_t pid, const std::string& path);

}  // namespace runner
