// The names of common/ that every part of the runner uses, in namespace runner.
#pragma once

#include "koodikoe/result.h"
#include "koodikoe/unique_fd.h"

namespace runner {

using koodikoe::ErrorCode;
using koodikoe::Fail;
using koodikoe::FailErrno;
using koodikoe::Result;
using koodikoe::UniqueFd;

}  // namespace runner
