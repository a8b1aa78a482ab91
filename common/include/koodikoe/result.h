// Result type shared by every module: failures of our own code are values.
#pragma once

#include <string>
#include <tl/expected.hpp>
#include <utility>

namespace koodikoe {

enum class ErrorCode {
  kInvalidArgument,  // the caller asked for something malformed
  kNotFound,
  kSystem,       // a system call failed; sys_errno says why
  kUnsupported,  // the machine cannot do what was asked (e.g. no cgroups)
  kInternal,
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  int sys_errno = 0;
  std::string context;  // what was being done, e.g. "mount /box"

  // "mount /box: Permission denied"
  std::string Describe() const;
};

template <class T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> Fail(ErrorCode code, std::string context) {
  return tl::unexpected<Error>(Error{code, 0, std::move(context)});
}

// Wraps the current errno with what was being done.
tl::unexpected<Error> FailErrno(std::string context);
tl::unexpected<Error> FailErrno(int err, std::string context);

}  // namespace koodikoe
