#include <cstdio>

int main() {
  const long long values[] = {50000, 20000, 10000, 5000, 2000, 1000, 500, 200,
                              100,   50,    20,    10,   5,    2,    1};
  int q;
  if (std::scanf("%d", &q) != 1) return 1;
  for (int i = 0; i < q; ++i) {
    long long amount, pieces = 0;
    if (std::scanf("%lld", &amount) != 1) return 1;
    for (long long value : values) {
      pieces += amount / value;
      amount %= value;
    }
    std::printf("%lld\n", pieces);
  }
}
