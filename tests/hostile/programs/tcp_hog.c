// Hides memory in the kernel's socket buffers: a child accepts loopback TCP connections and
// never reads, the parent fills each one until the kernel refuses more (or 2 GiB in all).
// Reports what it queued and the host's MemAvailable (the box's /proc/meminfo is the host's)
// before and at the peak, and exits 0.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include "report.h"

static long long AvailableMiB(void) {
  FILE* meminfo = fopen("/proc/meminfo", "r");
  char line[256];
  long long kib = -1;
  while (meminfo && fgets(line, sizeof line, meminfo)) {
    if (sscanf(line, "MemAvailable: %lld kB", &kib) == 1) break;
  }
  if (meminfo) fclose(meminfo);
  return kib / 1024;
}

int main(void) {
  int listener = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in address = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
  socklen_t length = sizeof address;
  if (listener < 0 || bind(listener, (struct sockaddr*)&address, sizeof address) != 0 ||
      listen(listener, 256) != 0 || getsockname(listener, (struct sockaddr*)&address, &length)) {
    Note("listen: %s", strerror(errno));
    return 1;
  }
  pid_t reader = fork();
  if (reader == 0) {  // accepts and holds, never reads
    for (;;) {
      if (accept(listener, NULL, NULL) < 0) sleep(1);
    }
  }
  long long before = AvailableMiB();
  static char buffer[1 << 16];
  memset(buffer, 'q', sizeof buffer);
  long long queued = 0;
  const long long goal = 2LL << 30;
  for (int connection = 0; connection < 200 && queued < goal; ++connection) {
    int sock = socket(AF_INET, SOCK_STREAM, 0);
    struct timeval second = {.tv_sec = 1};
    setsockopt(sock, SOL_SOCKET, SO_SNDTIMEO, &second, sizeof second);
    if (sock < 0 || connect(sock, (struct sockaddr*)&address, sizeof address) != 0) {
      Note("connection %d: %s", connection, strerror(errno));
      break;
    }
    fcntl(sock, F_SETFL, O_NONBLOCK);
    for (;;) {
      ssize_t n = write(sock, buffer, sizeof buffer);
      if (n <= 0) break;
      queued += n;
    }
  }
  long long peak = AvailableMiB();
  printf("queued %lld MiB; MemAvailable %lld MiB before, %lld MiB at the peak\n", queued >> 20,
         before, peak);
  kill(reader, SIGKILL);
  return 0;
}
