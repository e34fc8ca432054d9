// The small CO-RE BTF made at build time (src/probe/core_btf.h) must relocate the programs
// exactly as the whole kernel BTF does: every program's final instructions are compared,
// loaded once against each. Needs root and BPF; skips when this is not the build kernel.
#include "core_btf.h"

#include <linux/bpf.h>
#include <unistd.h>

#include <cstring>
#include <string>
#include <vector>

#include <bpf/libbpf.h>
#include <gtest/gtest.h>

#include "trace.skel.h"

namespace {

using Program = std::vector<bpf_insn>;

// Every program's instructions after relocation, by name; empty if the object did not load.
std::vector<std::pair<std::string, Program>> relocated(const char* btf_path) {
  LIBBPF_OPTS(bpf_object_open_opts, opts, .btf_custom_path = btf_path);
  trace_bpf* skel = trace_bpf__open_opts(&opts);
  std::vector<std::pair<std::string, Program>> out;
  if (!skel) return out;
  if (trace_bpf__load(skel) == 0) {
    bpf_program* prog = nullptr;
    bpf_object__for_each_program(prog, skel->obj) {
      const bpf_insn* insns = bpf_program__insns(prog);
      out.emplace_back(bpf_program__name(prog),
                       Program(insns, insns + bpf_program__insn_cnt(prog)));
    }
  }
  trace_bpf__destroy(skel);
  return out;
}

bool map_reference(const bpf_insn& insn) {
  return insn.code == (BPF_LD | BPF_IMM | BPF_DW) &&
         (insn.src_reg == BPF_PSEUDO_MAP_FD || insn.src_reg == BPF_PSEUDO_MAP_VALUE);
}

TEST(CoreBtf, RelocatesExactlyAsTheKernelBtf) {
  if (geteuid() != 0) GTEST_SKIP() << "loading BPF programs needs root";
  if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) GTEST_SKIP() << "no kernel BTF";
  if (!estrace::probe::running_build_kernel())
    GTEST_SKIP() << "not the kernel estrace was built on: the small BTF is not used here";
  unsetenv("ESTRACE_FULL_BTF");
  const auto small = estrace::probe::CoreBtf::for_running_kernel();
  ASSERT_NE(small.path(), nullptr);

  const auto with_kernel_btf = relocated(nullptr);
  const auto with_small_btf = relocated(small.path());
  ASSERT_FALSE(with_kernel_btf.empty()) << "the object did not load against the kernel BTF";
  ASSERT_EQ(with_small_btf.size(), with_kernel_btf.size());
  for (size_t p = 0; p < with_kernel_btf.size(); ++p) {
    const auto& [name, want] = with_kernel_btf[p];
    const Program& got = with_small_btf[p].second;
    ASSERT_EQ(with_small_btf[p].first, name);
    ASSERT_EQ(got.size(), want.size()) << name;
    for (size_t i = 0; i < want.size(); ++i) {
      // Map references hold each load's own map fds; everything else must be identical.
      bool fd_slot = map_reference(want[i]) || (i > 0 && map_reference(want[i - 1]) &&
                                                want[i - 1].src_reg == BPF_PSEUDO_MAP_FD);
      EXPECT_EQ(got[i].code, want[i].code) << name << " insn " << i;
      EXPECT_EQ(got[i].dst_reg, want[i].dst_reg) << name << " insn " << i;
      EXPECT_EQ(got[i].src_reg, want[i].src_reg) << name << " insn " << i;
      EXPECT_EQ(got[i].off, want[i].off) << name << " insn " << i;
      if (!map_reference(want[i]) && !fd_slot) {
        EXPECT_EQ(got[i].imm, want[i].imm) << name << " insn " << i;
      }
    }
  }
}

TEST(CoreBtf, CanBeTurnedOff) {
  setenv("ESTRACE_FULL_BTF", "1", 1);
  EXPECT_EQ(estrace::probe::CoreBtf::for_running_kernel().path(), nullptr);
  unsetenv("ESTRACE_FULL_BTF");
}

}  // namespace

namespace {

// One ELF note: namesz, descsz, type, then name and desc, each padded to 4 bytes.
void note(std::vector<unsigned char>& out, const std::string& name, uint32_t type,
          size_t desc_size) {
  auto word = [&](uint32_t v) {
    unsigned char b[4];
    std::memcpy(b, &v, 4);
    out.insert(out.end(), b, b + 4);
  };
  word(static_cast<uint32_t>(name.size() + 1));
  word(static_cast<uint32_t>(desc_size));
  word(type);
  out.insert(out.end(), name.begin(), name.end());
  out.resize((out.size() + 1 + 3) & ~size_t{3}, 0);
  out.resize(out.size() + ((desc_size + 3) & ~size_t{3}), 0xab);
}

TEST(CoreBtf, OnlyNotesWithABuildIdIdentifyAKernel) {
  std::vector<unsigned char> with_id, without_id;
  note(with_id, "Xen", 18, 8);
  note(with_id, "GNU", 3, 20);  // NT_GNU_BUILD_ID, a sha1
  note(without_id, "Linux", 6, 4);
  note(without_id, "Xen", 18, 8);
  EXPECT_TRUE(estrace::probe::has_build_id(with_id.data(), with_id.size()));
  EXPECT_FALSE(estrace::probe::has_build_id(without_id.data(), without_id.size()));
  EXPECT_FALSE(estrace::probe::has_build_id(with_id.data(), with_id.size() - 4));  // cut short
}

}  // namespace
