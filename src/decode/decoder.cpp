// decode: record validation and enter/exit pairing. See include/estrace/decode/decoder.h.
#include "estrace/decode/decoder.h"

#include <cstring>

#include "estrace/abi/event.h"
#include "estrace/decode/pid_comms.h"
#include "estrace/syscalls/compat.h"

namespace estrace::decode {
namespace {

template <class T>
bool read_as(std::span<const uint8_t> bytes, T& out) {
  if (bytes.size() < sizeof(T)) return false;
  std::memcpy(&out, bytes.data(), sizeof(T));
  return true;
}

}  // namespace

bool Decoder::parse_call(std::span<const uint8_t> record, Call& call) {
  es_syscall_record rec;
  if (!read_as(record, rec) || rec.h.size != record.size()) return false;
  call.tid = rec.h.tid;
  call.tgid = rec.h.tgid;
  call.enter_ns = rec.enter_ts ? rec.enter_ts : rec.h.ts;
  call.exit_ns = rec.h.ts;
  call.nr = rec.nr;
  call.compat = rec.flags & ES_SYSF_COMPAT;
  std::memcpy(call.args.data(), rec.args, sizeof rec.args);
  call.ret = rec.ret;
  call.returned = !(rec.flags & ES_SYSF_NO_RETURN);
  call.hidden = rec.flags & ES_SYSF_HIDDEN;

  size_t off = sizeof(es_syscall_record);
  for (unsigned i = 0; i < rec.ncaptures; ++i) {
    es_capture cap;
    if (!read_as(record.subspan(std::min(off, record.size())), cap)) return false;
    size_t data_at = off + sizeof cap;
    if (data_at + cap.len > record.size() || cap.arg > ES_ARG_SOCKETS) return false;
    if (call.ncaptures < kMaxCallCaptures) {
      call.captures[call.ncaptures++] = CaptureView{
          cap.arg, cap.kind, cap.result,
          std::string_view(reinterpret_cast<const char*>(record.data() + data_at), cap.len)};
    }
    off = data_at + ((cap.len + 7u) & ~size_t{7});
  }
  if (call.compat) to_compat_layout(call);
  return true;
}

namespace {

// socketcall(SYS_X, args) becomes the call SYS_X with the arguments the BPF side copied from
// args[], as strace shows it. What those arguments point at was not copied: addresses.
void unmultiplex_socketcall(Call& call) {
  static const uint32_t socketcall = syscalls::compat_number_of("socketcall").value_or(0);
  if (call.nr != socketcall) return;
  const CaptureView* array = call.capture(1);
  auto target = syscalls::socketcall_target(call.args[0]);
  const syscalls::Signature* sig = target ? syscalls::signature(*target) : nullptr;
  const size_t nargs = sig ? sig->nargs : 0;
  if (!array || !sig || array->data.size() < sizeof(uint32_t) * nargs) return;
  call.nr = *target;
  call.args = {};
  for (size_t i = 0; i < nargs; ++i) {
    uint32_t word;
    std::memcpy(&word, array->data.data() + sizeof word * i, sizeof word);
    call.args[i] = word;
  }
  for (int i = 0; i < call.ncaptures; ++i)  // the array is no argument of the call shown
    if (call.captures[i].arg < ES_ARG_RESULT) call.captures[i].arg = ES_ARG_RESULT + 1;
}

}  // namespace

// An ia32 call as its signature row lays it out: keyed in the ia32 rows, split 64-bit values
// joined, signed 32-bit values extended, and captures renamed from registers to arguments.
void Decoder::to_compat_layout(Call& call) {
  if (!syscalls::is_compat_key(call.nr)) call.nr = syscalls::compat_key(call.nr);
  unmultiplex_socketcall(call);
  syscalls::widen_compat_args(call.nr, call.args);
  for (int i = 0; i < call.ncaptures; ++i) {
    CaptureView& cap = call.captures[i];
    if (cap.arg >= ES_ARG_RESULT) continue;
    int printed = syscalls::compat_printed_index(call.nr, cap.arg);
    cap.arg = printed < 0 ? uint8_t{ES_ARG_RESULT + 1} : static_cast<uint8_t>(printed);
  }
}

void Decoder::end_call(std::span<const uint8_t> record, Handler& handler) {
  Call call;
  if (!parse_call(record, call)) {
    ++malformed_;
    return;
  }
  auto it = started_.empty() ? started_.end() : started_.find(call.tid);
  if (it == started_.end() || it->second.call.nr != call.nr) {
    if (it != started_.end()) started_.erase(it);  // its end was lost; this is a new call
    handler.on_call_end(call, false);
    flush_deferred(call.tid, handler);
    return;
  }
  // Merge: what the enter captured (execve's argv) plus what the exit captured; an
  // argument captured at both uses the exit's copy (the call has used it by then).
  const Call& start = it->second.call;
  Call merged = call;
  merged.enter_ns = start.enter_ns;
  for (int i = 0; i < start.ncaptures && merged.ncaptures < kMaxCallCaptures; ++i) {
    merged.captures[merged.ncaptures] = start.captures[i];
    merged.captures[merged.ncaptures++].at_enter = true;
  }
  handler.on_call_end(merged, true);
  started_.erase(it);
  flush_deferred(call.tid, handler);
}

void Decoder::flush_deferred(uint32_t tid, Handler& handler) {
  if (deferred_.empty()) return;
  auto it = deferred_.find(tid);
  if (it == deferred_.end()) return;
  auto signals = std::move(it->second);
  deferred_.erase(it);
  for (const auto& sig : signals) handler.on_signal(sig);
}

void Decoder::feed(std::span<const uint8_t> record, Handler& handler) {
  es_header h;
  if (!read_as(record, h) || h.size != record.size()) {
    ++malformed_;
    return;
  }
  switch (h.kind) {
    case ES_REC_ENTER: {
      Started started{std::vector<uint8_t>(record.begin(), record.end()), Call{}};
      if (!parse_call(started.bytes, started.call)) {
        ++malformed_;
        return;
      }
      auto& slot = started_[h.tid];
      slot = std::move(started);
      handler.on_call_start(slot.call, false);
      return;
    }
    case ES_REC_SYSCALL:
      end_call(record, handler);
      return;
    case ES_REC_FORK: {
      es_fork_record rec;
      if (!read_as(record, rec)) break;
      if (comms_) comms_->fork(rec.h.tid, rec.child_tid);
      handler.on_fork(rec.h.tid, rec.child_tid, rec.child_tgid);
      return;
    }
    case ES_REC_EXEC: {
      es_exec_record rec;
      if (!read_as(record, rec)) break;
      if (rec.old_tid != rec.h.tid) {
        auto it = started_.find(rec.old_tid);
        if (it != started_.end()) {
          // The exec'ing thread's call continues under the leader's pid.
          auto node = started_.extract(it);
          node.key() = rec.h.tid;
          node.mapped().call.tid = rec.h.tid;
          started_.insert(std::move(node));
        }
      }
      if (comms_)
        comms_->exec(rec.h.tid, rec.old_tid, std::string_view(rec.comm, sizeof rec.comm), rec.h.ts);
      handler.on_exec(rec.h.tid, rec.old_tid);
      return;
    }
    case ES_REC_EXIT: {
      es_exit_record rec;
      if (!read_as(record, rec)) break;
      started_.erase(rec.h.tid);
      flush_deferred(rec.h.tid, handler);  // a fatal signal's line precedes "+++ killed"
      handler.on_exit(Exit{rec.h.tid, rec.h.tgid, rec.h.ts, rec.exit_code});
      if (comms_) comms_->exit(rec.h.tid);  // after its "+++ exited" line, which names it
      return;
    }
    case ES_REC_SIGNAL: {
      es_signal_record rec;
      if (!read_as(record, rec)) break;
      Signal sig;
      sig.tid = rec.h.tid;
      sig.tgid = rec.h.tgid;
      sig.ts_ns = rec.h.ts;
      sig.sig = rec.sig;
      std::memcpy(sig.siginfo.data(), rec.siginfo, sizeof rec.siginfo);
      if (rec.ignored == ES_SIG_AFTER_CALL) {
        deferred_[rec.h.tid].push_back(sig);  // shown once the call it interrupted returns
        return;
      }
      handler.on_signal(sig);
      return;
    }
    default:
      break;
  }
  ++malformed_;
}

void Decoder::in_progress(uint32_t tid, uint32_t tgid, uint32_t nr,
                          const std::array<uint64_t, 6>& args, uint64_t ts_ns, Handler& handler) {
  Started started;
  started.call.tid = tid;
  started.call.tgid = tgid;
  started.call.nr = nr;
  started.call.args = args;
  started.call.enter_ns = ts_ns;
  started.call.compat = syscalls::is_compat_key(nr);
  if (started.call.compat) to_compat_layout(started.call);
  auto& slot = started_[tid];
  slot = std::move(started);
  handler.on_call_start(slot.call, true);
}

}  // namespace estrace::decode
