// Exactly one integer with |n| <= 10^9 on one line.
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main() {
  char line[64];
  if (!std::fgets(line, sizeof line, stdin)) return 43;
  char* end = nullptr;
  long long n = std::strtoll(line, &end, 10);
  if (end == line || std::strcmp(end, "\n") != 0) return 43;
  if (n < -1000000000LL || n > 1000000000LL) return 43;
  return std::fgetc(stdin) == EOF ? 42 : 43;
}
