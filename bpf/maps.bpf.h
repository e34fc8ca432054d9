/* Every map of the tracer in one place. Sizes marked "set at load" are adjusted by
 * src/probe before the skeleton is loaded. */
#ifndef ESTRACE_MAPS_BPF_H
#define ESTRACE_MAPS_BPF_H

#include "estrace/abi/event.h"
#include "estrace/abi/summary.h"
#include "estrace/abi/sock_info.h"
#include "estrace/abi/task.h"

/* Traced tasks by tid: the liveness registry userspace watches (tasks leave it as they
 * exit). Not on the per-syscall path: that uses task storage below. */
struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC); /* written on fork and exit only: cheap to create */
	__uint(max_entries, 65536);
	__type(key, __u32);
	__type(value, __u32);
} traced SEC(".maps");

/* One bit per thread id: is this task chosen by pid (launch, -p, -f)? The first test of
 * every program; an array lookup the JIT inlines, so a bystander's syscall pays a load and a
 * bit test. Userspace sets bits with atomic ORs on the mmap'ed array. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(map_flags, BPF_F_MMAPABLE);
	__uint(max_entries, 65536); /* set at load: pid_max / 64 */
	__type(key, __u32);
	__type(value, __u64);
} traced_bits SEC(".maps");

/* With --cgroup/--comm: per thread id, identity_gen + 1 when its cgroup and comm were tested
 * at that generation and do not match (0: not tested), so a bystander's syscall costs one
 * load instead of the identity test (see filter.bpf.h for what invalidates it). Sized at
 * load: pid_max entries with --cgroup/--comm, one otherwise. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} unmatched SEC(".maps");

/* One capture row per syscall number, filled from the signature table; ia32 calls use the
 * rows from ES_COMPAT_BASE on. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, ES_SPEC_ROWS);
	__type(key, __u32);
	__type(value, struct es_syscall_spec);
} specs SEC(".maps");

/* Per-task state: traced or not, and the call in progress (include/estrace/abi/task.h). */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct es_task_state);
} tasks SEC(".maps");

/* -yy: the sockets behind a call's fd arguments as the call started (bpf/capture_net.bpf.h).
 * Created for a task at its first such call, only when -yy is on. */
struct {
	__uint(type, BPF_MAP_TYPE_TASK_STORAGE);
	__uint(map_flags, BPF_F_NO_PREALLOC);
	__type(key, int);
	__type(value, struct es_sock_stash);
} sock_stash SEC(".maps");

/* Records are built here, then copied out at their exact size. Two slots per CPU (set at
 * load): enter and exit run as different programs and may interleave on one CPU. */
#define ES_SCRATCH_SIZE (1 << 17)
/* Captures start below this offset and each copies less than 64 KiB (sizes are u16 in the
 * verifier's eyes), so every write stays inside the slot without a mask per copy. */
#define ES_SCRATCH_HALF (1 << 15)
struct scratch {
	__u8 data[ES_SCRATCH_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2); /* set at load: 2 * possible CPUs */
	__type(key, __u32);
	__type(value, struct scratch);
} scratch SEC(".maps");

/* Failed ring-buffer writes, per record kind, per CPU. */
struct counters {
	__u64 lost[8]; /* indexed by enum es_record_kind */
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct counters);
} counters SEC(".maps");

/* Summary modes: per-syscall counts, time and latency histogram, per CPU (no atomics), by
 * key (ia32 calls after x86_64's). Sized at load: ES_SPEC_ROWS in summary modes, else one
 * (each row is ~5 KiB per CPU). */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, struct es_syscall_stats);
} stats SEC(".maps");

/* Summary-only runs of tasks chosen by pid: when the current call of each thread id began
 * (0: in no call we saw; ES_ENTER_ARMED: a launched command before its execve). An inlined
 * array access where task storage costs a helper call at enter and at exit (~50 ns of the
 * ~150 a summary costs over an empty program). Sized at load: pid_max entries in that mode,
 * one otherwise. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} enter_times SEC(".maps");

/* Failures per (syscall, errno), per CPU. */
struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_HASH);
	__uint(map_flags, BPF_F_NO_PREALLOC); /* written on failures only: cheap to create */
	__uint(max_entries, 8192);
	__type(key, struct es_errno_key);
	__type(value, __u64);
} errno_counts SEC(".maps");

/* One ring per CPU so producers never contend; the reader merges them by timestamp. */
struct ring {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20); /* set at load: -b */
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 1); /* set at load: possible CPUs */
	__type(key, __u32);
	__array(values, struct ring);
} rings SEC(".maps");

/* Zeros the verifier cannot know are zeros: every bpf_loop context starts as a copy of them
 * (ES_LOOP_STATE). Before Linux 6.7 ("bpf: verify callbacks as if they are called unknown
 * number of times") the verifier walked a callback once, with the context as the caller left
 * it: a field the caller set to a constant kept that value for it, and the branches later
 * iterations take were removed as dead code (6.1 never named a received descriptor). Values
 * read from a writable map are unknown to the verifier, so every branch stays. */
__u64 loop_state_zeros[8];

/* Fills bpf_loop context `ctx` (a struct on the stack) with unknown zeros; set the fields
 * that must be known (pointers, bounds) after it. */
#define ES_LOOP_STATE(ctx)                                                                    \
	do {                                                                                  \
		_Static_assert(sizeof(ctx) <= sizeof(loop_state_zeros), "context too large"); \
		__builtin_memcpy(&(ctx), (const void *)loop_state_zeros, sizeof(ctx));        \
	} while (0)

#endif
