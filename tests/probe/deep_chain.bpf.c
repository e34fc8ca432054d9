// SPDX-License-Identifier: GPL-2.0
/* A call chain over 512 bytes of stack (three frames of ~200 bytes): what
 * scripts/bpf_stack_check.py must refuse (tests/CMakeLists.txt). Never loaded. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

static long leaf(__u64 i, void *ctx)
{
	volatile char buf[200];

	buf[i & 127] = 1;
	return buf[(i + 1) & 127];
}

__noinline int middle(__u64 v)
{
	volatile char buf[200];

	buf[v & 127] = 2;
	bpf_loop(4, leaf, 0, 0); /* a callback counts as a call */
	return buf[(v + 1) & 127];
}

SEC("tp_btf/sys_enter")
int BPF_PROG(deep, struct pt_regs *regs, long id)
{
	volatile char buf[200];

	buf[id & 127] = 3;
	return middle(id) + buf[(id + 1) & 127];
}
