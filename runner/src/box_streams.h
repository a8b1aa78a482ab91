// What the program's standard streams come from and go to, opened by the privileged parent.
#pragma once

#include <string>

#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"

namespace runner {

// Absolute and lexically normal, without a trailing slash.
std::string NormalPath(const std::string& path);
// Whether `path` is strictly below `dir` (both normal).
bool IsBelow(const std::string& path, const std::string& dir);

// Opens the file of a standard stream (`which`: "stdin", "stdout", "stderr"); for output it is
// created and emptied. Below the box directory (`box_path`, held open as `box_fd`, or -1) no
// link is followed on the way; elsewhere no final link. The open never blocks (O_NONBLOCK: a
// fifo planted in its place would hang a root caller forever), and the result must be a
// regular file or /dev/null: a fifo, socket, terminal or other device is refused.
koodikoe::Result<koodikoe::UniqueFd> OpenStreamFile(const std::string& path, int box_fd,
                                                    const std::string& box_path, bool output,
                                                    const char* which);

// Refuses a terminal as one of the box's streams: a program holding the caller's terminal can
// turn its echo off, resize it (SIGWINCH to its foreground group) or read what is typed.
koodikoe::Result<void> RefuseTerminal(int fd, const char* which);

}  // namespace runner
