// System and scheduler structures: sysinfo, utsname, rusage, sched_param, cpu sets, and the
// scheduling policy sched_getscheduler returns.
#include <sched.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>

#include <cstring>

#include "estrace/format/printers.h"
#include "estrace/format/xlat_tables.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

auto to(const ArgContext& c) { return std::back_inserter(c.out); }

// An output struct: only when the call succeeded and the copy is whole.
// Printed the same with and without -v.
void sysinfo_arg(const ArgContext& c, int i) {
  struct sysinfo si;
  if (!load_struct(c, i, si)) return print_ptr(c.out, c.arg(i));
  fmt::format_to(to(c),
                 "{{uptime={}, loads=[{}, {}, {}], totalram={}, freeram={}, sharedram={}, "
                 "bufferram={}, totalswap={}, freeswap={}, procs={}, totalhigh={}, freehigh={}, "
                 "mem_unit={}}}",
                 si.uptime, si.loads[0], si.loads[1], si.loads[2], si.totalram, si.freeram,
                 si.sharedram, si.bufferram, si.totalswap, si.freeswap, si.procs, si.totalhigh,
                 si.freehigh, si.mem_unit);
}

void uts_field(const ArgContext& c, const char* name, const char (&f)[_UTSNAME_LENGTH],
               bool first) {
  fmt::format_to(to(c), "{}{}=", first ? "" : ", ", name);
  std::string_view s(f, strnlen(f, sizeof f));
  print_quoted(c.out, s, c.style.hex, false);
}

void utsname_arg(const ArgContext& c, int i) {
  struct utsname u;
  if (!load_struct(c, i, u)) return print_ptr(c.out, c.arg(i));
  put(c.out, '{');
  uts_field(c, "sysname", u.sysname, true);
  uts_field(c, "nodename", u.nodename, false);
  if (!c.style.verbose) return put(c.out, ", ...}");
  uts_field(c, "release", u.release, false);
  uts_field(c, "version", u.version, false);
  uts_field(c, "machine", u.machine, false);
  uts_field(c, "domainname", u.domainname, false);
  put(c.out, '}');
}

void rusage_arg(const ArgContext& c, int i) {
  struct rusage r;
  if (!load_struct(c, i, r)) return print_ptr(c.out, c.arg(i));
  fmt::format_to(to(c), "{{ru_utime={{tv_sec={}, tv_usec={}}}, ru_stime={{tv_sec={}, tv_usec={}}}",
                 r.ru_utime.tv_sec, r.ru_utime.tv_usec, r.ru_stime.tv_sec, r.ru_stime.tv_usec);
  if (!c.style.verbose) return put(c.out, ", ...}");
  fmt::format_to(to(c),
                 ", ru_maxrss={}, ru_ixrss={}, ru_idrss={}, ru_isrss={}, ru_minflt={}, "
                 "ru_majflt={}, ru_nswap={}, ru_inblock={}, ru_oublock={}, ru_msgsnd={}, "
                 "ru_msgrcv={}, ru_nsignals={}, ru_nvcsw={}, ru_nivcsw={}}}",
                 r.ru_maxrss, r.ru_ixrss, r.ru_idrss, r.ru_isrss, r.ru_minflt, r.ru_majflt,
                 r.ru_nswap, r.ru_inblock, r.ru_oublock, r.ru_msgsnd, r.ru_msgrcv, r.ru_nsignals,
                 r.ru_nvcsw, r.ru_nivcsw);
}

void rusage_who_arg(const ArgContext& c, int i) {
  print_xval(c.out, c.style.xlat, xlat::kRusageWho, static_cast<uint32_t>(c.arg(i)));
}

// struct sched_param: strace shows its one field as "[0]".
void sched_param_arg(const ArgContext& c, int i) {
  int32_t prio;
  if (!load_struct(c, i, prio)) return print_ptr(c.out, c.arg(i));
  fmt::format_to(to(c), "[{}]", prio);
}

void sched_policy_arg(const ArgContext& c, int i) {
  print_xval(c.out, c.style.xlat, xlat::kSchedPolicies, static_cast<uint32_t>(c.arg(i)));
}

// sched_getscheduler(pid): the pid prints as any pid argument, the result as "0 (SCHED_OTHER)".
bool sched_ret(const ArgContext& c, int) {
  fmt::format_to(to(c), "{}", c.call.ret);
  if (const char* n = xlat_name(xlat::kSchedPolicies, static_cast<uint64_t>(c.call.ret)))
    fmt::format_to(to(c), " ({})", n);
  return true;
}

// cpu_set_t: the CPUs set, "[0 1]". sched_getaffinity fills `ret` bytes.
void cpuset_arg(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  const bool out = c.argsig(i).dir == syscalls::kOut;
  if (!d || (out && !c.succeeded())) return print_ptr(c.out, c.arg(i));
  size_t len = out ? static_cast<size_t>(c.call.ret) : c.arg(c.argsig(i).aux);
  std::string_view bits = d->data.substr(0, std::min(len, d->data.size()));
  put(c.out, '[');
  bool first = true;
  for (size_t b = 0; b < bits.size() * 8; ++b) {
    if (!(static_cast<uint8_t>(bits[b / 8]) & (1u << (b % 8)))) continue;
    fmt::format_to(to(c), "{}{}", first ? "" : " ", b);
    first = false;
  }
  put(c.out, ']');
}

}  // namespace

void register_sys(PrinterTable& t) {
  t[size_t(K::Sysinfo)].print = sysinfo_arg;
  t[size_t(K::Utsname)].print = utsname_arg;
  t[size_t(K::Rusage)].print = rusage_arg;
  t[size_t(K::RusageWho)].print = rusage_who_arg;
  t[size_t(K::SchedParam)].print = sched_param_arg;
  t[size_t(K::SchedPolicy)].print = sched_policy_arg;
  t[size_t(K::SchedRet)].print = print_pid_arg;
  t[size_t(K::SchedRet)].ret = sched_ret;
  t[size_t(K::CpuSet)].print = cpuset_arg;
}

}  // namespace estrace::format
