// Spins on the CPU forever, in argv[1] threads (default 1).
#include <pthread.h>
#include <stdlib.h>

static void* Spin(void* arg) {
  volatile unsigned long* counter = arg;
  for (;;) ++*counter;
  return NULL;
}

int main(int argc, char** argv) {
  int threads = argc > 1 ? atoi(argv[1]) : 1;
  static volatile unsigned long counters[64];
  for (int i = 1; i < threads && i < 64; ++i) {
    pthread_t thread;
    pthread_create(&thread, NULL, Spin, (void*)&counters[i]);
  }
  Spin((void*)&counters[0]);
  return 0;
}
