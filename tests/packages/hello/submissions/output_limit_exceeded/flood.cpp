#include <cstdio>

int main() {
  while (true) std::puts("Hello, flood!");
}
