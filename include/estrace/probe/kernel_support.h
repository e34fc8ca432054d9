// kernel_support: what estrace needs of the kernel, and the one-line answers when a kernel
// falls short (a missing feature, or a program the verifier refused).
//
// Why here and not at every start: probing each feature loads small programs (milliseconds).
// estrace loads its own programs first and asks these questions only when that fails, so a
// supported kernel pays nothing and an unsupported one gets a reason instead of "Permission
// denied".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace estrace::probe {

// What the running kernel offers, as probed (or as a test states it).
struct KernelFacts {
  std::string release;  // uname -r
  bool btf = false;     // /sys/kernel/btf/vmlinux (CONFIG_DEBUG_INFO_BTF)
  bool ringbuf = false;
  bool task_storage = false;
  bool bpf_loop = false;
  bool tp_btf = false;  // BTF-typed raw tracepoints (BPF_PROG_TYPE_TRACING)
};

// One thing estrace needs, and the Linux version that brought it.
struct Requirement {
  const char* name;
  const char* since;
  bool KernelFacts::*present;
};

// Everything estrace needs, oldest first. The newest `since` is the minimum kernel.
const std::vector<Requirement>& requirements();
// "5.17": the minimum kernel, from requirements().
std::string minimum_kernel();

// The facts of the running kernel (loads a few tiny programs).
KernelFacts probe_running_kernel();

// "" when nothing is missing; else one line naming what is:
// "this kernel (5.10.0) lacks bpf_loop (Linux 5.17+); estrace needs Linux 5.17 or newer".
std::string missing_features(const KernelFacts& facts);

// A program the verifier refused, from libbpf's report of the load.
struct Rejection {
  std::string program;  // "sys_exit"
  std::string reason;   // the verifier's last line that says why
};

// The verifier's reason in its log: the last line that is not an instruction, a state dump,
// a source line or a statistic. "" when there is none.
std::string verifier_reason(std::string_view log);

// Collects what libbpf reports while programs load (libbpf_to_spdlog feeds it every line;
// loads run on two threads). Only the rejections are kept.
class LoadReport {
 public:
  // Begins collecting into `report` (nullptr: stop). One load at a time.
  static void collect_into(LoadReport* report);
  // A message libbpf printed (any level).
  static void note(std::string_view text);

  std::vector<Rejection> rejections() const;

 private:
  void add(std::string_view text);
  std::vector<Rejection> rejections_;
};

// The user's line for a load that failed although no feature is missing.
std::string rejection_message(const std::vector<Rejection>& rejections, const std::string& release);

// The optional capture parts (enum es_optional_capture) by the names ESTRACE_CAPTURE_OFF
// takes, and what a user loses without each.
struct OptionalCapture {
  uint32_t bit;
  const char* name;  // "mmsg"
  const char* lost;  // "sendmmsg/recvmmsg message contents are not decoded"
};
const std::vector<OptionalCapture>& optional_captures();
// ESTRACE_CAPTURE_OFF's value ("mmsg,sockets") as bits; an unknown name is an error.
bool parse_capture_off(std::string_view names, uint32_t& bits, std::string& error);

}  // namespace estrace::probe
