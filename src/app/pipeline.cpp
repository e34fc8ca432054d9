// app: one tracing run, start to exit status. See include/estrace/app/pipeline.h.
#include "estrace/app/pipeline.h"

#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <future>
#include <iostream>
#include <thread>

#include <fmt/format.h>

#include "estrace/abi/event.h"
#include "estrace/app/batch_queue.h"
#include "estrace/app/cpu_kick.h"
#include "estrace/app/signals.h"
#include "estrace/decode/decoder.h"
#include "estrace/decode/fd_table.h"
#include "estrace/decode/pid_comms.h"
#include "estrace/decode/pid_namespaces.h"
#include "estrace/format/call_formatter.h"
#include "estrace/format/io_dump.h"
#include "estrace/ingest/merger.h"
#include "estrace/ingest/ring_reader.h"
#include "estrace/launch/cgroup.h"
#include "estrace/launch/launch.h"
#include "estrace/output/path_filter.h"
#include "estrace/output/sink.h"
#include "estrace/output/trace_writer.h"
#include "estrace/probe/probe.h"
#include "estrace/summary/report.h"
#include "estrace/summary/summary.h"
#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"
#include "estrace/util/clock.h"

namespace estrace::app {
namespace {

using namespace std::chrono_literals;

// Records older than the last read of the rings minus this can no longer be overtaken by a
// record from another CPU's ring (the gap between a record's timestamp and its commit is
// microseconds). The last read, not now: a drain thread kept off the CPUs by busy tracees
// leaves records in the rings for longer than that.
constexpr uint64_t kHoldBackNs = 2'000'000;
// How often the drain thread copies records out (records are submitted without wakeups).
constexpr int kPollMs = 1;
// How often the control loop reads loss counters and checks for the end of the run.
constexpr uint64_t kCheckNs = 5'000'000;
// After a signal to estrace, how long the command gets to end (a Ctrl-C reaches it too) so
// that its last lines and status are kept, before estrace detaches without it.
constexpr uint64_t kStopGraceNs = 500'000'000;
// How often the decoding thread is moved off its CPU (app/cpu_kick.h): a migration costs
// microseconds; moving every 5, 10 or 20 ms measured the same.
constexpr uint64_t kKickNs = 10'000'000;

void say(const std::string& line) { std::cerr << "estrace: " << line << '\n' << std::flush; }

// The descriptor table is kept for -y, and for -P, which selects calls by the fds' paths.
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
  // x86_64 rows, then the ia32 rows of 32-bit processes (syscalls/compat.h).
  config.specs.resize(ES_SPEC_ROWS);
  std::vector<bool> wanted(ES_SPEC_ROWS, options.trace_all);
  for (uint32_t nr : options.trace_syscalls)
    if (nr < ES_SPEC_ROWS) wanted[nr] = true;
  const bool dumps = !options.read_fds.none() || !options.write_fds.none();
  // -e read=/write= dump all the data: iovec items are copied up to the rodata limit.
  if (dumps) config.string_limit = std::max(options.string_limit, 4096u);
  for (uint32_t nr = 0; nr < ES_SPEC_ROWS; ++nr) {
    config.specs[nr] = syscalls::capture_spec(nr, options.string_limit, options.verbose);
    // -P: only calls that take a path or a descriptor can touch one (filtered in the kernel);
    // which of them do is decided in userspace (output/path_filter.h).
    if (!options.trace_paths.empty() && !output::may_touch_path(nr)) wanted[nr] = false;
    if (dumps && format::moves_data(nr)) {
      // The whole buffer, up to what one capture holds; the line itself still shows -s.
      const syscalls::Signature* sig = syscalls::signature(nr);
      for (auto& slot : config.specs[nr].slots) {
        if (slot.kind == ES_CAP_NONE || !sig || slot.arg >= sig->nargs) continue;
        auto kind = sig->args[slot.arg].kind;
        if (kind == syscalls::ArgKind::BufIn || kind == syscalls::ArgKind::BufOut)
          slot.size = ES_MAX_CAPTURE_BYTES;
      }
    }
    if (tracks_fds(options)) {
      syscalls::add_fd_identity(nr, config.specs[nr]);
      if (decode::changes_fd_table(syscalls::name_of(nr)))
        config.specs[nr].flags |= ES_SPEC_FD_TRACK;
    }
    if (config.describe_sockets) syscalls::add_socket_identity(nr, config.specs[nr]);
    if (wanted[nr])
      config.specs[nr].flags |= ES_SPEC_TRACED;
    else
      config.specs[nr].flags &= ~ES_SPEC_TRACED;
  }
  return config;
}

// Lines that reach the user only if a record was lost: syscalls, signals, exits.
uint64_t lost_lines(const std::vector<uint64_t>& by_kind) {
  return by_kind[ES_REC_SYSCALL] + by_kind[ES_REC_SIGNAL] + by_kind[ES_REC_EXIT];
}

int exit_status_of(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return 1;
}

class Run {
 public:
  explicit Run(const cli::Options& options) : options_(options) {}

  int go();

 private:
  bool open_output();
  void drain_loop();
  void pump(bool final);
  void report_lost(bool final);
  void check_output();
  int final_status(int status) const;
  summary::Summary read_summary() const;
  void print_summary(const summary::Summary& s, const summary::ReportContext& context);
  void maybe_print_interval(bool final);

  const cli::Options& options_;
  std::unique_ptr<std::ostream> file_;
  std::unique_ptr<output::Sink> sink_;
  std::unique_ptr<output::TraceWriter> writer_;
  decode::FdTable fds_{tracks_fds(options_) ? std::max(options_.decode_fds, 1) : 0};
  decode::PidNamespaces pidns_;
  std::unique_ptr<decode::FdTracking> fd_tracking_;
  std::unique_ptr<output::PathFilter> path_filter_;  // -P
  decode::PidComms comms_;                           // -Y
  decode::Handler* handler_ = nullptr;  // the writer, or the fd tracking around it (-y)
  std::unique_ptr<probe::Probe> probe_;
  std::unique_ptr<ingest::RingReader> reader_;
  ingest::Merger merger_;
  decode::Decoder decoder_;
  BatchQueue queue_;
  std::atomic<bool> stop_drain_{false};
  // When the drain thread last started reading the rings (CLOCK_MONOTONIC, the records' clock):
  // every record stamped before it is in a batch pushed by then, or about to commit.
  std::atomic<uint64_t> rings_read_ns_{0};
  uint64_t reported_lost_ = 0;
  bool output_failed_ = false;  // a write of the trace failed (and was reported)
  // --interval: the last cumulative snapshot and when the next report is due.
  summary::Summary last_summary_;
  uint64_t interval_start_ns_ = 0;
  uint64_t intervals_ = 0;
};

summary::Summary Run::read_summary() const {
  std::vector<uint32_t> nrs;
  for (uint32_t nr = 0; nr < ES_SPEC_ROWS; ++nr) nrs.push_back(nr);  // x86_64, then ia32 keys
  auto stats = probe_->read_stats(nrs);
  summary::Summary s;
  for (uint32_t nr = 0; nr < stats.size(); ++nr)
    if (stats[nr].calls) s.add_cpu(nr, stats[nr]);
  for (const auto& [key, count] : probe_->read_errno_counts()) s.add_errno(key.nr, key.err, count);
  return s;
}

// Summaries go where the trace goes: stderr, or the -o file (strace's -c does the same).
void Run::print_summary(const summary::Summary& s, const summary::ReportContext& context) {
  fmt::memory_buffer text;
  summary::write_report(text, s, options_.summary, context);
  if (sink_->per_task()) {  // -ff: the files are the processes'; the summary goes to stderr
    sink_->flush();
    std::cerr.write(text.data(), static_cast<std::streamsize>(text.size()));
    std::cerr.flush();
    return;
  }
  sink_->write(0, std::string_view(text.data(), text.size()));
  sink_->flush();
}

void Run::maybe_print_interval(bool final) {
  const auto& interval = options_.summary.interval;
  if (!interval || final) return;
  uint64_t now = now_ns(CLOCK_MONOTONIC);
  auto length = static_cast<uint64_t>(interval->count());
  if (now - interval_start_ns_ < length) return;
  summary::Summary now_summary = read_summary();
  summary::ReportContext context;
  context.interval = ++intervals_;
  context.seconds = static_cast<double>(now - interval_start_ns_) / 1e9;
  print_summary(now_summary.minus(last_summary_), context);
  last_summary_ = std::move(now_summary);
  interval_start_ns_ = now;
}

bool Run::open_output() {
  if (options_.output_file && options_.follow >= 2) {
    sink_ = std::make_unique<output::PerTaskFileSink>(*options_.output_file);
    return true;
  }
  if (options_.output_file) {
    auto file = output::open_output_file(*options_.output_file);
    if (!file) {
      say(file.error());
      return false;
    }
    file_ = std::move(*file);
    sink_ = std::make_unique<output::StreamSink>(*file_);
    return true;
  }
  sink_ = std::make_unique<output::StreamSink>(std::cerr);
  return true;
}

void Run::drain_loop() {
  while (!stop_drain_.load(std::memory_order_relaxed)) {
    if (queue_.full()) {  // the decoder is behind: let the rings absorb (and count) the rest
      std::this_thread::sleep_for(std::chrono::milliseconds(kPollMs));
      continue;
    }
    ingest::Batch batch = queue_.take_spare();
    if (!reader_->poll(kPollMs, batch)) {
      say("reading the ring buffers failed");
      return;
    }
    if (reader_->saw_exit()) queue_.nudge();  // the command ended: the control loop looks now
    if (batch.records)
      queue_.push(std::move(batch));
    else
      queue_.give_back(std::move(batch));  // a timeout with nothing read: keep its memory
    rings_read_ns_.store(reader_->read_started_ns(), std::memory_order_release);
  }
}

// Moves queued records through the merge into the decoder and the writer.
void Run::pump(bool final) {
  auto add = [&](ingest::Batch&& b) { merger_.add(std::move(b)); };
  queue_.pop_all(final ? 0ms : 5ms, add);
  // Every batch pushed before the drain thread published `read` is in the merge after this.
  const uint64_t read = rings_read_ns_.load(std::memory_order_acquire);
  queue_.pop_all(0ms, add);
  auto feed = [&](std::span<const uint8_t> record) { decoder_.feed(record, *handler_); };
  if (final)
    merger_.release_all(feed);
  else
    merger_.release(std::min(now_ns(CLOCK_MONOTONIC), read) - std::min(read, kHoldBackNs), feed);
  merger_.recycle([&](ingest::Batch&& b) { queue_.give_back(std::move(b)); });
  sink_->flush();
}

void Run::report_lost(bool final) {
  uint64_t lost = lost_lines(probe_->lost_by_kind()) + probe_->missed_runs();
  if (lost > reported_lost_) {
    // In a -o file the gap is marked where it was noticed, as stderr shows it on a terminal.
    // Not in -ff files (a loss belongs to no one task), and -c writes only the summary.
    if (file_ && options_.summary.mode != summary::Mode::Only)
      sink_->write(0, fmt::format("--- lost {} events ---\n", lost - reported_lost_));
    sink_->flush();
    say(fmt::format("{} events lost", lost - reported_lost_));
    reported_lost_ = lost;
  }
  if (final && lost) say(fmt::format("{} events lost in total", lost));
  uint64_t malformed = merger_.malformed() + decoder_.malformed();
  if (final && malformed) say(fmt::format("{} malformed records dropped", malformed));
}

// A trace that could not be written is reported once, as strace reports it: "FILE: error".
void Run::check_output() {
  if (output_failed_ || !sink_->error()) return;
  output_failed_ = true;
  say(fmt::format("{}: {}", options_.output_file.value_or("stderr"), strerror(sink_->error())));
}

// The command's status, made non-zero when the trace is incomplete: its output could not be
// written, or (--fail-on-loss) events were lost.
int Run::final_status(int status) const {
  const bool incomplete = output_failed_ || (options_.fail_on_loss && reported_lost_ > 0);
  return incomplete && status == 0 ? 1 : status;
}

int Run::go() {
  bool launching = !options_.command.empty();

  // Fail fast on what the user can fix, before loading anything.
  std::string path;
  std::vector<std::pair<int, std::vector<uint32_t>>> attach;
  if (launching) {
    auto resolved = launch::resolve_command(options_.command[0]);
    if (!resolved) {
      say(resolved.error());
      return 1;
    }
    path = *resolved;
  }
  for (int pid : options_.pids) {
    auto tids = launch::threads_of(pid);
    if (!tids) {
      say(tids.error());
      return 1;
    }
    attach.emplace_back(pid, std::move(*tids));
  }
  if (!open_output()) return 1;

  // Production filters: what --cgroup/--container name, resolved now so a typo fails fast.
  probe::Config config = probe_config(options_);
  std::vector<std::string> identity_targets;
  if (options_.by_identity()) {
    const char* option = options_.all                   ? "--all"
                         : !options_.cgroups.empty()    ? "--cgroup"
                         : !options_.containers.empty() ? "--container"
                         : !options_.comms.empty()      ? "--comm"
                                                        : "--uid";
    if (auto denied = launch::may_trace_everyone(option); !denied.message.empty()) {
      say(denied.message);
      return 1;
    }
    config.match_identity = true;
    config.comms = options_.comms;
    config.uid = options_.uid;
    std::vector<launch::CgroupTarget> targets;
    for (const auto& path : options_.cgroups) {
      auto target = launch::resolve_cgroup(path);
      if (!target) {
        say(target.error());
        return 1;
      }
      targets.push_back(*target);
    }
    for (const auto& id : options_.containers) {
      auto target = launch::resolve_container(id, launch::cgroup2_mounts());
      if (!target) {
        say(target.error());
        return 1;
      }
      targets.push_back(*target);
    }
    for (const auto& t : targets) {
      config.cgroups.push_back({t.id, t.level});
      identity_targets.push_back("cgroup " + t.path);
    }
    if (targets.empty()) identity_targets.emplace_back("all processes");
  }

  auto started = probe::Probe::start(config);
  if (!started) {
    say(started.error());
    return 1;
  }
  probe_ = std::move(*started);
  for (const auto& notice : probe_->notices()) say(notice);

  format::Style style;
  style.string_limit = options_.string_limit;
  style.hex = options_.hex;
  style.verbose = options_.verbose;
  style.decode_fds = options_.decode_fds;
  if (options_.decode_fds) style.fds = &fds_;
  style.xlat = options_.xlat;
  if (options_.decode_pids_comm) {
    style.pids = &comms_;
    decoder_.set_comms(&comms_);
  }
  output::LineOptions lines;
  lines.time = options_.time;
  lines.show_duration = options_.show_duration;
  // strace's rule: into a file, "%-5d " on every line when following forks or when more
  // than one task is traced from the start; into -ff files, never.
  size_t initial_tasks = launching ? 1 : 0;
  for (const auto& [pid, tids] : attach) initial_tasks += tids.size();
  lines.pid_prefix_always =
      options_.output_file && options_.follow < 2 && (options_.follow == 1 || initial_tasks > 1);
  lines.to_terminal_stream = !options_.output_file;
  // With an outcome filter a started call may turn out to be filtered: print whole lines.
  // -P decides when a call ends, too.
  lines.whole_lines =
      (options_.status & cli::kStatusAll) != cli::kStatusAll || !options_.trace_paths.empty();
  lines.syscall_numbers = options_.syscall_numbers;
  lines.personality_notices = options_.personality_notices.value_or(true);  // cli::parse decided
  if (options_.decode_pids_comm) lines.comms = &comms_;
  const cli::Options& o = options_;
  if (!o.signals.invert || !o.signals.items.empty())
    lines.show_signal = [&o](int sig) { return o.signals.contains(sig); };
  if (!o.read_fds.none()) lines.dump_read = [&o](int fd) { return o.read_fds.contains(fd); };
  if (!o.write_fds.none()) lines.dump_write = [&o](int fd) { return o.write_fds.contains(fd); };
  // --pidns: the container's view of each pid, on every line.
  if (options_.pidns) {
    lines.pidns = &pidns_;
    lines.terminal_prefix_always = !options_.output_file;
    lines.pid_prefix_always = options_.output_file && options_.follow < 2;
  }
  // Tasks chosen by identity come and go: every line says whose it is.
  if (options_.by_identity()) {
    lines.pid_prefix_always = options_.output_file && options_.follow < 2;
    lines.terminal_prefix_always = !options_.output_file;
  }
  lines.realtime_offset_ns =
      static_cast<int64_t>(now_ns(CLOCK_REALTIME)) - static_cast<int64_t>(now_ns(CLOCK_MONOTONIC));
  writer_ = std::make_unique<output::TraceWriter>(format::CallFormatter(style), lines, *sink_);
  handler_ = writer_.get();
  if (!options_.trace_paths.empty()) {
    path_filter_ = std::make_unique<output::PathFilter>(options_.trace_paths, fds_, *handler_);
    handler_ = path_filter_.get();
  }
  if (tracks_fds(options_)) {
    fd_tracking_ = std::make_unique<decode::FdTracking>(fds_, *handler_);
    handler_ = fd_tracking_.get();
  }

  install_signal_handlers();
  interval_start_ns_ = now_ns(CLOCK_MONOTONIC);

  std::optional<launch::GatedChild> child;
  int exec_error = 0;
  if (launching) {
    auto spawned = launch::GatedChild::spawn(path, options_.command);
    if (!spawned) {
      say(spawned.error());
      return 1;
    }
    child.emplace(std::move(*spawned));
  }
  // Mapping the rings costs ~1 ms each (every page, twice): it overlaps the command's exec.
  // After the fork, which would otherwise wait for the mappings (and copy them). Records
  // wait in the rings meanwhile; nothing reads them before the drain thread starts.
  auto reader_opened = std::async(
      std::launch::async, [fds = probe_->ring_fds()] { return ingest::RingReader::open(fds); });
  if (child) {
    if (auto comm = decode::read_proc_comm(child->pid())) comms_.set(child->pid(), *comm);
    if (tracks_fds(options_)) {
      // What the command starts with is what estrace has: its cwd, its inherited fds.
      std::error_code ec;
      fds_.set_cwd(child->pid(), std::filesystem::current_path(ec).native());
      for (int fd : launch::inherited_fds()) {
        auto target = std::filesystem::read_symlink("/proc/self/fd/" + std::to_string(fd), ec);
        if (!ec) fds_.set(child->pid(), fd, target.native());
      }
    }
    probe_->trace_task(child->pid(), probe::kTraced | probe::kArmedUntilExec);
    writer_->add_task(child->pid());
    exec_error = child->open();
  }
  auto reader = reader_opened.get();
  if (!reader) {
    say(reader.error());
    if (child) kill(child->pid(), SIGKILL);  // it would run untraced
    return 1;
  }
  reader_ = std::move(*reader);
  // The command's end wakes the drain thread, which wakes this one: noticed as it happens.
  if (child) reader_->watch_exit(child->pid());
  std::thread drain([this] { drain_loop(); });
  for (auto& [pid, tids] : attach) {
    for (uint32_t tid : tids) {
      probe_->trace_task(tid, probe::kTraced | probe::kAttached);
      writer_->add_task(tid);
      if (auto comm = decode::read_proc_comm(static_cast<int>(tid))) comms_.set(tid, *comm);
    }
    if (!options_.quiet) {
      say(tids.size() > 1 ? fmt::format("Process {} attached with {} threads", pid, tids.size())
                          : fmt::format("Process {} attached", pid));
    }
    // Calls already in progress are shown at once, as strace shows them at attach; -c
    // writes nothing but the summary.
    for (uint32_t tid : tids) {
      if (options_.summary.mode == summary::Mode::Only) break;
      if (auto call = launch::call_in_progress(pid, tid)) {
        if (call->nr < ES_MAX_SYSCALLS) {
          uint32_t nr = call->i386 ? syscalls::compat_key(call->nr) : call->nr;
          decoder_.in_progress(tid, pid, nr, call->args, now_ns(CLOCK_MONOTONIC), *handler_);
        }
      }
    }
    sink_->flush();
  }

  if (!options_.quiet) {
    std::string filters;
    if (!options_.comms.empty()) {
      for (const auto& c : options_.comms) filters += (filters.empty() ? " named " : " or ") + c;
    }
    if (options_.uid) filters += fmt::format(" of uid {}", *options_.uid);
    for (const auto& target : identity_targets)
      say(fmt::format("Attached to {}{}", target, filters));
  }

  int status = 0;
  bool reaped = !child;
  // A signal to estrace ends the run (detaching); `detaching` also when the command's end
  // leaves -p processes behind.
  bool detaching = false;
  int stop_signal = 0;  // the signal that asked estrace to stop, while the command may end
  uint64_t give_up_ns = 0;
  // Loss counters cost a bpf() call per program; under load the loop turns once per batch,
  // so they are read at most every kCheckNs. The end of the run is still noticed at once.
  uint64_t next_check_ns = 0;
  CpuKick spread(kKickNs);  // the decoder's cost on every busy CPU in turn, not one
  uint64_t lines_before = 0;
  while (true) {
    pump(false);
    if (writer_->calls_written() != lines_before) {  // only while there is work to spread
      lines_before = writer_->calls_written();
      spread.tick(now_ns(CLOCK_MONOTONIC));
    }
    if (int sig = take_signal()) {
      if (reaped || stop_signal) {  // nothing to wait for, or asked twice: stop now
        detaching = true;
        stop_signal = stop_signal ? stop_signal : sig;
        break;
      }
      // The terminal's SIGINT/SIGQUIT reach the command by themselves; others are passed
      // on. The command's end (and its last lines) is awaited for a moment, then estrace
      // detaches whether or not the command is gone.
      if (sig == SIGTERM || sig == SIGHUP) kill(child->pid(), sig);
      stop_signal = sig;
      give_up_ns = now_ns(CLOCK_MONOTONIC) + kStopGraceNs;
    }
    if (const uint64_t now = now_ns(CLOCK_MONOTONIC); now >= next_check_ns) {
      next_check_ns = now + kCheckNs;
      report_lost(false);
      maybe_print_interval(false);
      check_output();
    }
    if (child && !reaped) {
      int st;
      if (waitpid(child->pid(), &st, WNOHANG) == child->pid()) {
        reaped = true;
        status = st;
      }
    }
    // The command's end ends the run, detaching from the -p processes (and from its own
    // followed children when estrace was asked to stop).
    if (child && reaped && (!attach.empty() || stop_signal)) {
      detaching = true;
      break;
    }
    if (stop_signal && now_ns(CLOCK_MONOTONIC) >= give_up_ns) {
      detaching = true;
      break;
    }
    // Tasks chosen by identity may appear at any time: only a signal ends that run.
    if (reaped && !probe_->any_traced() && (!options_.by_identity() || child)) break;
  }

  // Everything the kernel wrote before the traced set emptied is in the rings now.
  stop_drain_ = true;
  reader_->wake();
  drain.join();
  for (;;) {  // batches are capped: drain until the rings are empty
    ingest::Batch rest;
    reader_->drain(rest);
    if (!rest.records) break;
    queue_.push(std::move(rest));
    pump(false);
  }
  pump(true);
  if (options_.status & (detaching ? cli::kStatusDetached : cli::kStatusUnfinished))
    writer_->finish_partials(detaching ? " <detached ...>" : " <unfinished ...>");
  sink_->flush();
  report_lost(true);
  if (options_.summary.enabled()) print_summary(read_summary(), {});
  check_output();
  if (!options_.quiet) {
    for (auto& [pid, tids] : attach) say(fmt::format("Process {} detached", pid));
    for (const auto& target : identity_targets) say("Detached from " + target);
  }
  if (exec_error) {
    say(std::string("exec: ") + strerror(exec_error));
    return 1;
  }
  // A command estrace stopped waiting for: 128 + the signal, as strace dies of it.
  if (child && !reaped) return final_status(128 + stop_signal);
  return final_status(child ? exit_status_of(status) : 0);
}

}  // namespace

int run(const cli::Options& options) {
  Run run(options);
  return run.go();
}

}  // namespace estrace::app
