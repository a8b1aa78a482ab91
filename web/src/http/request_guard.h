// Checks on a request before anything reads or parses its body (issue 14): a compressed body
// is refused before it is inflated, and JSON nested past a depth is refused before the parser
// recurses into it.
#pragma once

#include <httplib.h>

#include <string_view>

namespace web {

// Deeper than any body the API takes; far below what overflows a thread's stack.
inline constexpr int kMaxJsonDepth = 64;

// True if brackets and braces outside strings nest deeper than `max_depth`.
bool NestedTooDeeply(std::string_view json_text, int max_depth = kMaxJsonDepth);

// Answers 415 to any request whose body has a Content-Encoding (other than identity), before
// its body is read: httplib would inflate it in full, whatever the route's limit.
void RefuseEncodedBodies(httplib::Server& server);

}  // namespace web
