// app: options -> what the run captures and how it prints. See include/estrace/app/run_config.h.
#include "estrace/app/run_config.h"

#include <algorithm>
#include <vector>

#include "estrace/abi/event.h"
#include "estrace/format/io_dump.h"
#include "estrace/output/path_filter.h"
#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/signature.h"

namespace estrace::app {
namespace {

// -e read=/write=: the whole buffer of a call that moves data, up to what one capture holds;
// the line itself still shows -s.
void capture_whole_buffers(uint32_t nr, es_syscall_spec& spec) {
  const syscalls::Signature* sig = syscalls::signature(nr);
  for (auto& slot : spec.slots) {
    if (slot.kind == ES_CAP_NONE || !sig || slot.arg >= sig->nargs) continue;
    auto kind = sig->args[slot.arg].kind;
    if (kind == syscalls::ArgKind::BufIn || kind == syscalls::ArgKind::BufOut)
      slot.size = ES_MAX_CAPTURE_BYTES;
  }
}

// The calls -e trace= names (all by default); -P keeps only those that can touch a path:
// they are filtered in the kernel, and which of them do is decided in userspace
// (output/path_filter.h).
std::vector<bool> wanted_calls(const cli::Options& options) {
  std::vector<bool> wanted(ES_SPEC_ROWS, options.trace_all);
  for (uint32_t nr : options.trace_syscalls)
    if (nr < ES_SPEC_ROWS) wanted[nr] = true;
  if (!options.trace_paths.empty())
    for (uint32_t nr = 0; nr < ES_SPEC_ROWS; ++nr)
      if (!output::may_touch_path(nr)) wanted[nr] = false;
  return wanted;
}

}  // namespace

Names::Names(const cli::Options& options)
    : fds(tracks_fds(options) ? std::max(options.decode_fds, 1) : 0) {}

bool tracks_fds(const cli::Options& options) {
  return options.decode_fds || !options.trace_paths.empty();
}

probe::Config probe_config(const cli::Options& options) {
  probe::Config config;
  config.follow_forks = options.follow > 0;
  config.string_limit = options.string_limit;
  config.ring_bytes_per_cpu = options.buffer_bytes_per_cpu;
  config.aggregate = options.summary.enabled();
  config.emit_calls = options.summary.mode != summary::Mode::Only;
  config.status_mask = options.status;
  config.describe_sockets = options.decode_fds >= 2;
  // What shows a call's start time, or the comm a task had when the call began (-Y).
  config.stamp_enter =
      options.time != format::TimeMode::None || options.show_duration || options.decode_pids_comm;
  // The production filters' own settings; their cgroups are resolved with the targets.
  if (options.by_identity()) {
    config.match_identity = true;
    config.comms = options.comms;
    config.uid = options.uid;
  }
  const bool dumps = !options.read_fds.none() || !options.write_fds.none();
  // -e read=/write= dump all the data: iovec items are copied up to the rodata limit.
  if (dumps) config.string_limit = std::max(options.string_limit, 4096u);
  const std::vector<bool> wanted = wanted_calls(options);
  // x86_64 rows, then the ia32 rows of 32-bit processes (syscalls/compat.h).
  config.specs.resize(ES_SPEC_ROWS);
  for (uint32_t nr = 0; nr < ES_SPEC_ROWS; ++nr) {
    es_syscall_spec& spec = config.specs[nr];
    spec = syscalls::capture_spec(nr, options.string_limit, options.verbose);
    if (dumps && format::moves_data(nr)) capture_whole_buffers(nr, spec);
    if (tracks_fds(options)) {
      syscalls::add_fd_identity(nr, spec);
      // Sent even when not traced (flagged hidden), so the fd table sees every change.
      if (decode::changes_fd_table(syscalls::name_of(nr))) spec.flags |= ES_SPEC_FD_TRACK;
    }
    if (config.describe_sockets) syscalls::add_socket_identity(nr, spec);
    if (wanted[nr])
      spec.flags |= ES_SPEC_TRACED;
    else
      spec.flags &= ~ES_SPEC_TRACED;
  }
  return config;
}

format::Style call_style(const cli::Options& options, const Names& names) {
  format::Style style;
  style.string_limit = options.string_limit;
  style.hex = options.hex;
  style.verbose = options.verbose;
  style.decode_fds = options.decode_fds;
  if (options.decode_fds) style.fds = &names.fds;
  style.xlat = options.xlat;
  if (options.decode_pids_comm) style.pids = &names.comms;
  return style;
}

output::LineOptions line_options(const cli::Options& options, size_t initial_tasks, Names& names) {
  output::LineOptions lines;
  lines.time = options.time;
  lines.show_duration = options.show_duration;
  // strace's rule: into a file, "%-5d " on every line when following forks or when more
  // than one task is traced from the start; into -ff files, never.
  const bool into_one_file = options.output_file && options.follow < 2;
  lines.pid_prefix_always = into_one_file && (options.follow == 1 || initial_tasks > 1);
  lines.to_terminal_stream = !options.output_file;
  // --pidns shows the container's view of each pid on every line, and tasks chosen by
  // identity come and go: either way every line says whose it is.
  if (options.pidns || options.by_identity()) {
    lines.pid_prefix_always = into_one_file;
    lines.terminal_prefix_always = !options.output_file;
  }
  if (options.pidns) lines.pidns = &names.pidns;
  // With an outcome filter a started call may turn out to be filtered: print whole lines.
  // -P decides when a call ends, too.
  lines.whole_lines =
      (options.status & cli::kStatusAll) != cli::kStatusAll || !options.trace_paths.empty();
  lines.syscall_numbers = options.syscall_numbers;
  lines.personality_notices = options.personality_notices.value_or(true);  // cli::parse decided
  if (options.decode_pids_comm) lines.comms = &names.comms;
  if (!options.signals.invert || !options.signals.items.empty())
    lines.show_signal = [set = options.signals](int sig) { return set.contains(sig); };
  if (!options.read_fds.none())
    lines.dump_read = [set = options.read_fds](int fd) { return set.contains(fd); };
  if (!options.write_fds.none())
    lines.dump_write = [set = options.write_fds](int fd) { return set.contains(fd); };
  return lines;
}

}  // namespace estrace::app
