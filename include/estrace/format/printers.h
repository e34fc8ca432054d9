// format: the argument printer registry. One entry per syscalls::ArgKind; families register
// their kinds (printers_basic.cpp, printers_flags.cpp, struct_*.cpp). The line formatter walks
// the signature row and calls the entry of each argument's kind: no per-syscall switch.
#pragma once

#include <sys/stat.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <limits>
#include <string_view>

#include <fmt/format.h>

#include "estrace/abi/capture_spec.h"
#include "estrace/format/call_formatter.h"
#include "estrace/format/xlat.h"
#include "estrace/model/event.h"
#include "estrace/syscalls/signature.h"

namespace estrace::format {

struct ArgContext {
  const model::Call& call;
  const syscalls::Signature& sig;
  const Style& style;
  fmt::memory_buffer& out;

  uint64_t arg(int i) const { return call.args[i]; }
  const syscalls::ArgSig& argsig(int i) const { return sig.args[i]; }
  // The capture for argument i when it is usable (present and not faulted), else nullptr.
  // An argument the call reads is shown as it was when the call started (the enter copy when
  // there is one); one the call writes, as the call left it (the exit copy).
  const model::CaptureView* data(int i) const;
  // The copy made when the call ended (in/out arguments: select's sets, ppoll's "left").
  const model::CaptureView* data_after(int i) const;
  // The copy made when the call started, when there is one (accept's addrlen before).
  const model::CaptureView* data_before(int i) const;
  bool succeeded() const { return call.returned && !failed(); }
  bool failed() const { return model::is_error_return(call.ret); }
};

// Copies argument `i`'s capture into a struct of type T when it holds one whole: false when
// nothing was copied, too little was, or it is an output of a call that failed (never written).
template <typename T>
bool load_struct(const ArgContext& c, int i, T& v) {
  const model::CaptureView* d = c.data(i);
  if (!d || d->data.size() < sizeof(T)) return false;
  if (c.argsig(i).dir == syscalls::kOut && !c.succeeded()) return false;
  std::memcpy(&v, d->data.data(), sizeof(T));
  return true;
}

// print_styled for an argument printer: `abbrev` prints the named form through a context
// whose constants print as XlatMode::Abbrev.
template <typename Abbrev>
void print_styled_arg(const ArgContext& c, std::string_view raw, Abbrev&& abbrev) {
  Style named_style = c.style;
  named_style.xlat = XlatMode::Abbrev;
  print_styled(c.out, c.style.xlat, raw, [&](fmt::memory_buffer& named) {
    abbrev(ArgContext{c.call, c.sig, named_style, named});
  });
}

struct PrinterEntry {
  // Print argument `i` of the call.
  void (*print)(const ArgContext&, int i) = nullptr;
  // Optional: how many arguments the call shows, decided by this argument (open's mode is shown
  // only with O_CREAT, fcntl's third only for commands that take one). Return `nargs` to keep all.
  int (*shown)(const ArgContext&, int i, int nargs) = nullptr;
  // Optional: print a successful return value instead of the number (fcntl F_GETFL:
  // "0x8002 (flags O_RDWR|O_LARGEFILE)") or after it (poll: " ([{fd=3, revents=POLLIN}])").
  // Returns true when it printed the value itself.
  bool (*ret)(const ArgContext&, int i) = nullptr;
};

using PrinterTable = std::array<PrinterEntry, static_cast<size_t>(syscalls::ArgKind::Count)>;

// The registry, filled once by the families below.
const PrinterTable& printers();

// Family registration (each in its own file).
void register_basic(PrinterTable& t);    // numbers, fds, strings, buffers, argv
void register_flags(PrinterTable& t);    // xlat-driven flag and enum kinds
void register_file(PrinterTable& t);     // struct stat, dirents
void register_signal(PrinterTable& t);   // signals, sigsets, sigaction
void register_net(PrinterTable& t);      // sockaddr, pollfd, socklen
void register_process(PrinterTable& t);  // rlimit, wait status, timespec, futex, fcntl, ioctl
void register_stat(PrinterTable& t);     // statx, -v struct stat (struct_stat.cpp)
void register_sys(PrinterTable& t);      // sysinfo, uname, rusage, sched_*
void register_poll(PrinterTable& t);     // select's fd_sets, epoll, timers, eventfd
void register_io(PrinterTable& t);       // iovec, flock, in/out socklen, ioctl's argument
void register_sockopt(PrinterTable& t);  // setsockopt/getsockopt levels, names, values
void register_compat(PrinterTable& t);   // ia32 layouts: stat64, 32-bit timespec, user_desc
void register_mmsg(PrinterTable& t);     // sendmmsg/recvmmsg message arrays, recvmmsg's timeout
void register_pid(PrinterTable& t);      // pids, named by -Y (pid_args.cpp)

// Shared small printers.
void print_fd(const ArgContext& c, int64_t fd);
// A descriptor the call returned (dup's, F_DUPFD's): named as the call left it, which may
// differ from what the table says once the line is out (dup2 onto an open fd).
void print_result_fd(const ArgContext& c, int64_t fd);
// A pid argument: 1234, or 1234<bash> under -Y (its command name as the call started).
void print_pid_arg(const ArgContext& c, int i);
void print_ptr(fmt::memory_buffer& out, uint64_t addr);  // NULL or 0x...
void print_hex(fmt::memory_buffer& out, uint64_t v);     // 0 or 0x...
void print_octal(fmt::memory_buffer& out, uint64_t v);   // 000, 0644
// O_RDONLY|O_CLOEXEC (open, fcntl F_SETFL/F_GETFL).
void print_open_flags(fmt::memory_buffer& out, XlatMode mode, uint64_t v);
// A signal number as strace names it: SIGINT, SIGRTMIN, SIGRT_3, or the decimal number.
void print_signo(fmt::memory_buffer& out, XlatMode mode, int sig, bool with_prefix = true);
// An argv-like ES_CAP_STRING_ARRAY capture: ["ls", "/"], "..." after -s items unless -v.
void print_string_array(const ArgContext& c, const model::CaptureView& cap);

// A socket address from its bytes: {sa_family=AF_INET, sin_port=htons(80), ...} (struct_net.cpp).
void print_sockaddr(const ArgContext& c, std::string_view sa);
// A msghdr's control buffer as strace prints msg_control: [{cmsg_len=20, ...}] (struct_cmsg.cpp).
void print_msg_control(const ArgContext& c, std::string_view bytes);

// A struct msghdr from its parts: the address bytes copied, the control bytes (nullptr: print
// the address), es_iovec_item records and, for a receive, the bytes it returned (struct_io.cpp).
void print_msghdr(const ArgContext& c, const es_msghdr_head& h, std::string_view name,
                  const std::string_view* control, std::string_view iovecs, bool iov_cut,
                  uint64_t remaining);

// S_IFDIR|S_ISVTX|0777 (struct_file.cpp).
void print_mode(fmt::memory_buffer& out, XlatMode xlat, uint32_t mode);
// strace's time comment: "1700000000 /* 2023-11-14T22:13:20.123456789+0000 */" (no fraction
// when nsec is 0).
void print_time_comment(fmt::memory_buffer& out, int64_t sec, uint64_t nsec);
// A signal mask as strace prints sigset_t: [INT TERM], ~[RTMIN RT_1] (struct_signal.cpp).
void print_sigmask(fmt::memory_buffer& out, XlatMode mode, uint64_t mask);
// A struct rlimit of two Words (u64; a 32-bit process's u32): {rlim_cur=8192*1024,
// rlim_max=NAME}, where NAME is how strace names the all-ones value of that width.
void print_rlim(fmt::memory_buffer& out, XlatMode mode, uint64_t v, uint64_t infinity,
                std::string_view infinity_name);
template <typename Word>
void print_rlimit(const ArgContext& c, int i, std::string_view infinity_name) {
  Word r[2];
  if (!load_struct(c, i, r)) return print_ptr(c.out, c.arg(i));
  constexpr uint64_t infinity = std::numeric_limits<Word>::max();
  put(c.out, "{rlim_cur=");
  print_rlim(c.out, c.style.xlat, r[0], infinity, infinity_name);
  put(c.out, ", rlim_max=");
  print_rlim(c.out, c.style.xlat, r[1], infinity, infinity_name);
  put(c.out, '}');
}

// struct stat as strace prints it (struct_stat.cpp): abbreviated, every field with -v.
void print_stat(const ArgContext& c, const struct stat& st);
// A sigaction's fields as strace prints them: {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}.
void print_sigaction(fmt::memory_buffer& out, XlatMode mode, uint64_t handler, uint64_t flags,
                     uint64_t restorer, uint64_t mask);

// fcntl's struct flock argument: {l_type=F_RDLCK, ...}; false when it was not copied.
bool print_flock(const ArgContext& c, int i);

// Quoting (string_printer.cpp). `bytes` is what was copied; `more` prints "..." after the quote.
void print_quoted(fmt::memory_buffer& out, std::string_view bytes, HexMode hex, bool more);
// "<TEXT>" after a descriptor (-y) or a pid (-Y): TEXT comes from a traced process, so it is
// escaped as print_quoted escapes, without quotes and with '<' and '>' in octal too (no byte
// of it reaches the terminal raw, the brackets stay unambiguous); `detail`, text estrace
// composed (-yy's "<char 1:3>"), follows it as is.
void print_in_brackets(fmt::memory_buffer& out, std::string_view text, HexMode hex,
                       std::string_view detail = {});

}  // namespace estrace::format
