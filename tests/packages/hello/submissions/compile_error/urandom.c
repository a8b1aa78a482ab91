/* Tries to make the compiler read forever. */
#include </dev/urandom>
int main(void) { return 0; }
