// SPDX-License-Identifier: GPL-2.0
/* The least a real tracer must do: a tgid filter (a hash map, because -f adds children),
 * then one 64-byte ring-buffer record at enter and one at exit, submitted without a
 * wakeup. estrace does strictly more, so this is the floor its overhead is judged by. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#include "floor_bare.h"

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, FLOOR_MAX_TGIDS);
	__type(key, u32);
	__type(value, u8);
} traced SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, FLOOR_RING_BYTES);
} events SEC(".maps");

/* Failed reserves: per CPU so that counting a loss never contends. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, u64);
} lost SEC(".maps");

static __always_inline bool traced_task(void)
{
	u32 tgid = bpf_get_current_pid_tgid() >> 32;

	return bpf_map_lookup_elem(&traced, &tgid) != NULL;
}

static __always_inline struct floor_record *reserve(void)
{
	struct floor_record *r = bpf_ringbuf_reserve(&events, sizeof(*r), 0);
	u32 zero = 0;
	u64 *n;

	if (!r) {
		n = bpf_map_lookup_elem(&lost, &zero);
		if (n)
			(*n)++;
		return NULL;
	}
	r->ts = bpf_ktime_get_ns();
	r->pid_tgid = bpf_get_current_pid_tgid();
	return r;
}

SEC("tp_btf/sys_enter")
int BPF_PROG(floor_enter, struct pt_regs *regs, long id)
{
	struct floor_record *r;

	if (!traced_task())
		return 0;
	r = reserve();
	if (!r)
		return 0;
	r->kind = FLOOR_ENTER;
	r->nr = id;
	r->val[0] = regs->di;
	r->val[1] = regs->si;
	r->val[2] = regs->dx;
	r->val[3] = regs->r10;
	bpf_ringbuf_submit(r, BPF_RB_NO_WAKEUP);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(floor_exit, struct pt_regs *regs, long ret)
{
	struct floor_record *r;

	if (!traced_task())
		return 0;
	r = reserve();
	if (!r)
		return 0;
	r->kind = FLOOR_EXIT;
	r->nr = regs->orig_ax;
	r->val[0] = ret;
	r->val[1] = 0;
	r->val[2] = 0;
	r->val[3] = 0;
	bpf_ringbuf_submit(r, BPF_RB_NO_WAKEUP);
	return 0;
}

/* Follow children the way -f must, so fork-based workloads are measured whole. */
SEC("tp_btf/sched_process_fork")
int BPF_PROG(floor_fork, struct task_struct *parent, struct task_struct *child)
{
	u32 ptgid = parent->tgid, ctgid = child->tgid;
	u8 one = 1;

	if (ptgid != ctgid && bpf_map_lookup_elem(&traced, &ptgid))
		bpf_map_update_elem(&traced, &ctgid, &one, BPF_ANY);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
