// output: strace's line assembly. See include/estrace/output/trace_writer.h.
#include "estrace/output/trace_writer.h"

#include <algorithm>
#include <cstring>
#include <iterator>
#include <utility>
#include <vector>

#include "estrace/format/io_dump.h"
#include "estrace/format/printers.h"
#include "estrace/format/xlat.h"
#include "estrace/syscalls/compat.h"

namespace estrace::output {
TraceWriter::TraceWriter(format::CallFormatter formatter, LineOptions options, Sink& sink)
    : formatter_(formatter), options_(std::move(options)), sink_(sink) {}

// "1234 " (-f into a file) or "[pid  1234] " (several tasks on the terminal); under -Y
// strace's "1234<bash> " and "[pid  1234<bash>] ".
void TraceWriter::pid_prefix(uint32_t tid, uint64_t mono_ns) {
  auto out = std::back_inserter(buf_);
  const bool file = options_.pid_prefix_always;
  if (!file &&
      !(options_.to_terminal_stream && (live_.size() > 1 || options_.terminal_prefix_always)))
    return;
  std::optional<std::string> comm;
  if (options_.comms) comm = options_.comms->comm(static_cast<int>(tid), mono_ns, true);
  // --pidns: the pid the task sees for itself, when it lives in another pid namespace.
  std::string ns;
  if (options_.pidns)
    if (auto inner = options_.pidns->inner(tid)) ns = fmt::format(" (ns {})", *inner);
  if (file && comm) {
    fmt::format_to(out, "{}", tid);
    format::print_in_brackets(buf_, *comm, formatter_.style().hex);  // -Y, as strace escapes it
    fmt::format_to(out, "{} ", ns);
  } else if (file && ns.empty()) {  // "%-5d ", on every line of a -f trace: no format parsing
    fmt::format_int digits(tid);
    char field[16];  // the number, then spaces to 5 columns, then one more (u32: 10 digits)
    std::memset(field, ' ', sizeof field);
    std::memcpy(field, digits.data(), digits.size());
    format::put(buf_, std::string_view(field, std::max<size_t>(digits.size(), 5) + 1));
  } else if (file)
    fmt::format_to(out, "{}{} ", tid, ns);
  else if (comm) {
    fmt::format_to(out, "[pid {:>5}", tid);
    format::print_in_brackets(buf_, *comm, formatter_.style().hex);
    fmt::format_to(out, "{}] ", ns);
  } else
    fmt::format_to(out, "[pid {:>5}{}] ", tid, ns);
}

// -n: a signal or exit line shows the task's last call number (kept only with -n: a hash
// update per line otherwise).
void TraceWriter::remember_nr(const model::Call& call) {
  if (options_.syscall_numbers) last_nr_[call.tid] = syscalls::arch_number(call.nr);
}

void TraceWriter::prefix(uint32_t tid, uint64_t mono_ns) {
  buf_.clear();
  carried_col_ = 0;
  if (!sink_.per_task()) pid_prefix(tid, mono_ns);
  if (options_.time != format::TimeMode::None)
    format::format_timestamp(
        options_.time,
        static_cast<uint64_t>(static_cast<int64_t>(mono_ns) + options_.realtime_offset_ns), buf_);
  // -n: the call's number; signal and exit lines show the task's last one, as strace does.
  if (options_.syscall_numbers) {
    auto last = last_nr_.find(tid);
    fmt::format_to(std::back_inserter(buf_), "[{:>4}] ", last != last_nr_.end() ? last->second : 0);
  }
}

void TraceWriter::dump_io(const model::Call& call) {
  if (!options_.dump_read && !options_.dump_write) return;
  buf_.clear();
  format::format_io_dump(call, options_.dump_read, options_.dump_write, buf_);
  if (buf_.size()) sink_.write(call.tid, std::string_view(buf_.data(), buf_.size()));
  buf_.clear();
}

void TraceWriter::end_line(uint32_t tid) {
  format::put(buf_, '\n');
  sink_.write(tid, std::string_view(buf_.data(), buf_.size()));
  buf_.clear();
  carried_col_ = 0;
}

// Another task is about to print: a line left open by a call in progress is closed the way
// strace closes it, to be continued later by "<... NAME resumed>".
void TraceWriter::interrupt_others(uint32_t tid) {
  if (sink_.per_task() || partial_.empty()) return;
  std::vector<uint32_t> closed;
  for (const auto& [owner, col] : partial_)
    if (owner != tid) closed.push_back(owner);
  for (uint32_t owner : closed) {
    sink_.write(owner, " <unfinished ...>\n");
    partial_.erase(owner);
  }
}

void TraceWriter::finish_partials(std::string_view suffix) {
  for (const auto& [owner, col] : partial_) {
    std::string text(suffix);
    text += '\n';
    sink_.write(owner, text);
  }
  partial_.clear();
}

// A task whose calls change personality (a 32-bit program exec'd, int $0x80 in a 64-bit one)
// gets strace's notice before the first call in the new mode. Every task starts in 64-bit mode
// and a child in its parent's. strace sees every call; estrace only those -e trace= keeps, so
// the notice comes before the first traced call in the new mode.
void TraceWriter::note_personality(const model::Call& call) {
  if (!options_.personality_notices) return;
  if (!call.compat && compat_.empty()) return;  // no 32-bit task yet: every task is 64-bit
  bool& compat = compat_[call.tid];
  if (compat == call.compat) return;
  compat = call.compat;
  prefix(call.tid, call.enter_ns);  // with -n, the number of the task's previous call
  fmt::format_to(std::back_inserter(buf_), "[ Process PID={} runs in {} bit mode. ]", call.tid,
                 call.compat ? 32 : 64);
  end_line(call.tid);
}

void TraceWriter::on_call_start(const model::Call& call, bool in_progress) {
  if (options_.whole_lines) return;  // its end decides whether it is shown at all
  interrupt_others(call.tid);
  if (partial_.count(call.tid)) {  // its previous call's end was lost
    sink_.write(call.tid, " <unfinished ...>\n");
    partial_.erase(call.tid);
  }
  note_personality(call);
  remember_nr(call);
  prefix(call.tid, call.enter_ns);
  formatter_.enter_part(call, buf_);
  if (in_progress) {
    format::put(buf_, " <unfinished ...>");
    end_line(call.tid);
    return;
  }
  // Left open, as strace leaves it: the end usually follows and completes the line.
  partial_[call.tid] = column();
  sink_.write(call.tid, std::string_view(buf_.data(), buf_.size()));
  buf_.clear();
}

void TraceWriter::on_call_end(const model::Call& call, bool started) {
  // The maps looked up per call are empty in the common case: no lookup then.
  auto open = partial_.empty() ? partial_.end() : partial_.find(call.tid);
  if (started && open != partial_.end()) {
    buf_.clear();
    carried_col_ = open->second;
    partial_.erase(open);
  } else {
    interrupt_others(call.tid);
    if (open != partial_.end()) {
      sink_.write(call.tid, " <unfinished ...>\n");
      partial_.erase(open);
    }
    note_personality(call);  // a no-op when its start already showed the change
    remember_nr(call);
    if (started && !options_.whole_lines) {
      prefix(call.tid, call.exit_ns);
      fmt::format_to(std::back_inserter(buf_), "<... {} resumed>", formatter_.name(call));
    } else {
      prefix(call.tid, call.enter_ns);
      formatter_.enter_part(call, buf_);
    }
  }
  formatter_.exit_args(call, buf_);
  format::pad_return_column(column(), buf_);  // counting the prefix and a partial's columns
  formatter_.return_value(call, buf_);
  if (options_.show_duration && call.returned)
    format::format_duration(call.exit_ns - call.enter_ns, buf_);
  end_line(call.tid);
  dump_io(call);
  ++calls_written_;
}

void TraceWriter::on_signal(const model::Signal& signal) {
  if (options_.show_signal && !options_.show_signal(signal.sig)) return;
  interrupt_others(0);
  prefix(signal.tid, signal.ts_ns);
  format::format_signal(signal, buf_, &formatter_.style());
  end_line(signal.tid);
}

void TraceWriter::on_exit(const model::Exit& exit) {
  interrupt_others(0);
  prefix(exit.tid, exit.ts_ns);
  format::format_exit(exit, buf_);
  end_line(exit.tid);
  live_.erase(exit.tid);
  last_nr_.erase(exit.tid);
  compat_.erase(exit.tid);
  if (options_.pidns) options_.pidns->exit(exit.tid);
  sink_.task_done(exit.tid);
}

void TraceWriter::on_fork(uint32_t parent_tid, uint32_t child_tid, uint32_t) {
  live_.insert(child_tid);
  auto parent = compat_.find(parent_tid);
  if (parent != compat_.end()) compat_[child_tid] = parent->second;  // its parent's mode
}

void TraceWriter::on_exec(uint32_t tid, uint32_t old_tid) {
  if (old_tid != tid) {
    live_.erase(old_tid);
    live_.insert(tid);
    compat_.erase(old_tid);
  }
}

}  // namespace estrace::output
