// What a program waits with: select's fd_sets (in and out), epoll events, timerfd's itimerspec,
// timevals, and the flag words of epoll, timerfd and eventfd.
#include <sys/epoll.h>

#include <cstring>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

// [3 5]: the descriptors set among the first nfds bits.
void print_fdset(const ArgContext& c, std::string_view bits, uint64_t nfds) {
  put(c.out, '[');
  bool first = true;
  for (uint64_t fd = 0; fd < nfds && fd / 8 < bits.size(); ++fd) {
    if (!(static_cast<uint8_t>(bits[fd / 8]) & (1u << (fd % 8)))) continue;
    fmt::format_to(to(c), "{}{}", first ? "" : " ", fd);
    first = false;
  }
  put(c.out, ']');
}

uint64_t nfds_of(const ArgContext& c, int i) {
  return static_cast<uint32_t>(c.arg(c.argsig(i).aux));
}

void fdset_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d) return print_ptr(c.out, c.arg(i));
  print_fdset(c, d->data, nfds_of(c, i));
}

// select/pselect6: "= 1 (in [5], left {tv_sec=0, tv_usec=999})", "= 0 (Timeout)". Printed by
// the first fd_set argument for the three sets and the timeout after them.
bool fdset_ret(const ArgContext& c, int i) {
  if (i != 1) return false;
  fmt::format_to(to(c), "{}", c.call.ret);
  if (c.call.ret == 0) {
    put(c.out, " (Timeout)");
    return true;
  }
  static constexpr const char* kNames[] = {"in", "out", "except"};
  bool first = true;
  for (int s = 0; s < 3; ++s) {
    const model::CaptureView* d = c.data_after(1 + s);
    if (!d) continue;
    fmt::memory_buffer set;
    ArgContext sc{c.call, c.sig, c.style, set};
    print_fdset(sc, d->data, nfds_of(c, 1 + s));
    if (std::string_view(set.data(), set.size()) == "[]") continue;
    fmt::format_to(to(c), "{}{} ", first ? " (" : ", ", kNames[s]);
    c.out.append(set);
    first = false;
  }
  if (const model::CaptureView* t = c.arg(4) ? c.data_after(4) : nullptr) {
    if (t->data.size() >= 16) {
      int64_t tv[2];
      std::memcpy(tv, t->data.data(), sizeof tv);
      const bool usec = c.argsig(4).kind == K::Timeval;
      fmt::format_to(to(c), "{}left {{tv_sec={}, {}={}}}", first ? " (" : ", ", tv[0],
                     usec ? "tv_usec" : "tv_nsec", tv[1]);
      first = false;
    }
  }
  if (!first) put(c.out, ')');
  return true;
}

void timeval_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d || d->data.size() < 16) return print_ptr(c.out, c.arg(i));
  int64_t tv[2];
  std::memcpy(tv, d->data.data(), sizeof tv);
  fmt::format_to(to(c), "{{tv_sec={}, tv_usec={}}}", tv[0], tv[1]);
}

// {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=1, tv_nsec=0}}
void itimerspec_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d || d->data.size() < 32 || (c.argsig(i).dir == syscalls::kOut && !c.succeeded()))
    return print_ptr(c.out, c.arg(i));
  int64_t v[4];
  std::memcpy(v, d->data.data(), sizeof v);
  fmt::format_to(to(c),
                 "{{it_interval={{tv_sec={}, tv_nsec={}}}, it_value={{tv_sec={}, tv_nsec={}}}}}",
                 v[0], v[1], v[2], v[3]);
}

// {events=EPOLLIN, data={u32=5, u64=5}} (the struct is packed on x86_64: 12 bytes).
void print_epoll_event(const ArgContext& c, const char* p) {
  uint32_t events;
  uint64_t data;
  std::memcpy(&events, p, 4);
  std::memcpy(&data, p + 4, 8);
  put(c.out, "{events=");
  print_flags(c.out, c.style.xlat, xlat::kEpollEvents, events);
  fmt::format_to(to(c), ", data={{u32={}, u64={}}}}}", static_cast<uint32_t>(data), data);
}

void epoll_event_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d || d->data.size() < 12) return print_ptr(c.out, c.arg(i));
  print_epoll_event(c, d->data.data());
}

// epoll_wait's events: the first `ret` of them.
void epoll_events_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!c.succeeded() || (!d && c.call.ret > 0)) return print_ptr(c.out, c.arg(i));
  put(c.out, '[');
  for (int64_t n = 0; d && n < c.call.ret && (n + 1) * 12 <= int64_t(d->data.size()); ++n) {
    if (n) put(c.out, ", ");
    print_epoll_event(c, d->data.data() + n * 12);
  }
  put(c.out, ']');
}

// pselect6's sixth: {sigmask=..., sigsetsize=8}. Its copy would be a fifth capture slot, one
// more than a spec row has, so the address is shown (NULL as strace does).
void sigset_size_arg(const ArgContext& c, int i) { print_ptr(c.out, c.arg(i)); }

template <const Xlat& X>
void flags32(const ArgContext& c, int i) {
  print_flags(c.out, c.style.xlat, X, static_cast<uint32_t>(c.arg(i)));
}

}  // namespace

void register_poll(PrinterTable& t) {
  t[size_t(K::FdSet)].print = fdset_arg;
  t[size_t(K::FdSet)].ret = fdset_ret;
  t[size_t(K::Timeval)].print = timeval_arg;
  t[size_t(K::SigsetSize)].print = sigset_size_arg;
  t[size_t(K::Itimerspec)].print = itimerspec_arg;
  t[size_t(K::EpollEvent)].print = epoll_event_arg;
  t[size_t(K::EpollEvents)].print = epoll_events_arg;
  t[size_t(K::EpollFlags)].print = flags32<xlat::kEpollFlags>;
  t[size_t(K::EpollCtlOp)].print = [](const ArgContext& c, int i) {
    print_xval(c.out, c.style.xlat, xlat::kEpollCtlOps, static_cast<uint32_t>(c.arg(i)));
  };
  t[size_t(K::TimerfdFlags)].print = flags32<xlat::kTimerfdFlags>;
  t[size_t(K::TimerfdSetFlags)].print = flags32<xlat::kTimerfdSetFlags>;
  t[size_t(K::EfdFlags)].print = flags32<xlat::kEfdFlags>;
  t[size_t(K::MemfdFlags)].print = flags32<xlat::kMemfdFlags>;
  t[size_t(K::InotifyFlags)].print = flags32<xlat::kInotifyFlags>;
  t[size_t(K::FadviseAdvice)].print = [](const ArgContext& c, int i) {
    print_xval(c.out, c.style.xlat, xlat::kFadvise, static_cast<uint32_t>(c.arg(i)));
  };
}

}  // namespace estrace::format
