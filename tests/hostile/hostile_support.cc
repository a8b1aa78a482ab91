#include "hostile_support.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <grp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fstream>
#include <map>
#include <random>
#include <sstream>

#include "koodikoe/dir_handle.h"
#include "koodikoe/files.h"
#include "koodikoe/tree_walk.h"

namespace hostile {
namespace {

constexpr uid_t kFirstBoxUid = 60000;

std::string RandomToken() {
  std::random_device random;
  std::ostringstream out;
  out << std::hex << random() << random();
  return out.str();
}

std::string ReadLink(const std::string& path) {
  char buffer[PATH_MAX];
  ssize_t n = ::readlink(path.c_str(), buffer, sizeof buffer - 1);
  return n > 0 ? std::string(buffer, static_cast<size_t>(n)) : "";
}

std::vector<std::string> ListDir(const std::string& path) {
  std::vector<std::string> names;
  koodikoe::UniqueFd dir(::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (!dir.ok()) return names;
  if (auto listed = koodikoe::ListNames(dir.fd())) names = std::move(*listed);
  std::sort(names.begin(), names.end());
  return names;
}

// A listening or bound socket on 127.0.0.1 with an ephemeral port. Deliberately not
// close-on-exec: a box that inherited it could accept connections on the host.
int Listen(int type, int& port) {
  int fd = ::socket(AF_INET, type | SOCK_NONBLOCK, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      (type == SOCK_STREAM && ::listen(fd, 16) != 0) ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ADD_FAILURE() << "cannot start a server on 127.0.0.1: " << std::strerror(errno);
    return -1;
  }
  port = ntohs(address.sin_port);
  return fd;
}

pid_t StartSleeper(uid_t uid) {
  pid_t pid = ::fork();
  if (pid == 0) {
    if (uid != 0 && (::setgroups(0, nullptr) != 0 || ::setresgid(uid, uid, uid) != 0 ||
                     ::setresuid(uid, uid, uid) != 0)) {
      ::_exit(3);
    }
    for (;;) ::pause();
  }
  return pid;
}

// The directories a controller's box cgroups live in: MOUNT + own path + /koodikoe.
std::vector<std::string> CgroupBases() {
  std::map<std::string, std::string> own;  // controller list ("" for v2) -> own path
  std::ifstream cgroups("/proc/self/cgroup");
  std::string line;
  while (std::getline(cgroups, line)) {
    auto first = line.find(':'), second = line.find(':', first + 1);
    if (second == std::string::npos) continue;
    std::string path = line.substr(second + 1);
    own[line.substr(first + 1, second - first - 1)] = path == "/" ? "" : path;
  }
  std::vector<std::string> bases;
  std::ifstream mounts("/proc/self/mountinfo");
  while (std::getline(mounts, line)) {
    auto dash = line.find(" - ");
    if (dash == std::string::npos) continue;
    std::istringstream left(line.substr(0, dash)), right(line.substr(dash + 3));
    std::string id, parent, devno, root, mount_point, fs_type, source, options;
    left >> id >> parent >> devno >> root >> mount_point;
    right >> fs_type >> source >> options;
    if (fs_type == "cgroup2") {
      bases.push_back(mount_point + own[""] + "/koodikoe");
    } else if (fs_type == "cgroup") {
      for (const char* controller : {"memory", "cpuacct", "pids"}) {
        if (("," + options + ",").find(std::string(",") + controller + ",") == std::string::npos) {
          continue;
        }
        for (const auto& [list, path] : own) {
          if (("," + list + ",").find(std::string(",") + controller + ",") != std::string::npos) {
            bases.push_back(mount_point + path + "/koodikoe");
          }
        }
      }
    }
  }
  return bases;
}

}  // namespace

std::string ProgramsDir() { return HOSTILE_PROGRAMS_DIR; }

runner::RunSpec Spec(const std::string& program, const std::vector<std::string>& args) {
  runner::RunSpec spec;
  std::string path = std::string(kInside) + "/" + program;
  if (program.size() > 3 && program.ends_with(".py")) {
    spec.argv = {"/usr/bin/python3", path};
  } else {
    spec.argv = {path};
  }
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.binds.push_back({ProgramsDir(), kInside, false});
  spec.limits.cpu_seconds = 2;
  spec.limits.wall_seconds = 10;
  spec.limits.memory_bytes = 128u << 20;
  spec.limits.max_processes = 32;
  spec.stdout_stream = runner::Capture{};
  spec.stderr_stream = runner::Capture{};
  return spec;
}

TempDir::TempDir(const std::string& prefix) {
  std::string pattern = "/tmp/" + prefix + "XXXXXX";
  char* made = ::mkdtemp(pattern.data());
  if (!made) ADD_FAILURE() << "mkdtemp: " << std::strerror(errno);
  path_ = pattern;
}

TempDir::~TempDir() {
  if (!path_.empty()) (void)koodikoe::RemoveTree(path_);
}

std::vector<int> HeldBoxNumbers() {
  std::vector<int> numbers;
  for (const auto& fd : ListDir("/proc/self/fd")) {
    std::string target = ReadLink("/proc/self/fd/" + fd);
    auto slash = target.rfind("/box-");
    if (target.find("/koodikoe/locks/") == std::string::npos || slash == std::string::npos) {
      continue;
    }
    numbers.push_back(std::atoi(target.c_str() + slash + 5));
  }
  std::sort(numbers.begin(), numbers.end());
  numbers.erase(std::unique(numbers.begin(), numbers.end()), numbers.end());
  return numbers;
}

std::vector<std::string> BoxProcesses(const std::vector<int>& boxes) {
  std::vector<std::string> found;
  for (const auto& pid : ListDir("/proc")) {
    if (pid.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream status("/proc/" + pid + "/status");
    std::string line, name;
    long real = -1, effective = -1;
    while (std::getline(status, line)) {
      if (line.rfind("Name:", 0) == 0) name = line.substr(6);
      if (std::sscanf(line.c_str(), "Uid: %ld %ld", &real, &effective) == 2) break;
    }
    for (int box : boxes) {
      long uid = kFirstBoxUid + box;
      if (real == uid || effective == uid) {
        found.push_back(pid + " uid " + std::to_string(uid) + " " + name);
      }
    }
  }
  return found;
}

std::vector<std::string> LeftoverCgroups(const std::vector<int>& boxes) {
  std::vector<std::string> found;
  for (const auto& base : CgroupBases()) {
    for (int box : boxes) {
      std::string dir = base + "/box-" + std::to_string(box);
      struct stat info;
      if (::stat(dir.c_str(), &info) == 0) found.push_back(dir);
    }
  }
  return found;
}

std::vector<std::string> LeftoverMounts() {
  std::vector<std::string> found;
  std::ifstream mounts("/proc/self/mountinfo");
  std::string line;
  while (std::getline(mounts, line)) {
    if (line.find("/koodikoe/root") != std::string::npos) found.push_back(line);
  }
  return found;
}

HostWitness::HostWitness() : token_(RandomToken()) {
  canary_ = dir_.path() + "/canary";
  ::mkdir(canary_.c_str(), 0700);
  EXPECT_TRUE(koodikoe::WriteFile(canary_ + "/secret", secret() + "\n"));
  EXPECT_TRUE(koodikoe::WriteFile(canary_ + "/target", "host file, must not change\n"));
  ::chmod((canary_ + "/secret").c_str(), 0600);
  ::mkfifo((canary_ + "/fifo").c_str(), 0600);
  tcp_fd_ = Listen(SOCK_STREAM, tcp_port_);
  udp_fd_ = Listen(SOCK_DGRAM, udp_port_);
  sleepers_.push_back(StartSleeper(0));
  sleepers_.push_back(StartSleeper(65534));
  snapshot_ = Snapshot();
}

HostWitness::~HostWitness() {
  for (pid_t pid : sleepers_) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }
  if (tcp_fd_ >= 0) ::close(tcp_fd_);
  if (udp_fd_ >= 0) ::close(udp_fd_);
}

std::string HostWitness::Expand(const std::string& text) const {
  std::string out = text;
  const std::pair<std::string, std::string> fields[] = {{"{token}", token_},
                                                        {"{canary}", canary_},
                                                        {"{tcp}", std::to_string(tcp_port_)},
                                                        {"{udp}", std::to_string(udp_port_)}};
  for (const auto& [key, value] : fields) {
    for (auto at = out.find(key); at != std::string::npos; at = out.find(key)) {
      out.replace(at, key.size(), value);
    }
  }
  return out;
}

// Names, types, sizes, modes, owners and contents of the canary directory.
std::string HostWitness::Snapshot() const {
  std::ostringstream out;
  for (const auto& name : ListDir(canary_)) {
    std::string path = canary_ + "/" + name;
    struct stat info;
    if (::lstat(path.c_str(), &info) != 0) continue;
    out << name << " " << std::oct << info.st_mode << std::dec << " " << info.st_uid << " "
        << info.st_size << " " << info.st_nlink;
    if (S_ISREG(info.st_mode)) out << " " << koodikoe::ReadFile(path).value_or("?");
    out << "\n";
  }
  return out.str();
}

void HostWitness::Check(runner::Sandbox& sandbox) const {
  EXPECT_EQ(Snapshot(), snapshot_) << "the canary directory on the host changed";
  // Files a box tries to create outside itself are named after the token.
  for (const char* dir : {"/", "/tmp", "/dev/shm", "/usr", "/usr/bin", "/usr/lib", "/etc", "/root",
                          "/dev", "/var/tmp"}) {
    for (const auto& name : ListDir(dir)) {
      EXPECT_EQ(name.find(token_), std::string::npos) << "a box wrote " << dir << "/" << name;
    }
  }
  for (const auto& name : ListDir(ProgramsDir())) {
    EXPECT_EQ(name.find(token_), std::string::npos) << "a box wrote into the programs dir";
  }
  // The servers got nothing, and the TCP one still answers.
  int accepted = ::accept(tcp_fd_, nullptr, nullptr);
  EXPECT_LT(accepted, 0) << "the host's TCP server on 127.0.0.1 got a connection";
  if (accepted >= 0) ::close(accepted);
  char datagram[64];
  EXPECT_LT(::recv(udp_fd_, datagram, sizeof datagram, MSG_DONTWAIT), 0)
      << "the host's UDP server on 127.0.0.1 got a datagram";
  int client = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(tcp_port_));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::connect(client, reinterpret_cast<sockaddr*>(&address), sizeof address), 0)
      << "the host's TCP server stopped answering: " << std::strerror(errno);
  ::close(client);
  for (int i = 0; i < 100; ++i) {
    int drained = ::accept(tcp_fd_, nullptr, nullptr);
    if (drained >= 0) {
      ::close(drained);
      break;
    }
    ::usleep(1000);
  }
  for (pid_t pid : sleepers_) {
    EXPECT_EQ(::waitpid(pid, nullptr, WNOHANG), 0) << "a host process died (pid " << pid << ")";
  }
  auto boxes = HeldBoxNumbers();
  EXPECT_FALSE(boxes.empty()) << "this process holds no box";
  auto processes = BoxProcesses(boxes);
  EXPECT_TRUE(processes.empty()) << "left running: " << testing::PrintToString(processes);
  auto cgroups = LeftoverCgroups(boxes);
  EXPECT_TRUE(cgroups.empty()) << "cgroups left: " << testing::PrintToString(cgroups);
  auto mounts = LeftoverMounts();
  EXPECT_TRUE(mounts.empty()) << "mounts left: " << testing::PrintToString(mounts);
  // And the next run still works.
  runner::RunSpec next;
  next.argv = {"/bin/echo", "next"};
  next.stdout_stream = runner::Capture{};
  auto outcome = sandbox.Run(next);
  ASSERT_TRUE(outcome) << outcome.error().Describe();
  EXPECT_EQ(runner::StatusWord(outcome->status), std::string("ok")) << Describe(*outcome);
  EXPECT_EQ(outcome->stdout_data, "next\n");
}

std::vector<std::string> BoxLeftovers(const std::string& dir, const struct stat* owner,
                                      size_t& depth) {
  struct Finder : koodikoe::TreeVisitor {
    bool Visit(const koodikoe::WalkEntry& entry) override {
      const mode_t mode = entry.info.st_mode;
      if (!S_ISREG(mode) && !S_ISDIR(mode))
        found.push_back("not a file or directory: " + entry.name);
      if (mode & (S_ISUID | S_ISGID)) found.push_back("set-id: " + entry.name);
      if (owner && (entry.info.st_uid != owner->st_uid || entry.info.st_gid != owner->st_gid)) {
        found.push_back("owned by " + std::to_string(entry.info.st_uid) + ": " + entry.name);
      }
      deepest = std::max(deepest, entry.depth);
      return S_ISDIR(mode);
    }
    const struct stat* owner = nullptr;
    std::vector<std::string> found;
    size_t deepest = 0;
  } finder;
  finder.owner = owner;
  koodikoe::UniqueFd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  auto walked = koodikoe::WalkTree(fd.fd(), -1, finder);
  if (!walked) finder.found.push_back("walk: " + walked.error().Describe());
  depth = finder.deepest;
  return finder.found;
}

std::vector<std::string> Escapes(const runner::Outcome& outcome) {
  std::vector<std::string> escapes;
  std::istringstream lines(outcome.stdout_data);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("ESCAPED", 0) == 0) escapes.push_back(line);
  }
  return escapes;
}

std::string Describe(const runner::Outcome& outcome) {
  std::ostringstream out;
  out << "status=" << runner::StatusWord(outcome.status) << " limit=" << outcome.limit
      << " exit=" << outcome.exit_code << " signal=" << outcome.signal
      << " cpu_ms=" << outcome.cpu_ms << " wall_ms=" << outcome.wall_ms
      << " memory_kib=" << outcome.memory_kib << " message='" << outcome.message << "'\n"
      << "stdout: " << outcome.stdout_data.substr(0, 4000) << "\n"
      << "stderr: " << outcome.stderr_data.substr(0, 2000);
  return out.str();
}

}  // namespace hostile

namespace hostile {

CliProcess StartCommand(const std::vector<std::string>& argv, const std::string& scratch_dir) {
  static int counter = 0;
  CliProcess process;
  std::string stem =
      scratch_dir + "/cli-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
  process.out_path = stem + ".out";
  process.err_path = stem + ".err";
  std::vector<std::string> copy = argv;
  std::vector<char*> pointers;
  for (auto& arg : copy) pointers.push_back(arg.data());
  pointers.push_back(nullptr);
  process.pid = ::fork();
  if (process.pid == 0) {
    int out = ::open(process.out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int err = ::open(process.err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    int in = ::open("/dev/null", O_RDONLY);
    if (out < 0 || err < 0 || in < 0) ::_exit(126);
    ::dup2(in, 0);
    ::dup2(out, 1);
    ::dup2(err, 2);
    ::execvp(pointers[0], pointers.data());
    ::_exit(127);
  }
  return process;
}

CliProcess StartCli(const std::vector<std::string>& args, const std::string& scratch_dir,
                    const std::vector<std::string>& prefix) {
  std::vector<std::string> argv = prefix;
  argv.push_back(KOODIKOE_RUN_BINARY);
  argv.push_back("run");
  argv.insert(argv.end(), args.begin(), args.end());
  return StartCommand(argv, scratch_dir);
}

CliRun FinishCli(const CliProcess& process) {
  CliRun run;
  int status = 0;
  if (::waitpid(process.pid, &status, 0) == process.pid) {
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  run.stdout_text = koodikoe::ReadFile(process.out_path).value_or("");
  run.stderr_text = koodikoe::ReadFile(process.err_path).value_or("");
  std::string trimmed = run.stdout_text;
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
  auto newline = trimmed.rfind('\n');
  run.result_line = newline == std::string::npos ? trimmed : trimmed.substr(newline + 1);
  ::unlink(process.out_path.c_str());
  ::unlink(process.err_path.c_str());
  return run;
}

CliRun RunCli(const std::vector<std::string>& args, const std::vector<std::string>& prefix) {
  TempDir scratch("koodikoe-hostile-cli-");
  return FinishCli(StartCli(args, scratch.path(), prefix));
}

}  // namespace hostile
