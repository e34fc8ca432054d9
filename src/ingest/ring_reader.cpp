// ingest: ring draining. See include/estrace/ingest/ring_reader.h.
#include "estrace/ingest/ring_reader.h"

#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include <bpf/libbpf.h>

#include "estrace/util/clock.h"

namespace estrace::ingest {

namespace {
// What woke an epoll_wait, by the data each fd was added with.
constexpr uint64_t kRingTag = 0, kWakeTag = 1, kWatchTag = 2;

bool add_to(int epoll_fd, int fd, uint32_t events, uint64_t tag) {
  epoll_event ev{};
  ev.events = events;
  ev.data.u64 = tag;
  return epoll_ctl(epoll_fd, EPOLL_CTL_ADD, fd, &ev) == 0;
}
}  // namespace

Result<std::unique_ptr<RingReader>> RingReader::open(const std::vector<int>& ring_fds) {
  std::unique_ptr<RingReader> reader(new RingReader());
  reader->epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  reader->wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (reader->epoll_fd_ < 0 || reader->wake_fd_ < 0 ||
      !add_to(reader->epoll_fd_, reader->wake_fd_, EPOLLIN, kWakeTag))
    return Error{std::string("cannot wait for the ring buffers: ") + strerror(errno)};
  for (int fd : ring_fds) {
    if (!add_to(reader->epoll_fd_, fd, EPOLLIN, kRingTag))
      return Error{std::string("cannot wait for a ring buffer: ") + strerror(errno)};
    Ring* ring = &reader->rings_.emplace_back(Ring{reader.get(), int(reader->rings_.size())});
    if (!reader->rb_) {
      reader->rb_ = ring_buffer__new(fd, &RingReader::on_record, ring, nullptr);
      if (!reader->rb_) return Error{std::string("cannot map a ring buffer: ") + strerror(errno)};
    } else if (ring_buffer__add(reader->rb_, fd, &RingReader::on_record, ring)) {
      return Error{std::string("cannot map a ring buffer: ") + strerror(errno)};
    }
  }
  if (!reader->rb_) return Error{"no ring buffers to read"};
  return reader;
}

RingReader::~RingReader() {
  if (rb_) ring_buffer__free(rb_);
  if (wake_fd_ >= 0) close(wake_fd_);
  if (pidfd_ >= 0) close(pidfd_);
  if (epoll_fd_ >= 0) close(epoll_fd_);
}

void RingReader::wake() {
  uint64_t one = 1;
  [[maybe_unused]] ssize_t n = write(wake_fd_, &one, sizeof one);  // fails only when saturated
}

bool RingReader::watch_exit(int pid) {
  if (pidfd_ >= 0) close(pidfd_);
  pidfd_ = static_cast<int>(syscall(SYS_pidfd_open, pid, 0));
  return pidfd_ >= 0 && add_to(epoll_fd_, pidfd_, EPOLLIN | EPOLLONESHOT, kWatchTag);
}

// Called by libbpf from C: copy and return; nothing may throw through it. libbpf has
// already consumed the record when it calls this, so a record not copied is lost: counted.
int RingReader::on_record(void* ctx, void* data, size_t size) noexcept {
  const Ring* ring = static_cast<const Ring*>(ctx);
  RingReader* self = ring->reader;
  Batch* out = self->target_;
  try {
    if (out->bytes.capacity() < kBatchBytes) out->bytes.reserve(kBatchBytes + (size_t{64} << 10));
    if (ring->index != self->last_ring_ || out->run_starts.empty()) {
      out->run_starts.push_back(static_cast<uint32_t>(out->records));
      self->last_ring_ = ring->index;
    }
    size_t at = out->bytes.size();
    out->bytes.resize(at + ((size + 7) & ~size_t{7}));
    std::memcpy(out->bytes.data() + at, data, size);
    out->records++;
  } catch (...) {
    ++self->dropped_;
    return -ENOMEM;
  }
  return out->bytes.size() >= kBatchBytes ? -EFBIG : 0;  // full: stop, keep the rest queued
}

bool RingReader::poll(int timeout_ms, Batch& out) {
  saw_exit_ = false;
  epoll_event events[4];
  int n = epoll_wait(epoll_fd_, events, 4, timeout_ms);
  if (n < 0 && errno != EINTR) return false;
  for (int i = 0; i < n; ++i) {
    if (events[i].data.u64 == kWatchTag) saw_exit_ = true;
    if (events[i].data.u64 != kWakeTag) continue;
    uint64_t count;
    [[maybe_unused]] ssize_t got = read(wake_fd_, &count, sizeof count);  // clears it
  }
  return drain(out);  // every ring, whichever woke the wait
}

bool RingReader::drain(Batch& out) {
  read_started_ns_ = now_ns(CLOCK_MONOTONIC);
  target_ = &out;
  last_ring_ = -1;  // a new consume starts new runs
  int n = ring_buffer__consume(rb_);
  return n >= 0 || n == -EINTR || n == -ENOMEM || n == -EFBIG;
}

}  // namespace estrace::ingest
