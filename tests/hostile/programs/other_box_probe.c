// Looks for another box's file (argv[1] is its name) through every process it can see, and
// tries to kill everything it can signal.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include "report.h"

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  DIR* proc = opendir("/proc");
  struct dirent* entry;
  int processes = 0;
  while (proc && (entry = readdir(proc))) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    ++processes;
    const char* ways[] = {"root/box", "cwd", "root/tmp"};
    for (size_t i = 0; i < 3; ++i) {
      char path[512];
      snprintf(path, sizeof path, "/proc/%s/%s/%s", entry->d_name, ways[i], argv[1]);
      if (access(path, F_OK) == 0) Escaped("found %s", path);
    }
  }
  if (proc) closedir(proc);
  const char* places[] = {"/box", "/tmp", "/"};
  for (size_t i = 0; i < 3; ++i) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", places[i], argv[1]);
    if (access(path, F_OK) == 0) Escaped("found %s", path);
  }
  Note("processes visible: %d", processes);
  Note("kill(-1) = %d", kill(-1, SIGKILL));
  return escaped_count ? 1 : 0;
}
