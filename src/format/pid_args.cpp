// format: pid arguments and results for -Y. See include/estrace/format/pid_args.h.
#include "estrace/format/pid_args.h"

#include <array>
#include <string_view>
#include <vector>

#include "estrace/format/call_formatter.h"
#include "estrace/format/printers.h"
#include "estrace/syscalls/catalogue.h"

namespace estrace::format {
namespace {

struct PidRow {
  std::string_view name;
  uint8_t args;        // bit i: argument i is a pid
  bool ret;            // the return value is a pid
  bool child = false;  // ... of a new child, named like its parent until it execs
};

// strace 6.1's printpid() sites (set_tid_address's result is not one of them).
constexpr std::array kPidRows = {
    PidRow{"getpid", 0, true},
    PidRow{"getppid", 0, true},
    PidRow{"gettid", 0, true},
    PidRow{"getpgrp", 0, true},
    PidRow{"getpgid", 0b1, true},
    PidRow{"getsid", 0b1, true},
    PidRow{"setpgid", 0b11, false},
    PidRow{"fork", 0, true, true},
    PidRow{"vfork", 0, true, true},
    PidRow{"clone", 0, true, true},
    PidRow{"clone3", 0, true, true},
    PidRow{"wait4", 0b1, true},
    PidRow{"kill", 0b1, false},
    PidRow{"tkill", 0b1, false},
    PidRow{"tgkill", 0b11, false},
    PidRow{"rt_sigqueueinfo", 0b1, false},
    PidRow{"rt_tgsigqueueinfo", 0b11, false},
    PidRow{"pidfd_open", 0b1, false},
    PidRow{"prlimit64", 0b1, false},
    PidRow{"sched_setparam", 0b1, false},
    PidRow{"sched_getparam", 0b1, false},
    PidRow{"sched_setscheduler", 0b1, false},
    PidRow{"sched_getscheduler", 0b1, false},
    PidRow{"sched_rr_get_interval", 0b1, false},
    PidRow{"sched_setaffinity", 0b1, false},
    PidRow{"sched_getaffinity", 0b1, false},
    PidRow{"sched_setattr", 0b1, false},
    PidRow{"sched_getattr", 0b1, false},
    PidRow{"ptrace", 0b10, false},
    PidRow{"process_vm_readv", 0b1, false},
    PidRow{"process_vm_writev", 0b1, false},
    PidRow{"kcmp", 0b11, false},
    PidRow{"get_robust_list", 0b1, false},
    PidRow{"migrate_pages", 0b1, false},
    PidRow{"move_pages", 0b1, false},
    PidRow{"perf_event_open", 0b10, false},
};

struct ByNumber {
  std::vector<uint8_t> args;
  std::vector<bool> ret;
  std::vector<bool> child;
};

const ByNumber& by_number() {
  static const ByNumber table = [] {
    ByNumber t;
    t.args.resize(syscalls::table_size());
    t.ret.resize(syscalls::table_size());
    t.child.resize(syscalls::table_size());
    for (const PidRow& row : kPidRows) {
      auto nr = syscalls::number_of(row.name);
      if (!nr || *nr >= t.args.size()) continue;
      t.args[*nr] = row.args;
      t.ret[*nr] = row.ret;
      t.child[*nr] = row.child;
    }
    return t;
  }();
  return table;
}

}  // namespace

bool is_pid_arg(uint32_t nr, int i) {
  const ByNumber& t = by_number();
  return nr < t.args.size() && i < 8 && (t.args[nr] >> i & 1);
}

bool returns_pid(uint32_t nr) {
  const ByNumber& t = by_number();
  return nr < t.ret.size() && t.ret[nr];
}

bool returns_child(uint32_t nr) {
  const ByNumber& t = by_number();
  return nr < t.child.size() && t.child[nr];
}

void format_pid(const Style& style, int64_t pid, uint64_t at_ns, fmt::memory_buffer& out,
                uint32_t parent) {
  fmt::format_to(std::back_inserter(out), "{}", pid);
  if (!style.pids || pid <= 0 || pid > INT32_MAX) return;
  auto name = style.pids->comm(static_cast<int>(pid), at_ns, false);
  // An untraced child may be gone by the time its fork is printed: it had its parent's name.
  if (!name && parent) name = style.pids->comm(static_cast<int>(parent), at_ns, true);
  if (name) print_in_brackets(out, *name, style.hex);
}

}  // namespace estrace::format
