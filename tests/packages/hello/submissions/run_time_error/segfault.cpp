#include <cstdio>

int main() {
  volatile int* nowhere = nullptr;
  std::printf("%d\n", *nowhere);
}
