// Flag and enum kinds: most are one xlat table and printflags or printxval; the few words that
// mix an enum with flags (open's access mode, mmap's type, socket's type, futex's command) say
// so here.
#include <asm/prctl.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sys/mman.h>
#include <sys/socket.h>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

// Tables read as a 32-bit int argument (the kernel ignores the upper half).
uint64_t u32(const ArgContext& c, int i) { return static_cast<uint32_t>(c.arg(i)); }

template <const Xlat& X>
void flags32(const ArgContext& c, int i) {
  print_flags(c.out, c.style.xlat, X, u32(c, i));
}
template <const Xlat& X>
void xval32(const ArgContext& c, int i) {
  print_xval(c.out, c.style.xlat, X, u32(c, i));
}

}  // namespace

// O_RDONLY|O_CLOEXEC: the access mode is an enum in the low two bits, the rest flags.
void print_open_flags(fmt::memory_buffer& out, XlatMode mode, uint64_t v) {
  if (mode != XlatMode::Abbrev)  // -X raw / verbose: the word as one number
    return print_styled(out, mode, raw_hex(v),
                        [&](fmt::memory_buffer& o) { print_open_flags(o, XlatMode::Abbrev, v); });
  print_xval(out, XlatMode::Abbrev, xlat::kOpenAccess, v & O_ACCMODE);
  bool first = false;
  uint64_t rest = print_flag_names(out, xlat::kOpenFlags, v & ~uint64_t(O_ACCMODE), first);
  if (rest) fmt::format_to(std::back_inserter(out), "|{:#x}", rest);
}

namespace {

void open_flags(const ArgContext& c, int i) { print_open_flags(c.out, c.style.xlat, u32(c, i)); }

// The mode is shown only when the flags create a file.
int open_mode_shown(const ArgContext& c, int i, int nargs) {
  uint64_t flags = c.arg(c.argsig(i).aux);
  bool creates = (flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE;
  return creates ? nargs : i;
}

// MAP_PRIVATE|MAP_ANONYMOUS|21<<MAP_HUGE_SHIFT: a type enum, flags, and a page-size field.
void mmap_flags(const ArgContext& c, int i) {
  uint64_t v = u32(c, i);
  if (c.style.xlat != XlatMode::Abbrev)
    return print_styled_arg(c, raw_hex(v), [&](const ArgContext& named) { mmap_flags(named, i); });
  print_xval(c.out, c.style.xlat, xlat::kMmapType, v & MAP_TYPE);
  uint64_t huge = (v >> MAP_HUGE_SHIFT) & MAP_HUGE_MASK;
  uint64_t rest = v & ~uint64_t(MAP_TYPE) & ~(uint64_t(MAP_HUGE_MASK) << MAP_HUGE_SHIFT);
  bool first = false;
  rest = print_flag_names(c.out, xlat::kMmapFlags, rest, first);
  if (rest) fmt::format_to(std::back_inserter(c.out), "|{:#x}", rest);
  if (huge) fmt::format_to(std::back_inserter(c.out), "|{}<<MAP_HUGE_SHIFT", huge);
}

// SOCK_STREAM|SOCK_CLOEXEC; an unknown type leaves the whole word to the flag printer.
constexpr uint64_t kSockTypeMask = 0xf;
void sock_type(const ArgContext& c, int i) {
  uint64_t v = u32(c, i);
  if (c.style.xlat != XlatMode::Abbrev)
    return print_styled_arg(c, raw_hex(v), [&](const ArgContext& named) { sock_type(named, i); });
  if (const char* n = xlat_name(xlat::kSockTypes, v & kSockTypeMask)) {
    put(c.out, n);
    bool first = false;
    uint64_t rest = print_flag_names(c.out, xlat::kSockFlags, v & ~kSockTypeMask, first);
    if (rest) fmt::format_to(std::back_inserter(c.out), "|{:#x}", rest);
    return;
  }
  print_flags(c.out, c.style.xlat, xlat::kSockFlags, v);
}

// The protocol table depends on the domain.
void sock_proto(const ArgContext& c, int i) {
  uint64_t domain = u32(c, c.argsig(i).aux);
  if (domain == AF_INET || domain == AF_INET6)
    print_xval(c.out, c.style.xlat, xlat::kIpProtos, u32(c, i));
  else if (domain == AF_NETLINK)
    print_xval(c.out, c.style.xlat, xlat::kNetlinkProtos, u32(c, i));
  else
    fmt::format_to(std::back_inserter(c.out), "{}", static_cast<int32_t>(c.arg(i)));
}

void signo(const ArgContext& c, int i) {
  print_signo(c.out, c.style.xlat, static_cast<int32_t>(c.arg(i)));
}

// FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME
void futex_op(const ArgContext& c, int i) {
  uint64_t op = u32(c, i);
  if (c.style.xlat != XlatMode::Abbrev)
    return print_styled_arg(c, raw_hex(op), [&](const ArgContext& named) { futex_op(named, i); });
  uint64_t cmd = op & FUTEX_CMD_MASK;
  const char* n = xlat_name(xlat::kFutexCmds, cmd);
  if (!n) return print_xval(c.out, c.style.xlat, xlat::kFutexCmds, op);
  put(c.out, n);
  if (op & FUTEX_PRIVATE_FLAG) put(c.out, "_PRIVATE");
  if (op & FUTEX_CLOCK_REALTIME) put(c.out, "|FUTEX_CLOCK_REALTIME");
}

// ARCH_GET_FS and friends take an address to store into; the ARCH_SET_* take a value.
void arch_prctl_arg(const ArgContext& c, int i) {
  switch (u32(c, c.argsig(i).aux)) {
    case ARCH_GET_FS:
    case ARCH_GET_GS:
    case 0x1022 /* ARCH_GET_XCOMP_PERM */:
    case 0x1021 /* ARCH_GET_XCOMP_SUPP */:
      return print_ptr(c.out, c.arg(i));
    default:
      return print_hex(c.out, c.arg(i));
  }
}

}  // namespace

void register_flags(PrinterTable& t) {
  auto set = [&](K k, void (*f)(const ArgContext&, int)) { t[size_t(k)].print = f; };
  set(K::OpenFlags, open_flags);
  set(K::OpenMode, [](const ArgContext& c, int i) { print_octal(c.out, u32(c, i)); });
  t[size_t(K::OpenMode)].shown = open_mode_shown;
  set(K::PipeFlags, flags32<xlat::kOpenFlags>);
  set(K::AccessMode, flags32<xlat::kAccessModes>);
  set(K::AtFlags, flags32<xlat::kAtFlags>);
  set(K::MmapProt, flags32<xlat::kMmapProt>);
  set(K::MmapFlags, mmap_flags);
  set(K::MsyncFlags, flags32<xlat::kMsyncFlags>);
  set(K::MadviseAdvice, xval32<xlat::kMadvise>);
  set(K::MremapFlags, flags32<xlat::kMremapFlags>);
  set(K::SockDomain, xval32<xlat::kSockDomains>);
  set(K::SockType, sock_type);
  set(K::SockProto, sock_proto);
  set(K::SockFlags, flags32<xlat::kSockFlags>);
  set(K::ShutdownHow, xval32<xlat::kShutdownHow>);
  set(K::Whence, xval32<xlat::kWhence>);
  set(K::FlockOp, flags32<xlat::kFlockOps>);
  set(K::Signo, signo);
  set(K::SigHow, xval32<xlat::kSigHow>);
  set(K::ArchPrctlCode, xval32<xlat::kArchPrctl>);
  set(K::ArchPrctlArg, arch_prctl_arg);
  set(K::RlimitRes, xval32<xlat::kRlimits>);
  set(K::ClockId, xval32<xlat::kClockIds>);
  set(K::GrndFlags, flags32<xlat::kGrndFlags>);
  set(K::MsgFlags, flags32<xlat::kMsgFlags>);
  set(K::WaitOptions, flags32<xlat::kWaitOptions>);
  set(K::CloneFlags, flags32<xlat::kUnshareFlags>);  // unshare, setns
  set(K::FutexOp, futex_op);
}

}  // namespace estrace::format
