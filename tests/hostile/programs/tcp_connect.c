// Connects to a TCP port on 127.0.0.1 (argv[1], where the host runs a server) and to an
// outside address, and reports whether any connection was made.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "report.h"

static void TryConnect(const char* address, int port) {
  char what[64];
  snprintf(what, sizeof what, "tcp connect %s:%d", address, port);
  int sock = socket(AF_INET, SOCK_STREAM, 0);
  if (sock < 0) {
    Blocked(what, errno);
    return;
  }
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  inet_pton(AF_INET, address, &to.sin_addr);
  if (connect(sock, (struct sockaddr*)&to, sizeof to) == 0) {
    (void)!write(sock, "hello from the box\n", 19);
    Escaped("%s", what);
  } else {
    Blocked(what, errno);
  }
  close(sock);
}

int main(int argc, char** argv) {
  int port = argc > 1 ? atoi(argv[1]) : 80;
  TryConnect("127.0.0.1", port);
  TryConnect("10.0.2.2", port);  // a typical host address seen from a VM or container
  TryConnect("1.1.1.1", 53);
  return escaped_count ? 1 : 0;
}
