// What went wrong with an API request, as data. Handlers return these and routes.cc turns the
// fault into an HTTP status code (raw handlers, which write downloads and streams themselves,
// set their own).
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <tl/expected.hpp>

#include "koodikoe/result.h"

namespace web {

enum class Fault {
  kInvalid,          // the request is malformed or asks for something impossible
  kUnauthenticated,  // no valid session or token
  kForbidden,        // logged in, but this role or person may not do it
  kNotFound,
  kConflict,     // e.g. the username is taken
  kTooLarge,     // a body or a field over its limit
  kRateLimited,  // too many attempts; try again later
  kUnavailable,  // storage or judging is down
  kInternal,     // our own bug or failure; details go to the log only
};

struct ApiError {
  Fault fault = Fault::kInternal;
  std::string error;    // machine word: "bad_request", "source_too_large", ...
  std::string message;  // a sentence a person can act on
  int retry_after_seconds = 0;
  // The values the message names (a limit, a count, a field), so that a client can word the
  // error in its user's language from `error` and these: {"limit_kib": 256}.
  nlohmann::json params = nlohmann::json::object();
};

template <class T>
using ApiResult = tl::expected<T, ApiError>;

inline tl::unexpected<ApiError> Reject(Fault fault, std::string error, std::string message) {
  return tl::unexpected<ApiError>(ApiError{fault, std::move(error), std::move(message), 0});
}

inline tl::unexpected<ApiError> Reject(Fault fault, std::string error, std::string message,
                                       nlohmann::json params) {
  return tl::unexpected<ApiError>(
      ApiError{fault, std::move(error), std::move(message), 0, std::move(params)});
}

// A failure of our own code (storage, helper): the details are logged, the client gets a
// generic message.
tl::unexpected<ApiError> InternalFailure(const koodikoe::Error& error);

// Every error word an answer of this server can carry, in one list: the UI words each of them
// in Finnish and English, and a test fails when a word is missing here or in the UI.
std::span<const std::string_view> ErrorWords();

}  // namespace web
