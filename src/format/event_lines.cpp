// The lines that are not syscalls: "--- SIGxxx {...} ---", "+++ exited with N +++", and the
// per-line timestamp and duration pieces.
#include <sys/wait.h>

#include <csignal>
#include <cstring>
#include <ctime>

#include "estrace/format/call_formatter.h"
#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

// struct kernel_siginfo on x86_64: three ints, then the union at offset 16.
struct SiginfoView {
  const uint8_t* p;
  template <typename T>
  T at(size_t off) const {
    T v;
    std::memcpy(&v, p + off, sizeof v);
    return v;
  }
};

const Xlat* code_table(int sig) {
  switch (sig) {
    case SIGCHLD:
      return &xlat::kCldCodes;
    case SIGSEGV:
      return &xlat::kSegvCodes;
    case SIGBUS:
      return &xlat::kBusCodes;
    case SIGILL:
      return &xlat::kIllCodes;
    case SIGFPE:
      return &xlat::kFpeCodes;
    case SIGTRAP:
      return &xlat::kTrapCodes;
    case SIGPOLL:
      return &xlat::kPollCodes;
    default:
      return nullptr;
  }
}

bool is_fault(int sig) {
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGILL || sig == SIGFPE || sig == SIGTRAP;
}

void print_siginfo(fmt::memory_buffer& out, int sig, SiginfoView si, const Style* style,
                   uint64_t ts_ns) {
  const XlatMode mode = style ? style->xlat : XlatMode::Abbrev;
  auto to = std::back_inserter(out);
  int signo = si.at<int32_t>(0), err = si.at<int32_t>(4), code = si.at<int32_t>(8);
  put(out, "{si_signo=");
  print_signo(out, mode, signo);
  put(out, ", si_code=");
  const char* name = code > 0 && code != SI_KERNEL && code_table(sig)
                         ? xlat_name(*code_table(sig), static_cast<uint32_t>(code))
                         : xlat_name(xlat::kSiCodes, static_cast<uint32_t>(code));
  // Raw, a signal's own codes are hex and the generic SI_* ones decimal, as in strace.
  const bool own_code = code > 0 && code != SI_KERNEL && code_table(sig);
  print_styled(out, mode, own_code ? raw_hex(static_cast<uint32_t>(code)) : std::to_string(code),
               [&](fmt::memory_buffer& o) {
                 if (name)
                   put(o, name);
                 else
                   fmt::format_to(std::back_inserter(o), "{}", code);
               });
  if (err) fmt::format_to(to, ", si_errno={}", err);

  auto pid_uid = [&] {
    put(out, ", si_pid=");
    if (style)
      format_pid(*style, si.at<int32_t>(16), ts_ns, out);
    else
      fmt::format_to(to, "{}", si.at<int32_t>(16));
    fmt::format_to(to, ", si_uid={}", si.at<uint32_t>(20));
  };
  auto sigval = [&] {
    fmt::format_to(to, ", si_int={}, si_ptr=", si.at<int32_t>(24));
    print_ptr(out, si.at<uint64_t>(24));
  };
  if (code == SI_USER || code == SI_TKILL) {
    pid_uid();
  } else if (code == SI_QUEUE || code == SI_MESGQ) {
    pid_uid();
    sigval();
  } else if (code == SI_TIMER) {
    put(out, ", si_timerid=");
    print_hex(out, si.at<uint32_t>(16));
    fmt::format_to(to, ", si_overrun={}", si.at<int32_t>(20));
    sigval();
  } else if (code > 0 && sig == SIGCHLD) {
    pid_uid();
    put(out, ", si_status=");
    int status = si.at<int32_t>(24);
    if (code == CLD_EXITED)
      fmt::format_to(to, "{}", status);
    else
      print_signo(out, mode, status);
    fmt::format_to(to, ", si_utime={}, si_stime={}", si.at<int64_t>(32), si.at<int64_t>(40));
  } else if ((code > 0 || code == SI_KERNEL) && is_fault(sig)) {
    put(out, ", si_addr=");
    print_ptr(out, si.at<uint64_t>(16));
  } else if (code > 0 && sig == SIGPOLL) {
    fmt::format_to(to, ", si_band={}, si_fd={}", si.at<int64_t>(16), si.at<int32_t>(24));
  }
  put(out, '}');
}

}  // namespace

void format_signal(const model::Signal& sig, fmt::memory_buffer& out, const Style* style) {
  put(out, "--- ");
  // The line's own name stays a name under -X, as in strace.
  print_signo(out, XlatMode::Abbrev, sig.sig);
  put(out, ' ');
  print_siginfo(out, sig.sig, SiginfoView{sig.siginfo.data()}, style, sig.ts_ns);
  put(out, " ---");
}

void format_exit(const model::Exit& exit, fmt::memory_buffer& out) {
  int s = exit.status;
  if (WIFSIGNALED(s)) {
    put(out, "+++ killed by ");
    print_signo(out, XlatMode::Abbrev, WTERMSIG(s));
    put(out, WCOREDUMP(s) ? " (core dumped) +++" : " +++");
  } else {
    fmt::format_to(std::back_inserter(out), "+++ exited with {} +++", WEXITSTATUS(s));
  }
}

void format_timestamp(TimeMode mode, uint64_t realtime_ns, fmt::memory_buffer& out) {
  if (mode == TimeMode::None) return;
  auto secs = static_cast<time_t>(realtime_ns / 1000000000u);
  auto usec = static_cast<unsigned>(realtime_ns % 1000000000u / 1000u);
  auto to = std::back_inserter(out);
  if (mode == TimeMode::Epoch) {
    fmt::format_to(to, "{}.{:06} ", secs, usec);
    return;
  }
  struct tm tm;
  localtime_r(&secs, &tm);
  fmt::format_to(to, "{:02}:{:02}:{:02}", tm.tm_hour, tm.tm_min, tm.tm_sec);
  if (mode == TimeMode::Micros) fmt::format_to(to, ".{:06}", usec);
  put(out, ' ');
}

void format_duration(uint64_t ns, fmt::memory_buffer& out) {
  fmt::format_to(std::back_inserter(out), " <{}.{:06}>", ns / 1000000000u,
                 ns % 1000000000u / 1000u);
}

}  // namespace estrace::format
