// Signals: names (SIGINT, SIGRTMIN, SIGRT_3), sigset_t ("[INT TERM]", "~[RTMIN RT_1]") and the
// kernel's struct sigaction.
#include <csignal>
#include <cstring>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

// The kernel's real-time range, not glibc's SIGRTMIN (which hides the two it reserves).
constexpr int kKernelRtMin = 32;
constexpr int kKernelNsig = 64;

}  // namespace

// sigset_t: ascending names without "SIG"; when more than half are set strace prints the
// complement ("~[...]"), which is how a full mask reads.
void print_sigmask(fmt::memory_buffer& out, XlatMode mode, uint64_t mask) {
  bool invert = __builtin_popcountll(mask) > kKernelNsig / 2;
  if (invert) {
    mask = ~mask;
    put(out, '~');
  }
  put(out, '[');
  bool first = true;
  for (int sig = 1; sig <= kKernelNsig; ++sig) {
    if (!(mask & (uint64_t{1} << (sig - 1)))) continue;
    if (!first) put(out, ' ');
    first = false;
    print_signo(out, mode, sig, false);
  }
  put(out, ']');
}

namespace {

void sigset_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d || d->data.size() < sizeof(uint64_t) || (c.argsig(i).dir == syscalls::kOut && c.failed()))
    return print_ptr(c.out, c.arg(i));
  uint64_t mask;
  std::memcpy(&mask, d->data.data(), sizeof mask);
  print_sigmask(c.out, c.style.xlat, mask);
}

// struct kernel_sigaction (x86_64): handler, flags, restorer, mask.
void sigaction_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d || d->data.size() < 32 || (c.argsig(i).dir == syscalls::kOut && c.failed()))
    return print_ptr(c.out, c.arg(i));
  uint64_t f[4];
  std::memcpy(f, d->data.data(), sizeof f);
  print_sigaction(c.out, c.style.xlat, f[0], f[1], f[2], f[3]);
}

}  // namespace

void print_sigaction(fmt::memory_buffer& out, XlatMode mode, uint64_t handler, uint64_t flags,
                     uint64_t restorer, uint64_t mask) {
  put(out, "{sa_handler=");
  print_styled(out, mode, raw_hex(handler), [&](fmt::memory_buffer& o) {
    if (handler == reinterpret_cast<uint64_t>(SIG_DFL))
      put(o, "SIG_DFL");
    else if (handler == reinterpret_cast<uint64_t>(SIG_IGN))
      put(o, "SIG_IGN");
    else
      fmt::format_to(std::back_inserter(o), "{:#x}", handler);
  });
  put(out, ", sa_mask=");
  print_sigmask(out, mode, mask);
  put(out, ", sa_flags=");
  print_flags(out, mode, xlat::kSaFlags, flags);
  if (flags & 0x04000000 /* SA_RESTORER */) {
    put(out, ", sa_restorer=");
    print_ptr(out, restorer);
  }
  put(out, '}');
}

void print_signo(fmt::memory_buffer& out, XlatMode mode, int sig, bool with_prefix) {
  if (mode != XlatMode::Abbrev)  // -X: "10", "10 /* SIGUSR1 */"
    return print_styled(out, mode, std::to_string(sig), [&](fmt::memory_buffer& o) {
      print_signo(o, XlatMode::Abbrev, sig, with_prefix);
    });
  const char* prefix = with_prefix ? "SIG" : "";
  // glibc's abbreviation for 29 is POLL; strace (and the kernel headers' first name) say IO.
  if (sig == SIGIO) {
    fmt::format_to(std::back_inserter(out), "{}IO", prefix);
    return;
  }
  if (sig > 0 && sig < kKernelRtMin) {
    if (const char* abbrev = sigabbrev_np(sig)) {
      fmt::format_to(std::back_inserter(out), "{}{}", prefix, abbrev);
      return;
    }
  }
  if (sig == kKernelRtMin)
    fmt::format_to(std::back_inserter(out), "{}RTMIN", prefix);
  else if (sig > kKernelRtMin && sig <= kKernelNsig)
    fmt::format_to(std::back_inserter(out), "{}RT_{}", prefix, sig - kKernelRtMin);
  else
    fmt::format_to(std::back_inserter(out), "{}", sig);
}

void register_signal(PrinterTable& t) {
  t[size_t(K::Sigset)].print = sigset_arg;
  t[size_t(K::Sigaction)].print = sigaction_arg;
}

}  // namespace estrace::format
