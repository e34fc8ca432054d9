/* Per-task state in BPF task-local storage: whether the task is traced and the call it is
 * in. Userspace creates it for launched and attached tasks (keyed by a pidfd); the BPF side
 * creates it for followed children and tasks matched by identity. A task with no storage is
 * untraced: that NULL check is all a bystander's syscall costs.
 * Shared by bpf/ and src/: plain C, fixed-width types, explicit padding, append-only. */
#ifndef ESTRACE_ABI_TASK_H
#define ESTRACE_ABI_TASK_H

#include "capture_spec.h"

enum es_task_flags {
	ES_TASK_TRACED = 1 << 0,
	ES_TASK_ARMED = 1 << 1,	   /* launched command: recording starts at its execve */
	ES_TASK_ATTACHED = 1 << 2, /* attached mid-flight: its first exit may have no enter */
	ES_TASK_IDENTITY = 1 << 3, /* matched by --cgroup/--all/--comm/--uid: re-checked per call */
	ES_TASK_EXEC_PENDING = 1 << 4, /* disarmed by an execve not yet returned: armed again if
					* it fails (what follows is estrace's launcher) */
};

/* Summary-only runs keep each thread's call in the `enter_times` array instead, a u64 per
 * thread id: 0 when in no call, else the syscall's key (bits 53-62, below ES_SPEC_ROWS: the
 * exit cannot tell it, rt_sigreturn restores orig_ax) and the start time modulo 2^53 ns
 * (104 days: durations are taken modulo that too). ES_ENTER_ARMED marks a launched command
 * before its execve. */
#define ES_ENTER_ARMED	   (1ULL << 63)
#define ES_ENTER_NR_SHIFT  53
#define ES_ENTER_TIME_MASK ((1ULL << ES_ENTER_NR_SHIFT) - 1)

struct es_task_state {
	es_u64 enter_ts;
	es_u64 args[6];
	es_u32 nr;
	es_u8 in_call; /* in a call we saw enter */
	es_u8 compat;  /* that call is an ia32 one (record flag ES_SYSF_COMPAT) */
	es_u16 seen;   /* made a traced call (its exit is shown) */
	es_u32 flags;  /* enum es_task_flags */
	es_u32 pad;
};

#ifdef __BPF__
_Static_assert(sizeof(struct es_task_state) == 72, "ABI");
_Static_assert(ES_SPEC_ROWS <= 1 << (63 - ES_ENTER_NR_SHIFT), "a key fits below ES_ENTER_ARMED");
#elif defined(__cplusplus)
static_assert(sizeof(struct es_task_state) == 72, "ABI");
static_assert(ES_SPEC_ROWS <= 1 << (63 - ES_ENTER_NR_SHIFT), "a key fits below ES_ENTER_ARMED");
#endif

#endif
