#include "koodikoe/result.h"

#include <cerrno>
#include <cstring>

namespace koodikoe {

std::string Error::Describe() const {
  if (sys_errno == 0) return context;
  return context + ": " + std::strerror(sys_errno);
}

tl::unexpected<Error> FailErrno(std::string context) {
  return FailErrno(errno, std::move(context));
}

tl::unexpected<Error> FailErrno(int err, std::string context) {
  return tl::unexpected<Error>(Error{ErrorCode::kSystem, err, std::move(context)});
}

}  // namespace koodikoe
