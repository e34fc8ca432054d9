// Process and time structures and the commands whose argument depends on another one:
// rlimit, timespec, wait status, int pairs, fcntl (command + argument + result), ioctl requests.
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <cstring>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

void rlimit_arg(const ArgContext& c, int i) { print_rlimit<uint64_t>(c, i, "RLIM64_INFINITY"); }

void timespec_arg(const ArgContext& c, int i) {
  int64_t ts[2];
  if (!load_struct(c, i, ts)) return print_ptr(c.out, c.arg(i));
  fmt::format_to(std::back_inserter(c.out), "{{tv_sec={}, tv_nsec={}}}", ts[0], ts[1]);
}

// [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]
void wait_status_arg(const ArgContext& c, int i) {
  int s;
  if (!load_struct(c, i, s) || c.call.ret == 0) return print_ptr(c.out, c.arg(i));
  auto& out = c.out;
  put(out, "[{");
  if (WIFEXITED(s)) {
    fmt::format_to(std::back_inserter(out), "WIFEXITED(s) && WEXITSTATUS(s) == {}", WEXITSTATUS(s));
  } else if (WIFSIGNALED(s)) {
    put(out, "WIFSIGNALED(s) && WTERMSIG(s) == ");
    print_signo(out, c.style.xlat, WTERMSIG(s));
    if (WCOREDUMP(s)) put(out, " && WCOREDUMP(s)");
  } else if (WIFSTOPPED(s)) {
    put(out, "WIFSTOPPED(s) && WSTOPSIG(s) == ");
    print_signo(out, c.style.xlat, WSTOPSIG(s));
  } else if (WIFCONTINUED(s)) {
    put(out, "WIFCONTINUED(s)");
  } else {
    fmt::format_to(std::back_inserter(out), "{:#x}", s);
  }
  put(out, "}]");
}

void pipe_fds_arg(const ArgContext& c, int i) {
  int32_t fds[2];
  if (!load_struct(c, i, fds)) return print_ptr(c.out, c.arg(i));
  put(c.out, '[');
  print_fd(c, fds[0]);
  put(c.out, ", ");
  print_fd(c, fds[1]);
  put(c.out, ']');
}

void int_ptr_arg(const ArgContext& c, int i) {
  int32_t v;
  if (!load_struct(c, i, v)) return print_ptr(c.out, c.arg(i));
  fmt::format_to(std::back_inserter(c.out), "[{}]", v);
}

uint32_t fcntl_cmd(const ArgContext& c, int i) {
  return static_cast<uint32_t>(c.arg(c.argsig(i).aux));
}

void fcntl_cmd_arg(const ArgContext& c, int i) {
  print_xval(c.out, c.style.xlat, xlat::kFcntlCmds, static_cast<uint32_t>(c.arg(i)));
}

void fcntl_arg(const ArgContext& c, int i) {
  uint64_t v = c.arg(i);
  switch (fcntl_cmd(c, i)) {
    case F_SETFD:
      print_flags(c.out, c.style.xlat, xlat::kFdFlags, static_cast<uint32_t>(v));
      return;
    case F_SETFL:
      print_open_flags(c.out, c.style.xlat, static_cast<uint32_t>(v));
      return;
    case F_DUPFD:
    case F_DUPFD_CLOEXEC:
    case F_SETOWN:
    case F_SETPIPE_SZ:
      fmt::format_to(std::back_inserter(c.out), "{}", static_cast<int32_t>(v));
      return;
    case F_SETSIG:
      print_signo(c.out, c.style.xlat, static_cast<int32_t>(v));
      return;
    case F_GETLK:
    case F_SETLK:
    case F_SETLKW:
    case F_OFD_GETLK:
    case F_OFD_SETLK:
    case F_OFD_SETLKW:
      if (print_flock(c, i)) return;
      print_ptr(c.out, v);
      return;
    case F_GETOWN_EX:
    case F_SETOWN_EX:
      print_ptr(c.out, v);
      return;
    default:
      print_hex(c.out, v);
      return;
  }
}

// Commands that take no argument: strace prints two arguments.
int fcntl_shown(const ArgContext& c, int i, int nargs) {
  switch (fcntl_cmd(c, i)) {
    case F_GETFD:
    case F_GETFL:
    case F_GETOWN:
    case F_GETSIG:
    case F_GETLEASE:
    case F_GETPIPE_SZ:
    case F_GET_SEALS:
      return i;
    default:
      return nargs;
  }
}

// F_GETFL: "0x8002 (flags O_RDWR|O_LARGEFILE)"; F_GETFD: "0x1 (flags FD_CLOEXEC)".
bool fcntl_ret(const ArgContext& c, int i) {
  uint32_t cmd = fcntl_cmd(c, i);
  // F_GETFL's 0 is O_RDONLY and strace names it; F_GETFD's 0 is a bare 0.
  if ((cmd != F_GETFL && cmd != F_GETFD) || (cmd == F_GETFD && c.call.ret == 0)) {
    if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC) {
      print_result_fd(c, c.call.ret);
      return true;
    }
    return false;
  }
  print_hex(c.out, static_cast<uint64_t>(c.call.ret));
  put(c.out, " (flags ");
  if (cmd == F_GETFL)
    print_open_flags(c.out, c.style.xlat, static_cast<uint64_t>(c.call.ret));
  else
    print_flags(c.out, c.style.xlat, xlat::kFdFlags, static_cast<uint64_t>(c.call.ret));
  put(c.out, ')');
  return true;
}

// TCGETS, or _IOC(_IOC_READ|_IOC_WRITE, 0x54, 0x32, 0x4) for requests strace does not know.
void ioctl_req_arg(const ArgContext& c, int i) {
  auto req = static_cast<uint32_t>(c.arg(i));
  if (const char* n = xlat_name(xlat::kIoctlCmds, req)) return put(c.out, n);
  unsigned dir = _IOC_DIR(req);
  const char* dirs[] = {"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE"};
  fmt::format_to(std::back_inserter(c.out), "_IOC({}, {:#x}, {:#x}, {:#x})", dirs[dir & 3],
                 _IOC_TYPE(req), _IOC_NR(req), _IOC_SIZE(req));
}

}  // namespace

// 8192*1024, or the infinity's name
void print_rlim(fmt::memory_buffer& out, XlatMode mode, uint64_t v, uint64_t infinity,
                std::string_view infinity_name) {
  if (mode != XlatMode::Abbrev)  // -X: "8388608", "8388608 /* 8192*1024 */"
    return print_styled(out, mode, std::to_string(v), [&](fmt::memory_buffer& o) {
      print_rlim(o, XlatMode::Abbrev, v, infinity, infinity_name);
    });
  if (v == infinity)
    put(out, infinity_name);
  else if (v > 0 && v % 1024 == 0)
    fmt::format_to(std::back_inserter(out), "{}*1024", v / 1024);
  else
    fmt::format_to(std::back_inserter(out), "{}", v);
}

void register_process(PrinterTable& t) {
  t[size_t(K::Rlimit)].print = rlimit_arg;
  t[size_t(K::Timespec)].print = timespec_arg;
  t[size_t(K::WaitStatus)].print = wait_status_arg;
  t[size_t(K::PipeFds)].print = pipe_fds_arg;
  t[size_t(K::IntPtrOut)].print = int_ptr_arg;
  t[size_t(K::FcntlCmd)].print = fcntl_cmd_arg;
  t[size_t(K::FcntlArg)].print = fcntl_arg;
  t[size_t(K::FcntlArg)].shown = fcntl_shown;
  t[size_t(K::FcntlArg)].ret = fcntl_ret;
  t[size_t(K::IoctlReq)].print = ioctl_req_arg;
}

}  // namespace estrace::format
