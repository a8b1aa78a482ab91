#include <cstdlib>
#include <cstring>

// Touches 1 GiB, sixteen times the limit: killed for its memory long before its time.
int main() {
  for (int i = 0; i < 1024; ++i) {
    char* block = static_cast<char*>(std::malloc(1 << 20));
    std::memset(block, i, 1 << 20);
  }
}
