// The HTTP server with a gate in front of its worker threads (issue 14, slow clients).
//
// httplib gives every connection a thread from accept to close, so a client that sends one
// header byte every few seconds, or keeps a connection idle, holds a thread; a few dozen such
// clients stall everyone. Here one epoll thread (the gate) holds every connection while it is
// not being answered: a new one until its request header is complete, a kept-alive one until
// its next request arrives. Only a complete header gets a worker thread, which answers that
// request (and any pipelined after it) and hands the connection back. The gate also enforces
// a deadline for a header, an idle time for a kept-alive connection, and a cap on the
// connections one client address may hold.
#pragma once

#include <httplib.h>

#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/thread_annotations.h"

namespace web {

struct GateLimits {
  std::chrono::seconds header_deadline{10};  // accept to a complete request header
  std::chrono::seconds keep_alive_idle{5};   // a kept-alive connection waiting for a request
  std::chrono::seconds body_deadline{120};   // a worker reading the rest of one request
  std::chrono::seconds read_timeout{5};      // one read of a request's body
  std::chrono::seconds write_timeout{10};    // one write of an answer
  size_t max_header_bytes = 16 * 1024;
  int requests_per_connection = 100;
  // Open connections of one client address: room for a classroom behind one NAT address.
  int connections_per_address = 256;
  // Threads answering requests; an event stream holds one while it is open.
  int worker_threads = 512;
  int listen_backlog = 1024;
};

struct GatedConnection;

class GatedServer : public httplib::Server {
 public:
  explicit GatedServer(GateLimits limits = {});
  ~GatedServer() override;

  // bind_to_port with a listen backlog for a room connecting at once (httplib's is 5).
  bool Bind(const std::string& host, int port);
  // Answers until stop(); then closes the connections the gate holds and waits for workers.
  bool Serve();

  // For a handler that answers without reading the request's body: the connection closes
  // after this answer instead of reading the unread body as the next request.
  static void CloseAfterThisAnswer();

  // Connections the gate holds or workers answer now (tests and metrics).
  size_t OpenConnections();

 private:
  bool process_and_close_socket(socket_t sock) override;
  void GateLoop();
  void Admit(std::unique_ptr<GatedConnection> connection);
  void WatchNewcomers();
  void OnReadable(int fd);
  void DropExpired(std::chrono::steady_clock::time_point now);
  void Answer(std::unique_ptr<GatedConnection> connection);
  void HandBack(std::unique_ptr<GatedConnection> connection);
  void Enqueue(std::unique_ptr<GatedConnection> connection);
  void Wake();
  void Close(std::unique_ptr<GatedConnection> connection, const std::string* reply = nullptr);
  void StopGate();

  const GateLimits limits_;
  int epoll_fd_ = -1;
  int wake_fd_ = -1;
  std::unique_ptr<httplib::ThreadPool> workers_;
  std::thread gate_;

  std::mutex mutex_;
  bool stopping_ GUARDED_BY(mutex_) = false;
  std::vector<std::unique_ptr<GatedConnection>> arriving_ GUARDED_BY(mutex_);
  std::map<std::string, int> per_address_ GUARDED_BY(mutex_);
  size_t open_ GUARDED_BY(mutex_) = 0;
  // Only the gate thread touches the connections it holds and the buffer it peeks into.
  std::map<int, std::unique_ptr<GatedConnection>> held_;
  std::vector<char> peek_buffer_;
};

}  // namespace web
