// kernel_support: see include/estrace/probe/kernel_support.h.
#include "estrace/probe/kernel_support.h"

#include <sys/utsname.h>
#include <unistd.h>

#include <mutex>
#include <regex>

#include <bpf/btf.h>
#include <bpf/libbpf.h>

#include "estrace/abi/capture_spec.h"

namespace estrace::probe {
namespace {

std::mutex report_mutex;
LoadReport* current_report = nullptr;  // guarded by report_mutex

bool btf_has_tracepoint(const char* typedef_name) {
  btf* vmlinux = btf__load_vmlinux_btf();
  if (!vmlinux) return false;
  bool found = btf__find_by_name_kind(vmlinux, typedef_name, BTF_KIND_TYPEDEF) > 0;
  btf__free(vmlinux);
  return found;
}

}  // namespace

const std::vector<Requirement>& requirements() {
  static const std::vector<Requirement> rows = {
      {"kernel BTF (CONFIG_DEBUG_INFO_BTF)", "5.4", &KernelFacts::btf},
      {"BTF-typed tracepoints (tp_btf)", "5.5", &KernelFacts::tp_btf},
      {"BPF ring buffers", "5.8", &KernelFacts::ringbuf},
      {"BPF task storage", "5.11", &KernelFacts::task_storage},
      {"bpf_loop", "5.17", &KernelFacts::bpf_loop},
  };
  return rows;
}

std::string minimum_kernel() { return requirements().back().since; }

KernelFacts probe_running_kernel() {
  KernelFacts facts;
  utsname u{};
  if (uname(&u) == 0) facts.release = u.release;
  facts.btf = access("/sys/kernel/btf/vmlinux", R_OK) == 0;
  facts.tp_btf = facts.btf && btf_has_tracepoint("btf_trace_sys_enter");
  facts.ringbuf = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_RINGBUF, nullptr) == 1;
  facts.task_storage = libbpf_probe_bpf_map_type(BPF_MAP_TYPE_TASK_STORAGE, nullptr) == 1;
  facts.bpf_loop =
      libbpf_probe_bpf_helper(BPF_PROG_TYPE_RAW_TRACEPOINT, BPF_FUNC_loop, nullptr) == 1;
  return facts;
}

std::string missing_features(const KernelFacts& facts) {
  std::string lacks;
  for (const auto& r : requirements()) {
    if (facts.*r.present) continue;
    lacks += (lacks.empty() ? "" : ", ") + std::string(r.name) + " (Linux " + r.since + "+)";
  }
  if (lacks.empty()) return {};
  return "this kernel (" + (facts.release.empty() ? std::string("unknown") : facts.release) +
         ") lacks " + lacks + "; estrace needs Linux " + minimum_kernel() + " or newer with BTF";
}

std::string verifier_reason(std::string_view log) {
  // Instructions, register states, source lines, call bookkeeping and statistics: what the
  // verifier prints while it walks, not why it stopped.
  static const std::regex noise(
      R"(^(\s*|\d+:.*|;.*|from \d+ to \d+.*|processed \d+ insns.*|verification time.*|)"
      R"(stack depth.*|mark_precise.*|last_idx.*|parent .*|regs=.*|func#\d+.*|Func#\d+.*|)"
      R"(Validating .*|caller:.*|callee:.*|returning from callee.*|to caller at.*|)"
      R"(R\d+(_[rwD]+)?=.*|\.\.\..*|-- (BEGIN|END) PROG LOAD LOG --.*|Live regs.*))");
  std::string reason;
  size_t start = 0;
  while (start < log.size()) {
    size_t end = log.find('\n', start);
    if (end == std::string_view::npos) end = log.size();
    std::string line(log.substr(start, end - start));
    if (!std::regex_match(line, noise)) reason = line;
    start = end + 1;
  }
  return reason;
}

void LoadReport::collect_into(LoadReport* report) {
  std::lock_guard lock(report_mutex);
  current_report = report;
}

void LoadReport::note(std::string_view text) {
  std::lock_guard lock(report_mutex);
  if (current_report) current_report->add(text);
}

// libbpf reports a refused program's log in one message:
// "libbpf: prog 'NAME': -- BEGIN PROG LOAD LOG --\n...-- END PROG LOAD LOG --".
void LoadReport::add(std::string_view text) {
  constexpr std::string_view kBegin = "': -- BEGIN PROG LOAD LOG --", kProg = "prog '";
  size_t begin = text.find(kBegin);
  if (begin == std::string_view::npos) return;
  size_t name = text.rfind(kProg, begin);
  if (name == std::string_view::npos) return;
  name += kProg.size();
  std::string_view log = text.substr(begin + kBegin.size());
  if (size_t end = log.find("-- END PROG LOAD LOG --"); end != std::string_view::npos)
    log = log.substr(0, end);
  rejections_.push_back({std::string(text.substr(name, begin - name)), verifier_reason(log)});
}

std::vector<Rejection> LoadReport::rejections() const {
  std::lock_guard lock(report_mutex);
  return rejections_;
}

std::string rejection_message(const std::vector<Rejection>& rejections,
                              const std::string& release) {
  std::string programs, reason;
  for (const auto& r : rejections) {
    if (programs.find(r.program) != std::string::npos) continue;
    programs += (programs.empty() ? "" : ", ") + r.program;
    if (reason.empty()) reason = r.reason;
  }
  return "the kernel's verifier (" + release + ") rejected the BPF program" +
         (rejections.size() > 1 ? "s " : " ") + programs + ": " +
         (reason.empty() ? "no reason given" : reason) + " (ESTRACE_LOG=debug shows its whole log)";
}

const std::vector<OptionalCapture>& optional_captures() {
  static const std::vector<OptionalCapture> rows = {
      {ES_OPT_MMSG, "mmsg", "sendmmsg/recvmmsg message contents are not decoded"},
      {ES_OPT_RECV_FDS, "recv-fds", "descriptors received with SCM_RIGHTS are not named by -y"},
      {ES_OPT_SOCKETS, "sockets", "-yy shows no socket addresses"},
      {ES_OPT_IOVEC, "iovec", "readv/writev/sendmsg/recvmsg buffers are not shown"},
  };
  return rows;
}

bool parse_capture_off(std::string_view names, uint32_t& bits, std::string& error) {
  bits = 0;
  while (!names.empty()) {
    size_t comma = names.find(',');
    std::string_view name = names.substr(0, comma);
    bool known = false;
    for (const auto& o : optional_captures()) {
      if (name == o.name) {
        bits |= o.bit;
        known = true;
      }
    }
    if (!known) {
      std::string accepted;
      for (const auto& o : optional_captures())
        accepted += (accepted.empty() ? "" : ", ") + std::string(o.name);
      error =
          "ESTRACE_CAPTURE_OFF: unknown part '" + std::string(name) + "' (known: " + accepted + ")";
      return false;
    }
    names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 1);
  }
  return true;
}

}  // namespace estrace::probe
