// Reads the values as unsigned: -0.5 degrees comes out as 6553.1.
#include <cstdio>
#include <vector>

int main() {
  int n;
  if (scanf("%d", &n) != 1) return 1;
  std::vector<int> b(n);
  for (int& x : b) scanf("%x", &x);
  int good = 0, bad = 0;
  for (int i = 0; i < n;) {
    if (b[i] != 0xAA || i + 2 >= n) { ++i; continue; }
    int len = b[i + 1], end = i + 3 + len;
    if (len == 0 || len % 2 || len > 16 || end >= n) { ++i; continue; }
    int sum = 0;
    for (int k = i + 1; k < end; ++k) sum += b[k];
    if (sum % 256 != b[end]) { ++bad; ++i; continue; }
    printf("%d:", b[i + 2]);
    for (int k = i + 3; k < end; k += 2) {
      int v = b[k] << 8 | b[k + 1];
      printf(" %d.%d", v / 10, v % 10);
    }
    printf("\n");
    ++good;
    i = end + 1;
  }
  printf("good %d bad %d\n", good, bad);
}
