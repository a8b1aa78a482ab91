// Never makes a guess: thinks forever.
int main() {
  volatile unsigned long counter = 0;
  while (true) ++counter;
}
