// Shared by the hostile programs: each attempt prints one line, "blocked: WHAT (why)" when
// the sandbox stopped it or "ESCAPED: WHAT" when it got through. The test reads these lines.
#pragma once

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int escaped_count = 0;

static inline void Blocked(const char* what, int error) {
  printf("blocked: %s (%s)\n", what, strerror(error));
  fflush(stdout);
}

static inline void Escaped(const char* format, ...) {
  va_list args;
  va_start(args, format);
  printf("ESCAPED: ");
  vprintf(format, args);
  printf("\n");
  va_end(args);
  fflush(stdout);
  ++escaped_count;
}

// For calls that must fail: reports which way it went.
static inline void ExpectFailure(const char* what, long result) {
  if (result < 0) {
    Blocked(what, errno);
  } else {
    Escaped("%s", what);
  }
}

static inline void Note(const char* format, ...) {
  va_list args;
  va_start(args, format);
  vprintf(format, args);
  printf("\n");
  va_end(args);
  fflush(stdout);
}
