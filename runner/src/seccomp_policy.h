// The seccomp filter of every box, built once per process and loaded raw in each child.
#pragma once

#include <linux/filter.h>

#include <vector>

#include "koodikoe/result.h"

namespace runner {

// A compiled BPF program; the child loads it with one seccomp() call and no allocation.
class SeccompProgram {
 public:
  // Kills the process (SIGSYS, reported as security_violation) on system calls a judged
  // program never needs, on foreign ABIs (int 0x80, x32) and on namespace-creating clone
  // flags; returns ENOSYS for clone3 so libc falls back to the filterable clone.
  static koodikoe::Result<SeccompProgram> Build();

  // Points into this object: keep it alive while the program is loaded.
  sock_fprog program() const {
    return sock_fprog{static_cast<unsigned short>(code_.size()),
                      const_cast<sock_filter*>(code_.data())};
  }

 private:
  std::vector<sock_filter> code_;
};

}  // namespace runner
