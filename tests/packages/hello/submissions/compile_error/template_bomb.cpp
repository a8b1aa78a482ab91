// Exponential template instantiation: must be stopped by the compile limits.
template <int N, typename T>
struct Bomb {
  using A = typename Bomb<N - 1, Bomb<N, T>>::type;
  using B = typename Bomb<N - 1, Bomb<N + 1, T>>::type;
  using type = A;
};
template <typename T>
struct Bomb<0, T> {
  using type = T;
};
int main() { typename Bomb<40, int>::type x{}; (void)x; }
