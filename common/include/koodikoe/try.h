// Error propagation for tl::expected: one line instead of "call, test, return the error".
//
//   KOODIKOE_TRY(auto report, Evaluate(submission));  // report: the value, moved out
//   KOODIKOE_TRY_VOID(MakeDirs(path));                // a Result<void>, or a value not needed
//
// The expression (any tl::expected: Result<T>, or web's ApiResult<T>) is evaluated once. On
// failure the enclosing function returns tl::unexpected(error), which converts into the
// function's own expected type as the hand-written `return tl::unexpected(x.error());` did;
// otherwise KOODIKOE_TRY declares its first argument from the held value.
// REQUIRES: the enclosing function (or lambda) returns a tl::expected whose error type can be
// made from the expression's. KOODIKOE_TRY declares a variable, so it is a statement of its
// own: not the body of an unbraced if or loop. The first argument must not hold a top-level
// comma (a structured binding); the expression may.
#pragma once

#include <tl/expected.hpp>
#include <utility>

#define KOODIKOE_TRY(declaration, ...) \
  KOODIKOE_TRY_IMPL_(KOODIKOE_TRY_NAME_(koodikoe_try_, __COUNTER__), declaration, __VA_ARGS__)

#define KOODIKOE_TRY_VOID(...)                                            \
  do {                                                                    \
    if (auto koodikoe_try_result = (__VA_ARGS__); !koodikoe_try_result) { \
      return ::tl::unexpected(std::move(koodikoe_try_result).error());    \
    }                                                                     \
  } while (false)

// Implementation details.
#define KOODIKOE_TRY_IMPL_(result, declaration, ...)               \
  auto result = (__VA_ARGS__);                                     \
  if (!result) return ::tl::unexpected(std::move(result).error()); \
  declaration = *std::move(result)
#define KOODIKOE_TRY_NAME_(prefix, counter) KOODIKOE_TRY_CONCAT_(prefix, counter)
#define KOODIKOE_TRY_CONCAT_(a, b) a##b
