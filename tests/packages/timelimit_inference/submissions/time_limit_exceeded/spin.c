/* Never finishes: too slow at any time limit, margin included. */
int main(void) {
  for (volatile unsigned long i = 0;; i = i + 1) {
  }
}
