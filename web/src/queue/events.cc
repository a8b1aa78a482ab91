#include "queue/events.h"

namespace web {

namespace {
// A finished stream is kept a little while for clients that connect just after the verdict.
constexpr auto kKeepFinished = std::chrono::minutes(2);
}  // namespace

void EventHub::Publish(int64_t id, std::string data) {
  {
    std::lock_guard lock(mutex_);
    Stream& stream = streams_[id];
    stream.finished = false;
    stream.events.push_back(std::move(data));
  }
  changed_.notify_all();
}

void EventHub::Finish(int64_t id) {
  {
    std::lock_guard lock(mutex_);
    DropOldLocked();
    Stream& stream = streams_[id];
    stream.finished = true;
    stream.finished_at = std::chrono::steady_clock::now();
  }
  changed_.notify_all();
}

void EventHub::Close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

std::shared_ptr<EventHub::StreamTicket> EventHub::OpenStream(int64_t account) {
  std::lock_guard lock(mutex_);
  int& open = open_streams_[account];
  if (open >= kStreamsPerAccount) return nullptr;
  ++open;
  return std::make_shared<StreamTicket>(*this, account);
}

EventHub::StreamTicket::~StreamTicket() {
  std::lock_guard lock(hub_.mutex_);
  auto it = hub_.open_streams_.find(account_);
  if (it != hub_.open_streams_.end() && --it->second <= 0) hub_.open_streams_.erase(it);
}

EventHub::Batch EventHub::Wait(int64_t id, size_t cursor, std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  auto ready = [&] {
    auto it = streams_.find(id);
    return closed_ ||
           (it != streams_.end() && (it->second.finished || it->second.events.size() > cursor));
  };
  changed_.wait_for(lock, timeout, ready);
  Batch batch;
  batch.cursor = cursor;
  batch.closed = closed_;
  auto it = streams_.find(id);
  if (it == streams_.end()) return batch;
  const Stream& stream = it->second;
  for (size_t i = cursor; i < stream.events.size(); ++i) batch.events.push_back(stream.events[i]);
  batch.cursor = std::max(cursor, stream.events.size());
  batch.finished = stream.finished;
  return batch;
}

void EventHub::DropOldLocked() {
  auto now = std::chrono::steady_clock::now();
  for (auto it = streams_.begin(); it != streams_.end();) {
    if (it->second.finished && now - it->second.finished_at > kKeepFinished) {
      it = streams_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace web
