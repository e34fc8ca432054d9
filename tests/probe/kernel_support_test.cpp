// kernel_support against the real kernel: its features, and the user's line when its
// verifier refuses a program (a deliberately bad one: tests/probe/refused.bpf.c).
#include "estrace/probe/kernel_support.h"

#include <unistd.h>

#include <regex>

#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "estrace/probe/probe.h"

namespace estrace::probe {
namespace {

class KernelSupportOnThisKernel : public ::testing::Test {
 protected:
  void SetUp() override {
    if (geteuid() != 0) GTEST_SKIP() << "needs root to load BPF programs";
  }
};

TEST_F(KernelSupportOnThisKernel, HasEverythingEstraceNeeds) {
  KernelFacts facts = probe_running_kernel();
  EXPECT_FALSE(facts.release.empty());
  EXPECT_EQ(missing_features(facts), "") << "estrace loads here, so nothing may be missing";
}

TEST_F(KernelSupportOnThisKernel, ARefusedProgramIsNamedWithTheVerifiersReason) {
  route_libbpf_messages();
  bpf_object* obj = bpf_object__open_file(ESTRACE_REFUSED_BPF_OBJECT, nullptr);
  ASSERT_NE(obj, nullptr);
  LoadReport report;
  LoadReport::collect_into(&report);
  int err = bpf_object__load(obj);
  LoadReport::collect_into(nullptr);
  bpf_object__close(obj);
  ASSERT_NE(err, 0) << "the verifier accepted a program that reads an unbounded length";
  auto rejections = report.rejections();
  ASSERT_EQ(rejections.size(), 1u);
  EXPECT_EQ(rejections[0].program, "refused_read");
  std::string line = rejection_message(rejections, "this kernel");
  EXPECT_TRUE(std::regex_search(
      line, std::regex("^the kernel's verifier \\(this kernel\\) rejected the BPF program "
                       "refused_read: R2 .*(bound|negative|var &= const).* \\(ESTRACE_LOG=debug")))
      << line;
}

}  // namespace
}  // namespace estrace::probe
