// format: pids for -Y ("kill(1234<bash>, SIGTERM)"): the Pid kind's printer, and format_pid,
// which the result of a row returning a pid (syscalls::RetKind::Pid) and signals use too.
#include <cstdint>
#include <iterator>

#include "estrace/format/call_formatter.h"
#include "estrace/format/printers.h"

namespace estrace::format {

void format_pid(const Style& style, int64_t pid, uint64_t at_ns, fmt::memory_buffer& out,
                uint32_t parent) {
  fmt::format_to(std::back_inserter(out), "{}", pid);
  if (!style.pids || pid <= 0 || pid > INT32_MAX) return;
  auto name = style.pids->comm(static_cast<int>(pid), at_ns, false);
  // An untraced child may be gone by the time its fork is printed: it had its parent's name.
  if (!name && parent) name = style.pids->comm(static_cast<int>(parent), at_ns, true);
  if (name) print_in_brackets(out, *name, style.hex);
}

// A pid argument, with its command name as the call started.
void print_pid_arg(const ArgContext& c, int i) {
  format_pid(c.style, static_cast<int32_t>(c.arg(i)), c.call.enter_ns, c.out);
}

void register_pid(PrinterTable& t) { t[size_t(syscalls::ArgKind::Pid)].print = print_pid_arg; }

}  // namespace estrace::format
