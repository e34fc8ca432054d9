// app: the control loop. See include/estrace/app/tracing_loop.h.
#include "estrace/app/tracing_loop.h"

#include <sys/wait.h>

#include <csignal>
#include <cstdint>
#include <ctime>

#include "estrace/app/cpu_kick.h"
#include "estrace/app/signals.h"
#include "estrace/util/clock.h"

namespace estrace::app {
namespace {

// How often the control loop reads loss counters and checks for the end of the run.
constexpr uint64_t kCheckNs = 5'000'000;
// After a signal to estrace, how long the command gets to end (a Ctrl-C reaches it too) so
// that its last lines and status are kept, before estrace detaches without it.
constexpr uint64_t kStopGraceNs = 500'000'000;
// How often the decoding thread is moved off its CPU (app/cpu_kick.h): a migration costs
// microseconds; moving every 5, 10 or 20 ms measured the same.
constexpr uint64_t kKickNs = 10'000'000;

class Loop {
 public:
  explicit Loop(const LoopParts& parts) : parts_(parts) { end_.reaped = parts.command == 0; }

  Ending run() {
    while (true) {
      parts_.flow.pump();
      spread_decoding();
      if (int sig = take_signal(); sig && stop_asked(sig)) break;
      if (const uint64_t now = now_ns(CLOCK_MONOTONIC); now >= next_check_ns_) {
        next_check_ns_ = now + kCheckNs;
        parts_.reports.lost();
        parts_.reports.interval();
        parts_.output.check();
      }
      reap();
      if (ended()) break;
    }
    return end_;
  }

 private:
  // The decoder's cost on every busy CPU in turn, not one; only while there is work to spread.
  void spread_decoding() {
    if (parts_.writer.calls_written() == lines_before_) return;
    lines_before_ = parts_.writer.calls_written();
    spread_.tick(now_ns(CLOCK_MONOTONIC));
  }

  // A signal to estrace ends the run, detaching. True to stop now: nothing to wait for, or
  // asked twice. Otherwise the command's end (and its last lines) is awaited for a moment.
  bool stop_asked(int sig) {
    if (end_.reaped || end_.stop_signal) {
      end_.detaching = true;
      end_.stop_signal = end_.stop_signal ? end_.stop_signal : sig;
      return true;
    }
    // The terminal's SIGINT/SIGQUIT reach the command by themselves; others are passed on.
    if (sig == SIGTERM || sig == SIGHUP) kill(parts_.command, sig);
    end_.stop_signal = sig;
    give_up_ns_ = now_ns(CLOCK_MONOTONIC) + kStopGraceNs;
    return false;
  }

  void reap() {
    if (end_.reaped) return;
    int st;
    if (waitpid(parts_.command, &st, WNOHANG) == parts_.command) {
      end_.reaped = true;
      end_.wait_status = st;
    }
  }

  bool ended() {
    const bool launched = parts_.command != 0;
    // The command's end ends the run, detaching from the -p processes (and from its own
    // followed children when estrace was asked to stop).
    if (launched && end_.reaped && (parts_.attached || end_.stop_signal)) {
      end_.detaching = true;
      return true;
    }
    if (end_.stop_signal && now_ns(CLOCK_MONOTONIC) >= give_up_ns_) {
      end_.detaching = true;
      return true;
    }
    // Tasks chosen by identity may appear at any time: only a signal ends that run.
    return end_.reaped && !parts_.probe.any_traced() && (!parts_.by_identity || launched);
  }

  const LoopParts& parts_;
  Ending end_;
  uint64_t give_up_ns_ = 0;
  // Loss counters cost a bpf() call per program; under load the loop turns once per batch,
  // so they are read at most every kCheckNs. The end of the run is still noticed at once.
  uint64_t next_check_ns_ = 0;
  CpuKick spread_{kKickNs};
  uint64_t lines_before_ = 0;
};

}  // namespace

Ending trace_until_end(const LoopParts& parts) { return Loop(parts).run(); }

}  // namespace estrace::app
