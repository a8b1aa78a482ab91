// Raw and packet sockets, and netlink: listing the interfaces is allowed (the box's own
// empty namespace), changing them is not.
#include <arpa/inet.h>
#include <linux/audit.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "report.h"

// Sends one netlink request and returns the error the kernel's acknowledgement carries.
static int Ask(int sock, void* request, size_t size) {
  struct nlmsghdr* header = request;
  header->nlmsg_len = (unsigned)size;
  header->nlmsg_flags |= NLM_F_REQUEST | NLM_F_ACK;
  if (send(sock, request, size, 0) < 0) return errno;
  char answer[8192];
  ssize_t n = recv(sock, answer, sizeof answer, 0);
  if (n < 0) return errno;
  struct nlmsghdr* reply = (struct nlmsghdr*)answer;
  if (n < (ssize_t)sizeof *reply || reply->nlmsg_type != NLMSG_ERROR) return 0;
  return -((struct nlmsgerr*)NLMSG_DATA(reply))->error;
}

// Asks rtnetlink to bring interface `index` up.
static int SetLinkUp(int sock, int index) {
  struct {
    struct nlmsghdr header;
    struct ifinfomsg info;
  } request = {0};
  request.header.nlmsg_type = RTM_NEWLINK;
  request.info.ifi_family = AF_UNSPEC;
  request.info.ifi_index = index;
  request.info.ifi_flags = IFF_UP;
  request.info.ifi_change = IFF_UP;
  return Ask(sock, &request, sizeof request);
}

// Asks the audit subsystem to disable itself.
static int DisableAudit(int sock) {
  struct {
    struct nlmsghdr header;
    struct audit_status status;
  } request = {0};
  request.header.nlmsg_type = AUDIT_SET;
  request.status.mask = AUDIT_STATUS_ENABLED;
  request.status.enabled = 0;
  return Ask(sock, &request, sizeof request);
}

static void Report(const char* what, int error) {
  if (error) {
    Blocked(what, error);
  } else {
    Escaped("%s", what);
  }
}

int main(void) {
  ExpectFailure("raw IPv4 socket", socket(AF_INET, SOCK_RAW, IPPROTO_ICMP));
  ExpectFailure("raw IPv6 socket", socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6));
  ExpectFailure("packet socket", socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)));

  struct if_nameindex* links = if_nameindex();
  int lo = 0;
  for (struct if_nameindex* link = links; link && link->if_index; ++link) {
    Note("interface %s", link->if_name);
    if (strcmp(link->if_name, "lo") != 0) Escaped("an interface other than lo: %s", link->if_name);
    if (strcmp(link->if_name, "lo") == 0) lo = (int)link->if_index;
  }
  if (links) if_freenameindex(links);

  int sock = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
  if (sock < 0) {
    Blocked("netlink route socket", errno);
  } else {
    Report("netlink: set lo up", lo ? SetLinkUp(sock, lo) : ENODEV);
    close(sock);
  }
  sock = socket(AF_NETLINK, SOCK_RAW, NETLINK_AUDIT);
  if (sock < 0) {
    Blocked("netlink audit socket", errno);
  } else {
    Report("netlink: disable audit", DisableAudit(sock));
    close(sock);
  }
  return escaped_count ? 1 : 0;
}
