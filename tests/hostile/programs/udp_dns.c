// Sends UDP datagrams to the host's 127.0.0.1 (argv[1]) and to public DNS servers, and
// resolves a name.
#include <arpa/inet.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include "report.h"

static void TrySend(const char* address, int port) {
  char what[64];
  snprintf(what, sizeof what, "udp send %s:%d", address, port);
  int sock = socket(AF_INET, SOCK_DGRAM, 0);
  if (sock < 0) {
    Blocked(what, errno);
    return;
  }
  struct sockaddr_in to = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
  inet_pton(AF_INET, address, &to.sin_addr);
  long sent = sendto(sock, "box", 3, 0, (struct sockaddr*)&to, sizeof to);
  if (strcmp(address, "127.0.0.1") == 0 && sent >= 0) {
    // With --net loopback this is the box's own lo; the host's server proves nothing arrived.
    Note("sent to the box's own %s", what);
  } else {
    ExpectFailure(what, sent);
  }
  close(sock);
}

int main(int argc, char** argv) {
  int port = argc > 1 ? atoi(argv[1]) : 53;
  TrySend("127.0.0.1", port);
  TrySend("8.8.8.8", 53);
  TrySend("1.1.1.1", 53);
  struct addrinfo* found = NULL;
  int rc = getaddrinfo("example.com", "80", NULL, &found);
  if (rc == 0) {
    Escaped("resolved example.com");
    freeaddrinfo(found);
  } else {
    printf("blocked: resolve example.com (%s)\n", gai_strerror(rc));
  }
  return escaped_count ? 1 : 0;
}
