// The tracepoint ids the build recorded (bpf/tracepoint_ids.cmake) are the ones the running
// kernel's BTF gives, when this is the build kernel: the loader trusts them without looking.
#include "tracepoints.h"

#include <unistd.h>

#include <string>

#include <bpf/btf.h>
#include <gtest/gtest.h>

#include "tracepoint_ids.h"

namespace {

TEST(TracepointIds, AreTheKernelBtfIds) {
  if (access("/sys/kernel/btf/vmlinux", R_OK) != 0) GTEST_SKIP() << "no kernel BTF";
  if (!estrace::probe::tracepoint_ids_known())
    GTEST_SKIP() << "not the kernel estrace was built on: the ids are not used here";
  btf* kernel = btf__load_vmlinux_btf();
  ASSERT_NE(kernel, nullptr);
  int rows = 0;
  for (const auto* row = kTracepointBtfIds; row->name; ++row, ++rows) {
    std::string name = std::string("btf_trace_") + row->name;
    EXPECT_EQ(btf__find_by_name_kind(kernel, name.c_str(), BTF_KIND_TYPEDEF),
              static_cast<int>(row->id))
        << row->name;
  }
  EXPECT_GE(rows, 2) << "sys_enter and sys_exit at least";
  btf__free(kernel);
}

}  // namespace
