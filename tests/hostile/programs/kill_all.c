// kill(-1, SIGKILL): every process it may signal. Then it tries its init and reports.
#include <signal.h>
#include <unistd.h>

#include "report.h"

int main(void) {
  long killed = kill(-1, SIGKILL);
  Note("kill(-1, SIGKILL) = %ld (%s)", killed, killed < 0 ? strerror(errno) : "sent");
  ExpectFailure("kill the box's init", kill(1, SIGKILL));
  ExpectFailure("signal pid 1 of the host", kill(1, SIGTERM));
  Note("still alive");
  return escaped_count ? 1 : 0;
}
