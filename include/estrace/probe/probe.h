// probe: the BPF side as one RAII object: open the skeleton, set rodata, size and fill maps
// (capture specs, traced tasks), load, attach. Destroying it detaches everything; nothing is
// pinned, so if estrace dies (even by SIGKILL) the kernel drops programs and links with it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "estrace/abi/capture_spec.h"
#include "estrace/abi/summary.h"
#include "estrace/abi/task.h"
#include "estrace/util/result.h"

namespace estrace::probe {

struct Config {
  bool follow_forks = false;
  uint32_t string_limit = 32;
  uint64_t ring_bytes_per_cpu = 8u << 20;
  std::vector<es_syscall_spec> specs;  // by x86_64 number, then ia32 key: at most ES_SPEC_ROWS
  bool aggregate = false;  // keep per-syscall statistics in the kernel (-c, --latency...)
  // Stamp each call's start (-t/-T/-r, -Y, summaries, -yy need it). Without, a call's
  // start is its end's time: lines are ordered by it and nothing shows it.
  bool stamp_enter = true;
  // Production filters: tasks not chosen by pid are matched by identity (all must hold).
  struct Cgroup {
    uint64_t id = 0;     // cgroup v2 id (the directory's inode number)
    uint32_t level = 0;  // depth below the v2 root
  };
  bool match_identity = false;     // --all, --cgroup, --comm, --uid
  std::vector<Cgroup> cgroups;     // at most 8
  std::vector<std::string> comms;  // at most 4 globs, each under 16 bytes
  std::optional<uint32_t> uid;
  bool emit_calls = true;         // send a record per call (false: summary only)
  uint32_t status_mask = 0xff;    // outcomes sent: successful 1, failed 2, unfinished 4
  bool describe_sockets = false;  // -yy: socket addresses captured with the calls
  uint32_t optional_off = 0;      // enum es_optional_capture parts left out
};

// How a task is traced (include/estrace/abi/task.h).
enum TaskState : uint32_t {
  kTraced = ES_TASK_TRACED,
  kArmedUntilExec = ES_TASK_ARMED,  // a launched command: traced from its execve
  kAttached = ES_TASK_ATTACHED,     // attached mid-flight: its first exit may lack an enter
};

// Sends libbpf's messages to spdlog (debug level) and to kernel_support's LoadReport.
void route_libbpf_messages();

class Probe {
 public:
  // Checks privileges and BTF, loads and attaches. Errors are one line for the user: what
  // the kernel lacks, or which program its verifier refused and why. When the verifier
  // refuses an optional capture part (kernel_support.h), loads without it and says so in
  // notices(). ESTRACE_CAPTURE_OFF=mmsg,... leaves parts out on purpose.
  static Result<std::unique_ptr<Probe>> start(const Config& config);
  // One line each (without "estrace: ") for the user: what this load left out.
  const std::vector<std::string>& notices() const { return notices_; }
  ~Probe();
  Probe(const Probe&) = delete;
  Probe& operator=(const Probe&) = delete;

  // Marks a task (thread id) traced: its task storage, and the liveness registry. Returns
  // false if the task is gone.
  bool trace_task(uint32_t tid, uint32_t state);
  // True while any task is in the traced set (tasks leave it as they exit).
  bool any_traced() const;
  // File descriptors of the per-CPU rings, for ingest.
  const std::vector<int>& ring_fds() const { return ring_fds_; }
  // Records that could not be written to a ring, per es_record_kind, summed over CPUs.
  std::vector<uint64_t> lost_by_kind() const;
  // Program runs the kernel skipped (recursion on one CPU): also events not seen.
  uint64_t missed_runs() const;
  // Summary modes: statistics per syscall number (index), summed over CPUs.
  std::vector<es_syscall_stats> read_stats(const std::vector<uint32_t>& nrs) const;
  // Summary modes: failures per (syscall, errno), summed over CPUs.
  std::vector<std::pair<es_errno_key, uint64_t>> read_errno_counts() const;

 private:
  struct Impl;
  explicit Probe(std::unique_ptr<Impl> impl);
  static Result<std::unique_ptr<Probe>> start_once(const Config& config);
  std::unique_ptr<Impl> impl_;
  std::vector<int> ring_fds_;
  std::vector<std::string> notices_;
};

}  // namespace estrace::probe
