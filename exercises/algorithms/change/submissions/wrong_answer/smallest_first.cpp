// Goes through the values from the smallest: everything is paid in 1 cent coins.
#include <cstdio>

int main() {
  const long long values[] = {1,   2,    5,    10,   20,    50,    100,  200,
                              500, 1000, 2000, 5000, 10000, 20000, 50000};
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
