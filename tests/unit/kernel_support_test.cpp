// probe/kernel_support: what a kernel lacks, and why its verifier refused a program, from
// stated facts and captured libbpf reports (no root, no kernel).
#include "estrace/probe/kernel_support.h"

#include <gtest/gtest.h>

#include "estrace/abi/capture_spec.h"

namespace estrace::probe {
namespace {

KernelFacts everything(const char* release) {
  KernelFacts f;
  f.release = release;
  f.btf = f.ringbuf = f.task_storage = f.bpf_loop = f.tp_btf = true;
  return f;
}

TEST(KernelSupport, NothingMissingOnACompleteKernel) {
  EXPECT_EQ(missing_features(everything("6.1.0-57-amd64")), "");
}

TEST(KernelSupport, NamesWhatAnOldKernelLacksAndTheMinimum) {
  KernelFacts f = everything("5.10.0");
  f.bpf_loop = false;
  EXPECT_EQ(missing_features(f),
            "this kernel (5.10.0) lacks bpf_loop (Linux 5.17+); estrace needs Linux 5.17 or "
            "newer with BTF");
}

TEST(KernelSupport, NamesEveryMissingFeatureOldestFirst) {
  KernelFacts f = everything("5.4.0");
  f.tp_btf = f.ringbuf = f.task_storage = f.bpf_loop = false;
  f.btf = false;
  EXPECT_EQ(missing_features(f),
            "this kernel (5.4.0) lacks kernel BTF (CONFIG_DEBUG_INFO_BTF) (Linux 5.4+), "
            "BTF-typed tracepoints (tp_btf) (Linux 5.5+), BPF ring buffers (Linux 5.8+), BPF "
            "task storage (Linux 5.11+), bpf_loop (Linux 5.17+); estrace needs Linux 5.17 or "
            "newer with BTF");
}

// "5.17" -> {5, 17}
std::pair<int, int> version(const std::string& v) {
  return {std::stoi(v), std::stoi(v.substr(v.find('.') + 1))};
}

TEST(KernelSupport, MinimumIsTheNewestRequirement) {
  EXPECT_EQ(minimum_kernel(), "5.17");
  for (const auto& r : requirements()) EXPECT_LE(version(r.since), version(minimum_kernel()));
}

// What 6.18 printed for a chain over 512 bytes.
TEST(KernelSupport, VerifierReasonOfAStackTooLarge) {
  const char* log =
      "func#0 @0\nfunc#1 @176\n0: R1=ctx() R10=fp0\n; int BPF_PROG(sys_exit) @ trace.bpf.c:381\n"
      "0: (79) r6 = *(u64 *)(r1 +8)         ; R1=ctx() R6_w=scalar()\n"
      "combined stack size of 7 calls is 560. Too large\n"
      "verification time 5316 usec\nstack depth 128+40+176+32+120+32+40\n"
      "processed 4109 insns (limit 1000000) max_states_per_insn 4 total_states 212\n";
  EXPECT_EQ(verifier_reason(log), "combined stack size of 7 calls is 560. Too large");
}

// What 6.1 printed for a length it could not bound.
TEST(KernelSupport, VerifierReasonOfAnUnboundedLength) {
  const char* log =
      "1744: (bf) r3 = r5                    ; R3_w=scalar(id=68) R5=scalar(id=68)\n"
      "1745: (85) call bpf_probe_read_user#112\n"
      "R2 min value is negative, either use unsigned or 'var &= const'\n"
      "processed 1305 insns (limit 1000000) max_states_per_insn 2 total_states 108\n";
  EXPECT_EQ(verifier_reason(log),
            "R2 min value is negative, either use unsigned or 'var &= const'");
}

TEST(KernelSupport, LoadReportKeepsEachRefusedProgramAndItsReason) {
  LoadReport report;
  LoadReport::collect_into(&report);
  LoadReport::note("libbpf: prog 'sys_enter': BPF program load failed: Permission denied");
  LoadReport::note(
      "libbpf: prog 'sys_enter': -- BEGIN PROG LOAD LOG --\n0: R1=ctx() R10=fp0\n"
      "combined stack size of 7 calls is 528. Too large\nprocessed 9 insns\n"
      "-- END PROG LOAD LOG --");
  LoadReport::note("libbpf: failed to load object 'trace_bpf'");
  LoadReport::collect_into(nullptr);
  LoadReport::note("libbpf: prog 'ignored': -- BEGIN PROG LOAD LOG --\nx\n-- END PROG LOAD LOG --");
  auto rejections = report.rejections();
  ASSERT_EQ(rejections.size(), 1u);
  EXPECT_EQ(rejections[0].program, "sys_enter");
  EXPECT_EQ(rejections[0].reason, "combined stack size of 7 calls is 528. Too large");
  EXPECT_EQ(rejection_message(rejections, "6.18.44"),
            "the kernel's verifier (6.18.44) rejected the BPF program sys_enter: combined stack "
            "size of 7 calls is 528. Too large (ESTRACE_LOG=debug shows its whole log)");
}

TEST(KernelSupport, CaptureOffNamesAndErrors) {
  uint32_t bits = 0;
  std::string error;
  ASSERT_TRUE(parse_capture_off("mmsg,sockets", bits, error));
  EXPECT_EQ(bits, uint32_t{ES_OPT_MMSG | ES_OPT_SOCKETS});
  ASSERT_TRUE(parse_capture_off("", bits, error));
  EXPECT_EQ(bits, 0u);
  EXPECT_FALSE(parse_capture_off("mmsg,nope", bits, error));
  EXPECT_EQ(error,
            "ESTRACE_CAPTURE_OFF: unknown part 'nope' (known: mmsg, recv-fds, sockets, iovec)");
  uint32_t all = 0;
  for (const auto& part : optional_captures()) all |= part.bit;
  EXPECT_EQ(all, uint32_t{ES_OPT_ALL});
}

}  // namespace
}  // namespace estrace::probe
