// SPDX-License-Identifier: GPL-2.0
/* A program every verifier refuses: it copies a length it never bounds into a stack buffer.
 * tests/probe/kernel_support_test.cpp loads it to see the user's line for a refusal. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

SEC("tp_btf/sys_enter")
int BPF_PROG(refused_read, struct pt_regs *regs, long id)
{
	char buf[64];

	bpf_probe_read_kernel(buf, (__u32)id, regs);
	return buf[0];
}
