// ingest: ring draining. See include/estrace/ingest/ring_reader.h.
#include "estrace/ingest/ring_reader.h"

#include <linux/bpf.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>
#include <string>

#include <bpf/bpf.h>

#include "estrace/abi/event.h"
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

// A ring as the kernel lays out its mapping (include/uapi/linux/bpf.h, BPF_MAP_TYPE_RINGBUF):
// page 0 the consumer position, ours to write; from page 1 the producer position, then the
// data pages mapped twice in a row, so a record that wraps is contiguous; read only.
Result<RingReader::Ring> RingReader::map_ring(int fd) {
  bpf_map_info info{};
  uint32_t len = sizeof info;
  if (bpf_obj_get_info_by_fd(fd, &info, &len))
    return Error{std::string("cannot inspect a ring buffer: ") + strerror(errno)};
  const auto page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
  Ring ring;
  ring.mask = info.max_entries - 1;
  ring.data_map_bytes = page + 2 * size_t{info.max_entries};
  void* consumer = mmap(nullptr, page, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (consumer == MAP_FAILED)
    return Error{std::string("cannot map a ring buffer: ") + strerror(errno)};
  void* rest = mmap(nullptr, ring.data_map_bytes, PROT_READ, MAP_SHARED, fd, off_t(page));
  if (rest == MAP_FAILED) {
    munmap(consumer, page);
    return Error{std::string("cannot map a ring buffer: ") + strerror(errno)};
  }
  ring.consumer = static_cast<uint64_t*>(consumer);
  ring.producer = static_cast<const uint64_t*>(rest);
  ring.data = static_cast<const uint8_t*>(rest) + page;
  ring.page = page;
  return ring;
}

Result<std::unique_ptr<RingReader>> RingReader::open(const std::vector<int>& ring_fds) {
  std::unique_ptr<RingReader> reader(new RingReader());
  reader->epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
  reader->wake_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
  if (reader->epoll_fd_ < 0 || reader->wake_fd_ < 0 ||
      !add_to(reader->epoll_fd_, reader->wake_fd_, EPOLLIN, kWakeTag))
    return Error{std::string("cannot wait for the ring buffers: ") + strerror(errno)};
  for (int fd : ring_fds) {
    // Edge-triggered: only the kernel's wakeup (a ring past half full) ends a wait early. A
    // ring that merely holds records would end every wait at once, level-triggered: a drain
    // leaves what was committed after it started, so polls would come back to back, each
    // copying a handful of records instead of a tick's worth.
    if (!add_to(reader->epoll_fd_, fd, EPOLLIN | EPOLLET, kRingTag))
      return Error{std::string("cannot wait for a ring buffer: ") + strerror(errno)};
    auto ring = map_ring(fd);
    if (!ring) return Error{ring.error()};
    reader->rings_.push_back(*ring);
  }
  if (reader->rings_.empty()) return Error{"no ring buffers to read"};
  return reader;
}

RingReader::~RingReader() {
  for (const Ring& r : rings_) {
    munmap(r.consumer, r.page);
    munmap(const_cast<uint64_t*>(r.producer), r.data_map_bytes);
  }
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

// The ring's 8-byte header of the record at position `pos`: its length word (with the busy
// and discard bits), then the kernel's page offset; the record follows.
const uint32_t* RingReader::header_at(const Ring& ring, uint64_t pos) {
  return reinterpret_cast<const uint32_t*>(ring.data + (pos & ring.mask));
}

// Copies the committed records of one ring into `out`, oldest first, and gives their space
// back with one store of the consumer position: the producer reads that position on every
// reserve, so a store per record (libbpf's way) would pull its cache line away from the
// producing CPU once per call. Stops at a record still being written (busy), or when the
// batch is full; what is not copied stays in the ring for the next drain. False: full.
bool RingReader::copy_ring(Ring& ring, Batch& out) {
  const uint64_t producer = __atomic_load_n(ring.producer, __ATOMIC_ACQUIRE);
  uint64_t consumer = *ring.consumer;  // only this thread writes it
  bool room = true;
  bool run_started = false;
  while (consumer < producer) {
    const uint32_t* hdr = header_at(ring, consumer);
    const uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);
    if (len & BPF_RINGBUF_BUSY_BIT) break;  // reserved, not yet committed
    const uint32_t size = len & ~uint32_t{BPF_RINGBUF_DISCARD_BIT};
    if (!(len & BPF_RINGBUF_DISCARD_BIT)) {
      if (out.bytes.size() >= kBatchBytes) {
        room = false;
        break;
      }
      if (!run_started) {
        out.run_starts.push_back(static_cast<uint32_t>(out.records));
        run_started = true;
      }
      const size_t at = out.bytes.size();
      try {
        out.bytes.resize(at + ((size + 7) & ~size_t{7}));
      } catch (const std::bad_alloc&) {
        room = false;  // out of memory: the record stays in the ring, the drain stops
        break;
      }
      std::memcpy(out.bytes.data() + at, hdr + 2, size);  // after the 8-byte header
      out.records++;
    }
    consumer += (BPF_RINGBUF_HDR_SZ + size + 7) & ~uint64_t{7};
  }
  __atomic_store_n(ring.consumer, consumer, __ATOMIC_RELEASE);
  return room;
}

bool RingReader::poll(int timeout_ms, Batch& out) {
  saw_exit_ = false;
  epoll_event events[4];
  // A batch that filled up left records behind: no waiting for them.
  int n = epoll_wait(epoll_fd_, events, 4, left_behind_ ? 0 : timeout_ms);
  if (n < 0 && errno != EINTR) return false;
  for (int i = 0; i < n; ++i) {
    if (events[i].data.u64 == kWatchTag) saw_exit_ = true;
    if (events[i].data.u64 != kWakeTag) continue;
    uint64_t count;
    [[maybe_unused]] ssize_t got = read(wake_fd_, &count, sizeof count);  // clears it
  }
  return drain(out);  // every ring, whichever woke the wait
}

// The time of the oldest record a full batch left in `ring` (UINT64_MAX: none waiting).
uint64_t RingReader::oldest_left(const Ring& ring) {
  const uint64_t consumer = *ring.consumer;
  if (consumer >= __atomic_load_n(ring.producer, __ATOMIC_ACQUIRE)) return UINT64_MAX;
  const uint32_t* hdr = header_at(ring, consumer);
  const uint32_t len = __atomic_load_n(hdr, __ATOMIC_ACQUIRE);
  es_header h;
  if ((len & (BPF_RINGBUF_BUSY_BIT | BPF_RINGBUF_DISCARD_BIT)) || len < sizeof h) return UINT64_MAX;
  std::memcpy(&h, hdr + 2, sizeof h);
  return h.ts;
}

bool RingReader::drain(Batch& out) {
  const uint64_t started = now_ns(CLOCK_MONOTONIC);
  try {  // room for a full batch up front: appends seldom reallocate
    if (out.bytes.capacity() < kBatchBytes) out.bytes.reserve(kBatchBytes + (size_t{64} << 10));
  } catch (const std::bad_alloc&) {
  }
  bool full = false;
  for (Ring& ring : rings_)
    if (!full && !copy_ring(ring, out)) full = true;  // the rest stays in the rings
  // Everything stamped before `started` is copied, unless the batch filled up: then only
  // what is older than every record left behind.
  uint64_t complete_to = started;
  if (full)
    for (const Ring& ring : rings_) complete_to = std::min(complete_to, oldest_left(ring));
  read_started_ns_ = complete_to;
  left_behind_ = full;
  return true;
}

}  // namespace estrace::ingest
