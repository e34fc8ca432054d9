// SPDX-License-Identifier: GPL-2.0
/* The lowest cost any tp_btf syscall tracer can have: both raw syscall tracepoints
 * attached system-wide with programs that do nothing. What is left is the trampoline
 * and the program call on every syscall of every task. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sys_enter")
int BPF_PROG(floor_enter, struct pt_regs *regs, long id)
{
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(floor_exit, struct pt_regs *regs, long ret)
{
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
