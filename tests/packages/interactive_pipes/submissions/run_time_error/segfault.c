/* Crashes before answering: the validator sees end of file only after the crash. */
#include <signal.h>

int main(void) {
  raise(SIGSEGV);
  return 0;
}
