// What the box's disk and the clean-up of its files cost per run, against a plain fork+exec of
// /bin/true measured in the same run (runner internals: runner/src/box_disk.h, box_files.h).
//
// Modes: making the box's disk (fsopen, fsmount, four directories) and dropping it; that plus
// the copy-out of an upper layer holding nothing, one 64 KiB file, or 10 files in 2
// directories; the sweep of a directory holding 10 files in 2 directories (the clean-up
// without a disk of its own); RemoveTree of the same. See bench/README.md.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "box_disk.h"
#include "box_files.h"
#include "koodikoe/files.h"
#include "measure.h"

namespace {

using bench::Measure;
using bench::Report;

std::string MakeDir() {
  char pattern[] = "/tmp/koodikoe-bench-files-XXXXXX";
  if (!mkdtemp(pattern)) std::exit(1);
  return pattern;
}

// 10 files of 4 KiB in the directory `fd`: 4 at the top, 3 in each of two subdirectories.
bool WriteTen(int fd) {
  std::string data(4096, 'd');
  int written = 0;
  for (const char* dir : {"", "a/", "b/"}) {
    if (*dir) mkdirat(fd, std::string(dir, 1).c_str(), 0755);
    for (int i = 0; i < (*dir ? 3 : 4); ++i) {
      std::string name = std::string(dir) + "f" + std::to_string(i);
      koodikoe::UniqueFd file(openat(fd, name.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644));
      written += file.ok() && write(file.fd(), data.data(), data.size()) == 4096;
    }
  }
  return written == 10;
}

bool DiskRound(const std::string& box, int files_kib, bool ten) {
  auto disk = runner::BoxDisk::Create(256u << 20, 60999, 60999, 0755);
  if (!disk) return false;
  koodikoe::UniqueFd upper(openat(disk->mount_fd(), "upper", O_RDONLY | O_DIRECTORY));
  if (files_kib > 0) {
    std::string data(static_cast<size_t>(files_kib) * 1024, 'o');
    koodikoe::UniqueFd file(openat(upper.fd(), "out", O_WRONLY | O_CREAT | O_TRUNC, 0644));
    if (write(file.fd(), data.data(), data.size()) != static_cast<ssize_t>(data.size())) {
      return false;
    }
  }
  if (ten && !WriteTen(upper.fd())) return false;
  koodikoe::UniqueFd box_fd(open(box.c_str(), O_RDONLY | O_DIRECTORY));
  return disk->CopyOut(box_fd.fd(), 0, 0).has_value();
}

}  // namespace

int main(int argc, char** argv) {
  int runs = argc > 1 ? std::atoi(argv[1]) : 1000;
  if (!runner::BoxDisk::Probe()) {
    std::fprintf(stderr, "needs root (fsopen of tmpfs and overlay)\n");
    return 1;
  }
  std::printf("koodikoe box files benchmark: %d runs per mode\n", runs);
  auto plain = Measure(runs, [] { return bench::SpawnAndWait({"/bin/true"}); });
  Report("plain fork+exec", plain, plain);
  Report(
      "disk: create and drop",
      Measure(runs,
              [] { return runner::BoxDisk::Create(256u << 20, 60999, 60999, 0755).has_value(); }),
      plain);
  std::string box = MakeDir();
  Report("disk + copy-out, nothing", Measure(runs, [&] { return DiskRound(box, 0, false); }),
         plain);
  Report("disk + copy-out, 64 KiB", Measure(runs, [&] { return DiskRound(box, 64, false); }),
         plain);
  Report("disk + copy-out, 10 files", Measure(runs, [&] { return DiskRound(box, 0, true); }),
         plain);
  std::filesystem::remove_all(box);

  std::string swept = MakeDir();
  koodikoe::UniqueFd swept_fd(open(swept.c_str(), O_RDONLY | O_DIRECTORY));
  if (!WriteTen(swept_fd.fd())) return 1;
  struct stat owner;
  fstat(swept_fd.fd(), &owner);
  Report("sweep, 10 files",
         Measure(runs, [&] { return runner::CleanBoxDir(swept_fd.fd(), owner, true).has_value(); }),
         plain);
  Report("write + RemoveTree, 10 files",
         Measure(runs,
                 [&] {
                   std::string tree = swept + "/tree";
                   mkdir(tree.c_str(), 0755);
                   koodikoe::UniqueFd fd(open(tree.c_str(), O_RDONLY | O_DIRECTORY));
                   return WriteTen(fd.fd()) && koodikoe::RemoveTree(tree).has_value();
                 }),
         plain);
  std::filesystem::remove_all(swept);
  return 0;
}
