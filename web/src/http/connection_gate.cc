#include "http/connection_gate.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <string_view>

#include "base/log.h"

namespace web {

using Clock = std::chrono::steady_clock;

struct GatedConnection {
  int fd = -1;
  std::string address;
  int port = 0;
  int answered = 0;  // requests answered on this connection
  Clock::time_point deadline;
};

namespace {

thread_local bool close_after_answer = false;

// An answer the gate gives itself, closing the connection.
std::string Refusal(const char* status, const char* error, const char* message,
                    const char* extra_headers = "") {
  std::string body = std::string("{\"error\":\"") + error + "\",\"message\":\"" + message + "\"}";
  return std::string("HTTP/1.1 ") + status +
         "\r\nContent-Type: application/json\r\nConnection: close\r\n" + extra_headers +
         "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

const std::string kTooManyConnections =
    Refusal("503 Service Unavailable", "too_many_connections",
            "Too many open connections from your address. Close some tabs and try again.",
            "Retry-After: 5\r\n");
const std::string kHeaderTimeout = Refusal("408 Request Timeout", "request_timeout",
                                           "The request header did not arrive in time. Try again.");
const std::string kHeaderTooLarge =
    Refusal("431 Request Header Fields Too Large", "header_too_large",
            "The request header is too large: at most 16 KiB.");

// Waits until `fd` is ready for `events`, at most `timeout`; false on timeout or error.
bool WaitFor(int fd, short events, std::chrono::milliseconds timeout) {
  if (timeout.count() <= 0) return false;
  pollfd one{fd, events, 0};
  int ready;
  do {
    ready = ::poll(&one, 1, static_cast<int>(timeout.count()));
  } while (ready < 0 && errno == EINTR);
  return ready > 0 && (one.revents & (events | POLLHUP | POLLERR));
}

std::chrono::milliseconds Until(Clock::time_point deadline) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
}

bool HeaderComplete(std::string_view peeked) {
  return peeked.find("\r\n\r\n") != std::string_view::npos ||
         peeked.find("\n\n") != std::string_view::npos;
}

std::pair<std::string, int> Address(int fd, bool peer) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  int got = peer ? ::getpeername(fd, reinterpret_cast<sockaddr*>(&address), &length)
                 : ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  if (got != 0) return {"", 0};
  char text[INET6_ADDRSTRLEN] = {};
  if (address.ss_family == AF_INET) {
    auto* v4 = reinterpret_cast<sockaddr_in*>(&address);
    ::inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
    return {text, ntohs(v4->sin_port)};
  }
  auto* v6 = reinterpret_cast<sockaddr_in6*>(&address);
  ::inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
  return {text, ntohs(v6->sin6_port)};
}

// One connection as httplib's request reader sees it while a worker answers it: reads are
// buffered (the header is read a byte at a time) and must all arrive before the request's
// deadline, so a body sent a byte at a time cannot hold the worker for long.
class GateStream : public httplib::Stream {
 public:
  GateStream(const GatedConnection& connection, const GateLimits& limits)
      : connection_(connection), limits_(limits), deadline_(Clock::now() + limits.body_deadline) {}

  bool is_readable() const override {
    return buffered() > 0 || WaitFor(connection_.fd, POLLIN, ReadWait());
  }
  bool is_writable() const override {
    return WaitFor(connection_.fd, POLLOUT, limits_.write_timeout);
  }

  ssize_t read(char* out, size_t size) override {
    if (buffered() == 0) {
      if (!WaitFor(connection_.fd, POLLIN, ReadWait())) return -1;
      if (size >= sizeof buffer_) return Receive(out, size);
      ssize_t got = Receive(buffer_, sizeof buffer_);
      if (got <= 0) return got;
      begin_ = 0;
      end_ = static_cast<size_t>(got);
    }
    size_t taken = std::min(size, buffered());
    std::memcpy(out, buffer_ + begin_, taken);
    begin_ += taken;
    return static_cast<ssize_t>(taken);
  }

  ssize_t write(const char* data, size_t size) override {
    if (!is_writable()) return -1;
    ssize_t sent;
    do {
      sent = ::send(connection_.fd, data, size, MSG_NOSIGNAL);
    } while (sent < 0 && errno == EINTR);
    return sent;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = connection_.address;
    port = connection_.port;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    std::tie(ip, port) = Address(connection_.fd, false);
  }
  socket_t socket() const override { return connection_.fd; }

  size_t buffered() const { return end_ - begin_; }

 private:
  std::chrono::milliseconds ReadWait() const {
    return std::min<std::chrono::milliseconds>(limits_.read_timeout, Until(deadline_));
  }
  ssize_t Receive(char* out, size_t size) {
    ssize_t got;
    do {
      got = ::recv(connection_.fd, out, size, 0);
    } while (got < 0 && errno == EINTR);
    return got;
  }

  const GatedConnection& connection_;
  const GateLimits& limits_;
  const Clock::time_point deadline_;
  char buffer_[4096];
  size_t begin_ = 0;
  size_t end_ = 0;
};

}  // namespace

GatedServer::GatedServer(GateLimits limits)
    : limits_(limits), peek_buffer_(limits.max_header_bytes + 1) {
  // httplib's own threads only hand accepted sockets to the gate.
  new_task_queue = [] { return new httplib::ThreadPool(2); };
  set_read_timeout(limits_.read_timeout.count(), 0);
  set_write_timeout(limits_.write_timeout.count(), 0);
  epoll_fd_ = ::epoll_create1(EPOLL_CLOEXEC);
  wake_fd_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  epoll_event wake{};
  wake.events = EPOLLIN;
  wake.data.fd = wake_fd_;
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &wake);
  workers_ = std::make_unique<httplib::ThreadPool>(limits_.worker_threads);
  gate_ = std::thread([this] { GateLoop(); });
}

GatedServer::~GatedServer() {
  StopGate();
  ::close(epoll_fd_);
  ::close(wake_fd_);
}

bool GatedServer::Bind(const std::string& host, int port) {
  if (!bind_to_port(host, port)) return false;
  // Linux takes a second listen() on a listening socket as a new backlog.
  return ::listen(svr_sock_, limits_.listen_backlog) == 0;
}

bool GatedServer::Serve() {
  bool served = listen_after_bind();
  StopGate();
  return served;
}

void GatedServer::CloseAfterThisAnswer() { close_after_answer = true; }

size_t GatedServer::OpenConnections() {
  std::lock_guard lock(mutex_);
  return open_;
}

// Called on one of httplib's threads for each accepted connection.
bool GatedServer::process_and_close_socket(socket_t sock) {
  auto connection = std::make_unique<GatedConnection>();
  connection->fd = sock;
  std::tie(connection->address, connection->port) = Address(sock, true);
  connection->deadline = Clock::now() + limits_.header_deadline;
  int on = 1;
  ::setsockopt(sock, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
  bool over_cap;
  {
    std::lock_guard lock(mutex_);
    ++open_;  // counted here, uncounted by Close, whatever becomes of it
    over_cap = ++per_address_[connection->address] > limits_.connections_per_address;
  }
  if (over_cap) {
    Close(std::move(connection), &kTooManyConnections);
  } else {
    Enqueue(std::move(connection));
  }
  return true;
}

// Gives a connection to the gate thread (closed instead once the server is stopping).
void GatedServer::Enqueue(std::unique_ptr<GatedConnection> connection) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) arriving_.push_back(std::move(connection));
  }
  if (connection) return Close(std::move(connection));
  Wake();
}

void GatedServer::Wake() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t woke = ::write(wake_fd_, &one, sizeof one);
}

void GatedServer::GateLoop() {
  epoll_event events[256];
  auto next_sweep = Clock::now();
  for (;;) {
    int ready = ::epoll_wait(epoll_fd_, events, 256, 250);
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
    }
    for (int i = 0; i < ready; ++i) {
      if (events[i].data.fd == wake_fd_) {
        WatchNewcomers();
      } else {
        OnReadable(events[i].data.fd);
      }
    }
    auto now = Clock::now();
    if (now >= next_sweep) {
      DropExpired(now);
      next_sweep = now + std::chrono::milliseconds(250);
    }
  }
  while (!held_.empty()) Close(std::move(held_.extract(held_.begin()).mapped()));
}

void GatedServer::WatchNewcomers() {
  uint64_t count;
  [[maybe_unused]] ssize_t drained = ::read(wake_fd_, &count, sizeof count);
  std::vector<std::unique_ptr<GatedConnection>> arrived;
  {
    std::lock_guard lock(mutex_);
    arrived.swap(arriving_);
  }
  for (auto& connection : arrived) Admit(std::move(connection));
}

void GatedServer::Admit(std::unique_ptr<GatedConnection> connection) {
  epoll_event event{};
  // Edge-triggered: the header is peeked, not read, so it stays readable until a worker
  // reads it; each new piece of it wakes the gate once.
  event.events = EPOLLIN | EPOLLRDHUP | EPOLLET;
  event.data.fd = connection->fd;
  if (::epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, connection->fd, &event) != 0) {
    LogError(std::string("gate: cannot watch a connection: ") + std::strerror(errno));
    return Close(std::move(connection));
  }
  int fd = connection->fd;
  held_[fd] = std::move(connection);
  OnReadable(fd);  // what arrived before it was watched
}

void GatedServer::OnReadable(int fd) {
  auto it = held_.find(fd);
  if (it == held_.end()) return;
  ssize_t got = ::recv(fd, peek_buffer_.data(), peek_buffer_.size(), MSG_PEEK | MSG_DONTWAIT);
  if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
  std::string_view peeked(peek_buffer_.data(), got > 0 ? static_cast<size_t>(got) : 0);
  bool complete = HeaderComplete(peeked);
  bool too_large = peeked.size() > limits_.max_header_bytes;
  if (got > 0 && !complete && !too_large) return;  // still arriving: stays watched
  auto connection = std::move(held_.extract(it).mapped());
  ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, fd, nullptr);
  if (got <= 0) return Close(std::move(connection));  // the client went away
  if (!complete) return Close(std::move(connection), &kHeaderTooLarge);
  GatedConnection* raw = connection.release();
  workers_->enqueue([this, raw] { Answer(std::unique_ptr<GatedConnection>(raw)); });
}

void GatedServer::DropExpired(Clock::time_point now) {
  for (auto it = held_.begin(); it != held_.end();) {
    if (it->second->deadline > now) {
      ++it;
      continue;
    }
    auto connection = std::move(it->second);
    it = held_.erase(it);
    ::epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, connection->fd, nullptr);
    // A new connection is told why; a kept-alive one just ends, as idle ones do.
    bool fresh = connection->answered == 0;
    Close(std::move(connection), fresh ? &kHeaderTimeout : nullptr);
  }
}

// On a worker: answers the request whose header is complete, and any the client sent after
// it that are already read, then hands the connection back to the gate.
void GatedServer::Answer(std::unique_ptr<GatedConnection> connection) {
  GateStream stream(*connection, limits_);
  for (;;) {
    bool last = ++connection->answered >= limits_.requests_per_connection;
    {
      std::lock_guard lock(mutex_);
      last = last || stopping_;
    }
    bool closed = false;
    close_after_answer = false;
    bool answered = process_request(stream, last, closed, nullptr);
    if (!answered || closed || last || close_after_answer) return Close(std::move(connection));
    if (stream.buffered() == 0) break;
  }
  HandBack(std::move(connection));
}

void GatedServer::HandBack(std::unique_ptr<GatedConnection> connection) {
  connection->deadline = Clock::now() + limits_.keep_alive_idle;
  Enqueue(std::move(connection));
}

void GatedServer::Close(std::unique_ptr<GatedConnection> connection, const std::string* reply) {
  if (reply) {
    // Best effort and never blocking: the client may not be reading.
    [[maybe_unused]] ssize_t sent =
        ::send(connection->fd, reply->data(), reply->size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  }
  ::shutdown(connection->fd, SHUT_RDWR);
  ::close(connection->fd);
  std::lock_guard lock(mutex_);
  --open_;
  auto it = per_address_.find(connection->address);
  if (it != per_address_.end() && --it->second <= 0) per_address_.erase(it);
}

void GatedServer::StopGate() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  Wake();
  gate_.join();
  // Workers finish the requests they answer (event streams end with the event hub).
  workers_->shutdown();
  std::vector<std::unique_ptr<GatedConnection>> left;
  {
    std::lock_guard lock(mutex_);
    left.swap(arriving_);
  }
  for (auto& connection : left) Close(std::move(connection));
}

}  // namespace web
