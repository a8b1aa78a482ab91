#include "base/log.h"
#include "http/api_error.h"

namespace web {

tl::unexpected<ApiError> InternalFailure(const koodikoe::Error& error) {
  LogError("internal: " + error.Describe());
  return Reject(Fault::kInternal, "internal_error",
                "Something went wrong on the server. Try again in a moment; if it keeps "
                "happening, tell the workshop's trainer.");
}

}  // namespace web
