// Issue 14, slow clients: connections that trickle a header, sit idle or follow verdicts do
// not take the server's threads from everybody else; one address and one account hold only
// their share. Clients come from several loopback addresses (127.0.0.X), as a room's
// browsers and one hostile machine would.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include "server_fixture.h"

namespace web_test {
namespace {

using Clock = std::chrono::steady_clock;

// A raw connection from a chosen loopback address.
class RawConnection {
 public:
  RawConnection(int port, const std::string& from) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in local{};
    local.sin_family = AF_INET;
    ::inet_pton(AF_INET, from.c_str(), &local.sin_addr);
    sockaddr_in server{};
    server.sin_family = AF_INET;
    server.sin_port = htons(static_cast<uint16_t>(port));
    ::inet_pton(AF_INET, "127.0.0.1", &server.sin_addr);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&local), sizeof local) != 0 ||
        ::connect(fd_, reinterpret_cast<sockaddr*>(&server), sizeof server) != 0) {
      ::close(fd_);
      fd_ = -1;
    }
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(RawConnection&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }

  bool ok() const { return fd_ >= 0; }
  bool Send(const std::string& text) {
    return ::send(fd_, text.data(), text.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(text.size());
  }
  // What the server sent within `timeout` (until it closed or `until` appeared).
  std::string Receive(std::chrono::seconds timeout, const std::string& until = "") {
    std::string got;
    auto deadline = Clock::now() + timeout;
    while (Clock::now() < deadline) {
      pollfd one{fd_, POLLIN, 0};
      if (::poll(&one, 1, 200) <= 0) continue;
      char buffer[4096];
      ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      if (n <= 0) break;
      got.append(buffer, static_cast<size_t>(n));
      if (!until.empty() && got.find(until) != std::string::npos) break;
    }
    return got;
  }

 private:
  int fd_ = -1;
};

class SlowClientsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ =
        ServerProcess::Start(dir_.path() + "/slow.db", {"--fake-judge", "--demo", "--workers", "0"},
                             dir_.path() + "/server.log");
    ASSERT_NE(server_, nullptr) << "see " << dir_.path() << "/server.log";
  }

  // One request from elsewhere on a connection of its own; its status, 0 if none came.
  int HealthFromElsewhere() {
    auto client = server_->Client();
    client->set_connection_timeout(8);
    client->set_read_timeout(8);
    auto result = client->Get("/healthz");
    return result ? result->status : 0;
  }

  TempDir dir_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(SlowClientsTest, Issue14TricklingHeadersHoldNoThreadAndMeetADeadline) {
  // More trickling connections than the server has threads, each under its address's cap.
  std::vector<RawConnection> slow;
  for (int i = 0; i < 600; ++i) {
    slow.emplace_back(server_->port(), "127.0.0." + std::to_string(2 + i % 3));
    ASSERT_TRUE(slow.back().ok()) << i;
  }
  std::atomic<bool> trickling{true};
  std::thread trickle([&] {
    const std::string header = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ";
    for (size_t byte = 0; trickling; ++byte) {
      for (auto& connection : slow) {
        connection.Send(byte < header.size() ? header.substr(byte, 1) : "a");
      }
      std::this_thread::sleep_for(std::chrono::seconds(1));
    }
  });
  std::this_thread::sleep_for(std::chrono::seconds(2));
  for (int i = 0; i < 20; ++i) {
    EXPECT_EQ(HealthFromElsewhere(), 200) << "request " << i << " while 600 clients trickle";
  }
  trickling = false;
  trickle.join();
  // A header that does not arrive in time is refused (generous: the deadline is 10 s).
  std::string answer = slow.front().Receive(std::chrono::seconds(40), "\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 408", 0), 0u) << answer;
}

TEST_F(SlowClientsTest, Issue14OneAddressHoldsAtMostItsShareOfConnections) {
  std::vector<RawConnection> held;
  for (int i = 0; i < 256; ++i) {
    held.emplace_back(server_->port(), "127.0.0.5");
    ASSERT_TRUE(held.back().ok());
  }
  // The gate counts a connection once it is accepted: give it a moment to take all 256.
  std::this_thread::sleep_for(std::chrono::seconds(1));
  RawConnection one_more(server_->port(), "127.0.0.5");
  ASSERT_TRUE(one_more.ok());
  std::string answer = one_more.Receive(std::chrono::seconds(20), "}");
  EXPECT_EQ(answer.rfind("HTTP/1.1 503", 0), 0u) << answer;
  EXPECT_NE(answer.find("too_many_connections"), std::string::npos) << answer;
  EXPECT_EQ(HealthFromElsewhere(), 200);
  // A closed connection gives its place back.
  held.pop_back();
  bool admitted = false;
  for (int attempt = 0; attempt < 40 && !admitted; ++attempt) {
    RawConnection again(server_->port(), "127.0.0.5");
    again.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    admitted = again.Receive(std::chrono::seconds(10), "\r\n").rfind("HTTP/1.1 200", 0) == 0;
    if (!admitted) std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  EXPECT_TRUE(admitted);
}

TEST_F(SlowClientsTest, Issue14KeptAliveAndPipelinedRequestsAreAnswered) {
  RawConnection connection(server_->port(), "127.0.0.6");
  ASSERT_TRUE(connection.ok());
  // Two requests in one write: the second must not be lost when the first is answered.
  ASSERT_TRUE(
      connection.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::string answers;
  for (int i = 0; i < 50 && answers.find("HTTP/1.1 200", answers.find("HTTP/1.1 200") + 1) ==
                                std::string::npos;
       ++i) {
    answers += connection.Receive(std::chrono::seconds(1));
  }
  size_t first = answers.find("HTTP/1.1 200");
  ASSERT_NE(first, std::string::npos) << answers;
  EXPECT_NE(answers.find("HTTP/1.1 200", first + 1), std::string::npos) << answers;
  // Kept alive: a third request on the same connection after a pause.
  std::this_thread::sleep_for(std::chrono::seconds(1));
  ASSERT_TRUE(connection.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"));
  EXPECT_EQ(connection.Receive(std::chrono::seconds(20), "\r\n").rfind("HTTP/1.1 200", 0), 0u);
}

TEST_F(SlowClientsTest, Issue14OneAccountFollowsAtMostEightVerdictsAtOnce) {
  Api aino(*server_);
  auto login = aino.Login("aino", "aino-demo");
  ASSERT_EQ(login.status, 200);
  std::string token = login.body.value("token", "");
  std::vector<int64_t> queued;
  for (int i = 0; i < 9; ++i) {
    Reply reply =
        aino.Post("/api/v1/submissions", {{"exercise", "hello"},
                                          {"language", "python"},
                                          {"source", "print(" + std::to_string(i) + ")"}});
    ASSERT_EQ(reply.status, 202) << reply.body.dump();
    queued.push_back(reply.body.value("id", int64_t{0}));
  }
  auto open_stream = [&](int64_t id, const std::string& bearer) {
    RawConnection stream(server_->port(), "127.0.0.7");
    stream.Send("GET /api/v1/submissions/" + std::to_string(id) +
                "/events HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + bearer + "\r\n\r\n");
    std::string head = stream.Receive(std::chrono::seconds(20), "\r\n\r\n");
    return std::pair{std::move(stream), head};
  };
  std::vector<RawConnection> open;
  for (int i = 0; i < 8; ++i) {
    auto [stream, head] = open_stream(queued[i], token);
    ASSERT_EQ(head.rfind("HTTP/1.1 200", 0), 0u) << i << ": " << head;
    open.push_back(std::move(stream));
  }
  auto [ninth, refused] = open_stream(queued[8], token);
  EXPECT_EQ(refused.rfind("HTTP/1.1 429", 0), 0u) << refused;
  if (refused.find('}') == std::string::npos)
    refused += ninth.Receive(std::chrono::seconds(5), "}");
  EXPECT_NE(refused.find("too_many_streams"), std::string::npos) << refused;
  // Somebody else still follows her own verdicts.
  Api yusuf(*server_);
  auto yusuf_login = yusuf.Login("yusuf", "yusuf-demo");
  ASSERT_EQ(yusuf_login.status, 200);
  Reply own = yusuf.Post("/api/v1/submissions",
                         {{"exercise", "hello"}, {"language", "python"}, {"source", "print(1)"}});
  ASSERT_EQ(own.status, 202);
  auto theirs = open_stream(own.body.value("id", int64_t{0}), yusuf_login.body.value("token", ""));
  EXPECT_EQ(theirs.second.rfind("HTTP/1.1 200", 0), 0u) << theirs.second;
  EXPECT_EQ(HealthFromElsewhere(), 200);
  // A closed stream gives its place back once the server notices (its next keep-alive line).
  open.pop_back();
  bool reopened = false;
  for (int attempt = 0; attempt < 30 && !reopened; ++attempt) {
    reopened = open_stream(queued[8], token).second.rfind("HTTP/1.1 200", 0) == 0;
    if (!reopened) std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  EXPECT_TRUE(reopened);
}

}  // namespace
}  // namespace web_test
