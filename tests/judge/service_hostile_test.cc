// Hostile `service` submissions, judged end to end through the real sandbox: each gets a
// clear verdict and nothing of it survives the run.
#include <arpa/inet.h>
#include <dirent.h>
#include <gtest/gtest.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "judge/package_judge.h"
#include "koodikoe/files.h"

namespace judge {
namespace {

constexpr uid_t kFirstBoxUid = 60000, kLastBoxUid = 60999;

std::string MakeTemp(const char* prefix) {
  std::string pattern = std::string("/tmp/") + prefix + "XXXXXX";
  return ::mkdtemp(pattern.data());
}

void Write(const std::string& path, const std::string& text) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << text;
}

// Processes of box users whose command line holds `marker` (other engineers' boxes on the
// same machine use the same uids, so the marker tells ours apart).
int LeftoverBoxProcesses(const std::string& marker) {
  int found = 0;
  for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
    std::string name = entry.path().filename();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream status(entry.path() / "status");
    std::string line;
    uid_t uid = 0;
    while (std::getline(status, line)) {
      if (line.rfind("Uid:", 0) == 0) uid = static_cast<uid_t>(std::stoul(line.substr(4)));
    }
    if (uid < kFirstBoxUid || uid > kLastBoxUid) continue;
    std::ifstream cmdline(entry.path() / "cmdline");
    std::string args((std::istreambuf_iterator<char>(cmdline)), std::istreambuf_iterator<char>());
    if (args.find(marker) != std::string::npos) ++found;
  }
  return found;
}

bool IsEmptyDir(const std::string& dir) {
  std::error_code error;
  return std::filesystem::is_empty(dir, error) || !std::filesystem::exists(dir);
}

class ServiceHostileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (::geteuid() != 0) GTEST_SKIP() << "needs root for the sandbox";
    package_ = MakeTemp("koodikoe-service-test-");
    cache_ = MakeTemp("koodikoe-service-cache-");
    work_ = MakeTemp("koodikoe-service-work-");
    marker_ = "hostile_" + std::to_string(::getpid()) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name();
    Write(package_ + "/problem.yaml",
          "name: Hostile\nlimits: {time_limit: 5, memory: 256, output: 1}\n"
          "koodikoe: {kind: service}\n");
    Write(package_ + "/scenarios/basic.yaml",
          "startup_timeout: 3\ntimeout: 2\nsteps:\n"
          "  - {name: first, path: /, expect: {status: 200, body: ok}}\n"
          "  - {name: second, path: /again, expect: {status: 200, body: ok}}\n");
  }

  void TearDown() override {
    for (const std::string& dir : {package_, cache_, work_}) {
      if (!dir.empty()) (void)koodikoe::RemoveTree(dir);
    }
  }

  // A python service whose file name carries the marker.
  Report Judge(const std::string& source) {
    std::string path = package_ + "/" + marker_ + ".py";
    Write(path, source);
    JudgeConfig config;
    config.cache_dir = cache_;
    config.work_dir = work_;
    auto judge = PackageJudge::Create(config);
    EXPECT_TRUE(judge) << judge.error().Describe();
    if (!judge) return {};
    EvaluateRequest request;
    request.package_dir = package_;
    request.source_path = path;
    auto report = (*judge)->Evaluate(request, nullptr);
    EXPECT_TRUE(report) << report.error().Describe();
    return report ? *report : Report{};
  }

  void ExpectNothingLeft() {
    EXPECT_EQ(LeftoverBoxProcesses(marker_), 0);
    EXPECT_TRUE(IsEmptyDir(work_ + "/" + "koodikoe-judge") || IsEmptyDir(work_));
    for (const auto& entry : std::filesystem::directory_iterator(work_)) {
      EXPECT_TRUE(IsEmptyDir(entry.path())) << entry.path() << " was left behind";
    }
  }

  std::string package_, cache_, work_, marker_;
};

constexpr const char* kServe = R"(
from http.server import BaseHTTPRequestHandler, HTTPServer
class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        on_request(self)
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")
    def log_message(self, *args):
        pass
def on_request(handler):
    pass
)";

std::string Service(const std::string& before, const std::string& hook = "") {
  return std::string("import os, sys, time, socket, threading\n") + kServe + hook + before +
         "\nHTTPServer(('0.0.0.0', int(os.environ['PORT'])), Handler).serve_forever()\n";
}

TEST_F(ServiceHostileTest, WellBehavedServiceIsAccepted) {
  Report report = Judge(Service(""));
  EXPECT_EQ(report.verdict, Verdict::kAccepted) << report.message;
  ASSERT_EQ(report.tests.size(), 1u);
  EXPECT_EQ(report.tests[0].name, "scenarios/basic");
  EXPECT_EQ(report.score, 1);
  ExpectNothingLeft();
}

TEST_F(ServiceHostileTest, ServiceThatForksAwayIsARunTimeError) {
  // The parent exits at once; the child would serve on, outside the judge's view.
  Report report = Judge(Service("if os.fork() > 0:\n    os._exit(0)\nos.setsid()\n"));
  EXPECT_EQ(report.verdict, Verdict::kRunTimeError);
  ASSERT_EQ(report.tests.size(), 1u);
  EXPECT_NE(report.tests[0].feedback.find("the service stopped"), std::string::npos)
      << report.tests[0].feedback;
  ExpectNothingLeft();
}

TEST_F(ServiceHostileTest, ServiceThatFloodsOutputIsStopped) {
  // The flood answers the first request, so the scenario cannot finish before the cap is hit.
  Report report = Judge(Service("",
                                "def on_request(handler):\n"
                                "    while True:\n"
                                "        sys.stdout.write('x' * 65536)\n"));
  EXPECT_EQ(report.verdict, Verdict::kOutputLimit);
  const FeedbackCode& code = report.tests[0].feedback_code;
  EXPECT_EQ(code.code, "service_output_limit") << report.tests[0].feedback;
  EXPECT_EQ(report.tests[0].feedback, FeedbackText(code));
  ExpectNothingLeft();
}

TEST_F(ServiceHostileTest, ServiceThatNeverListensGetsATimeLimit) {
  Report report = Judge(Service("time.sleep(3600)\n"));
  EXPECT_EQ(report.verdict, Verdict::kTimeLimit);
  ASSERT_EQ(report.tests.size(), 1u);
  EXPECT_NE(report.tests[0].feedback.find("$PORT"), std::string::npos) << report.tests[0].feedback;
  const FeedbackCode& code = report.tests[0].feedback_code;
  EXPECT_EQ(code.code, "no_listen");
  EXPECT_EQ(code.Text("seconds"), "3");
  EXPECT_EQ(report.tests[0].feedback, FeedbackText(code));
  ExpectNothingLeft();
}

TEST_F(ServiceHostileTest, CrashMidScenarioNamesTheStep) {
  Report report = Judge(Service("",
                                "def on_request(handler):\n"
                                "    if handler.path == '/again':\n"
                                "        os._exit(7)\n"));
  EXPECT_EQ(report.verdict, Verdict::kRunTimeError);
  ASSERT_EQ(report.tests.size(), 1u);
  EXPECT_NE(report.tests[0].feedback.find("step 2 'second'"), std::string::npos)
      << report.tests[0].feedback;
  const FeedbackCode& code = report.tests[0].feedback_code;
  EXPECT_EQ(code.code, "service_stopped");
  EXPECT_EQ(code.Text("exit_code"), "7");
  EXPECT_EQ(code.Text("step"), "2");
  EXPECT_EQ(code.Text("step_name"), "second");
  EXPECT_EQ(report.tests[0].feedback, FeedbackText(code));
  ExpectNothingLeft();
}

// A wrong answer of a step is a code with the step, what was sent and what came back.
TEST_F(ServiceHostileTest, WrongStatusIsACodedNote) {
  Report report = Judge(Service("",
                                "def on_request(handler):\n"
                                "    if handler.path == '/again':\n"
                                "        handler.send_error(404)\n"
                                "        raise ConnectionAbortedError()\n"));
  EXPECT_EQ(report.verdict, Verdict::kWrongAnswer);
  ASSERT_EQ(report.tests.size(), 1u);
  const FeedbackCode& code = report.tests[0].feedback_code;
  EXPECT_EQ(code.code, "status_differs") << report.tests[0].feedback;
  EXPECT_EQ(code.Text("expected"), "200");
  EXPECT_EQ(code.Text("got"), "404");
  EXPECT_EQ(code.Text("step"), "2");
  EXPECT_EQ(code.Text("request"), "GET /again");
  EXPECT_EQ(report.tests[0].feedback.rfind("step 2 'second': expected status 200, got 404", 0), 0u)
      << report.tests[0].feedback;
  EXPECT_EQ(report.tests[0].feedback, FeedbackText(code));
  ExpectNothingLeft();
}

// A listener on the host, on every address: counts connections that arrive.
class HostListener {
 public:
  HostListener() {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t length = sizeof address;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length);
    port_ = ntohs(address.sin_port);
    ::listen(fd_, 16);
    thread_ = std::thread([this] {
      while (!stop_) {
        pollfd poll_fd{fd_, POLLIN, 0};
        if (::poll(&poll_fd, 1, 50) > 0) {
          int client = ::accept(fd_, nullptr, nullptr);
          if (client >= 0) {
            ++connections_;
            ::close(client);
          }
        }
      }
    });
  }
  ~HostListener() {
    stop_ = true;
    thread_.join();
    ::close(fd_);
  }
  int port() const { return port_; }
  int connections() const { return connections_; }

 private:
  int fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

// The host's own non-loopback IPv4 addresses.
std::vector<std::string> HostAddresses() {
  std::vector<std::string> addresses = {"127.0.0.1"};
  ifaddrs* list = nullptr;
  if (::getifaddrs(&list) != 0) return addresses;
  for (ifaddrs* item = list; item; item = item->ifa_next) {
    if (!item->ifa_addr || item->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN];
    auto* in = reinterpret_cast<sockaddr_in*>(item->ifa_addr);
    ::inet_ntop(AF_INET, &in->sin_addr, text, sizeof text);
    if (std::string(text) != "127.0.0.1") addresses.push_back(text);
  }
  ::freeifaddrs(list);
  return addresses;
}

TEST_F(ServiceHostileTest, ServiceCannotReachTheHostsPorts) {
  HostListener listener;
  std::string targets;
  for (const std::string& address : HostAddresses()) {
    targets += (targets.empty() ? "" : ", ") + std::string("'") + address + "'";
  }
  // Tries every host address; answers "reached" instead of "ok" if any connection worked.
  std::string probe = "reached = False\nfor host in [" + targets +
                      "]:\n"
                      "    try:\n"
                      "        socket.create_connection((host, " +
                      std::to_string(listener.port()) +
                      "), timeout=1).close()\n"
                      "        reached = True\n"
                      "    except OSError:\n"
                      "        pass\n"
                      "if reached:\n"
                      "    Handler.do_GET = lambda self: (self.send_response(200), "
                      "self.send_header('Content-Length', '7'), self.end_headers(), "
                      "self.wfile.write(b'reached'))\n";
  Report report = Judge(Service(probe));
  EXPECT_EQ(listener.connections(), 0) << "a connection from the box reached the host";
  EXPECT_EQ(report.verdict, Verdict::kAccepted)
      << (report.tests.empty() ? report.message : report.tests[0].feedback);
  ExpectNothingLeft();
}

}  // namespace
}  // namespace judge
