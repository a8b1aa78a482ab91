// Creates threads without end; each sleeps, the main thread retries forever.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void* Sleep(void* arg) {
  (void)arg;
  for (;;) pause();
  return NULL;
}

int main(void) {
  long created = 0;
  int said = 0;
  for (;;) {
    pthread_t thread;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, 64 * 1024);
    if (pthread_create(&thread, &attr, Sleep, NULL) == 0) {
      ++created;
    } else if (!said) {
      printf("threads created before the cap: %ld\n", created);
      fflush(stdout);
      said = 1;
    }
    pthread_attr_destroy(&attr);
  }
}
