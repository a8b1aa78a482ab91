// Progress of submissions being judged, for the Server-Sent Events streams: workers publish,
// any number of request threads wait for what comes next.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace web {

class EventHub {
 public:
  struct Batch {
    std::vector<std::string> events;  // progress payloads (JSON) after the cursor
    size_t cursor = 0;                // pass back to the next Wait
    bool finished = false;            // the verdict is stored; read it from storage
    bool closed = false;              // the server is stopping
  };

  // A progress event of a submission being judged.
  void Publish(int64_t id, std::string data);
  // The verdict of `id` is stored.
  void Finish(int64_t id);
  // Wakes every waiter (server shutdown).
  void Close();

  // Returns the events after `cursor`, waiting up to `timeout` for at least one or for the
  // end.
  Batch Wait(int64_t id, size_t cursor, std::chrono::milliseconds timeout);

  // An open event stream holds a server thread: one account may hold this many at once
  // (a few tabs each following a verdict), so one person cannot take every thread.
  static constexpr int kStreamsPerAccount = 8;
  class StreamTicket;
  // A ticket for one more stream of `account`, held while the stream is open; null when the
  // account already holds kStreamsPerAccount.
  std::shared_ptr<StreamTicket> OpenStream(int64_t account);

 private:
  struct Stream {
    std::vector<std::string> events;
    bool finished = false;
    std::chrono::steady_clock::time_point finished_at;
  };
  void DropOldLocked();

  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<int64_t, Stream> streams_;
  bool closed_ = false;
  std::map<int64_t, int> open_streams_;  // per account
};

class EventHub::StreamTicket {
 public:
  StreamTicket(EventHub& hub, int64_t account) : hub_(hub), account_(account) {}
  ~StreamTicket();
  StreamTicket(const StreamTicket&) = delete;
  StreamTicket& operator=(const StreamTicket&) = delete;

 private:
  EventHub& hub_;
  int64_t account_;
};

}  // namespace web
