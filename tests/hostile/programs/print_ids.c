// Prints its real and effective ids; installed setuid root by the test.
#include <stdio.h>
#include <unistd.h>

int main(void) {
  uid_t ruid, euid, suid;
  gid_t rgid, egid, sgid;
  getresuid(&ruid, &euid, &suid);
  getresgid(&rgid, &egid, &sgid);
  printf("uid=%u euid=%u suid=%u gid=%u egid=%u\n", ruid, euid, suid, rgid, egid);
  return 0;
}
