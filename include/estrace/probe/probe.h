// probe: the BPF side as one RAII object: open the skeleton, set rodata, size and fill maps
// (capture specs, traced tasks), load, attach. Destroying it detaches everything; nothing is
// pinned, so if estrace dies (even by SIGKILL) the kernel drops programs and links with it.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "estrace/abi/capture_spec.h"
#include "estrace/util/result.h"

namespace estrace::probe {

struct Config {
  bool follow_forks = false;
  uint32_t string_limit = 32;
  uint64_t ring_bytes_per_cpu = 8u << 20;
  std::vector<es_syscall_spec> specs;  // indexed by syscall number, at most ES_MAX_SYSCALLS
};

// Task states in the `traced` map (mirror bpf/maps.bpf.h).
enum TaskState : uint32_t {
  kTraced = 1u << 0,
  kArmedUntilExec = 1u << 1,  // a launched command: traced from its execve
  kAttached = 1u << 2,        // attached mid-flight: its first exit may lack an enter
};

class Probe {
 public:
  // Checks privileges and BTF, loads and attaches. Errors are one line for the user.
  static Result<std::unique_ptr<Probe>> start(const Config& config);
  ~Probe();
  Probe(const Probe&) = delete;
  Probe& operator=(const Probe&) = delete;

  // Adds a task (thread id) to the traced set. Returns false if the map is full.
  bool trace_task(uint32_t tid, uint32_t state);
  // True while any task is in the traced set (tasks leave it as they exit).
  bool any_traced() const;
  // File descriptors of the per-CPU rings, for ingest.
  const std::vector<int>& ring_fds() const { return ring_fds_; }
  // Records that could not be written to a ring, per es_record_kind, summed over CPUs.
  std::vector<uint64_t> lost_by_kind() const;
  // Program runs the kernel skipped (recursion on one CPU): also events not seen.
  uint64_t missed_runs() const;

 private:
  struct Impl;
  explicit Probe(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::vector<int> ring_fds_;
};

}  // namespace estrace::probe
