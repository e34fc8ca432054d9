// --errno-summary: failures per syscall broken down by errno.
#include <algorithm>
#include <cstring>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

#include "estrace/summary/report.h"

namespace estrace::summary {

std::string errno_name(uint32_t err) {
  // The kernel-internal codes a tracer sees (include/linux/errno.h), as strace names them.
  static constexpr std::pair<uint32_t, const char*> kKernel[] = {
      {512, "ERESTARTSYS"},
      {513, "ERESTARTNOINTR"},
      {514, "ERESTARTNOHAND"},
      {515, "ENOIOCTLCMD"},
      {516, "ERESTART_RESTARTBLOCK"},
      {517, "EPROBE_DEFER"},
      {518, "EOPENSTALE"},
      {519, "ENOPARAM"},
      {521, "EBADHANDLE"},
      {522, "ENOTSYNC"},
      {523, "EBADCOOKIE"},
      {524, "ENOTSUPP"},
      {525, "ETOOSMALL"},
      {526, "ESERVERFAULT"},
      {527, "EBADTYPE"},
      {528, "EJUKEBOX"},
      {529, "EIOCBQUEUED"},
      {530, "ERECALLCONFLICT"},
  };
  for (const auto& [code, name] : kKernel) {
    if (code == err) return name;
  }
  const char* name = err <= 4095 ? strerrorname_np(static_cast<int>(err)) : nullptr;
  return name != nullptr ? std::string(name) : fmt::format("E{}", err);
}

void write_errno_summary(fmt::memory_buffer& out, const Summary& summary, SortKey sort) {
  auto to = std::back_inserter(out);
  for (uint32_t nr : sorted(summary, sort)) {
    const Stats& s = summary.syscalls.at(nr);
    auto list = summary.errnos_of(nr);
    if (s.errors == 0 && list.empty()) continue;
    fmt::format_to(to, "{}:", syscall_name(nr));
    uint64_t named = 0;
    const char* separator = " ";
    for (const auto& [err, count] : list) {
      fmt::format_to(to, "{}{} {}", separator, errno_name(err), count);
      named += count;
      separator = ", ";
    }
    // Failures the errno table has no entry for (it was full, or not collected).
    if (s.errors > named) fmt::format_to(to, "{}other {}", separator, s.errors - named);
    out.push_back('\n');
  }
}

}  // namespace estrace::summary
