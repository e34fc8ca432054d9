// SPDX-License-Identifier: GPL-2.0
/* estrace's BPF side: syscall enter/exit into one record per completed call, plus the
 * process lifecycle (fork, exec, exit) and signal deliveries of traced tasks. */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#include "capture.bpf.h"
#include "capture_net.bpf.h"
#include "filter.bpf.h"
#include "maps.bpf.h"

char LICENSE[] SEC("license") = "GPL";

/* Set before load by src/probe. */
const volatile bool follow_forks = false;
const volatile __u64 ring_bytes = 1 << 20;
const volatile __u32 nr_execve = 59;
const volatile __u32 nr_execveat = 322;
/* -c, -C, --latency...: aggregate per syscall in the kernel. */
const volatile bool aggregate = false;
/* false for summary-only runs (-c without -C): no record crosses the ring per call. */
const volatile bool emit_calls = true;
/* Summary-only and every task chosen by pid (no identity filter): enter times per thread id
 * in `enter_times`, no task storage on the syscall path (see enter_by_tid). */
const volatile bool summary_by_tid = false;
/* Each call's start time: only when something shows or uses it (-t/-T/-r, -Y, summaries,
 * -yy). A clock read costs ~30 ns in this VM; a line without a timestamp is ordered by its
 * record's time (the end), and userspace takes that as the start too. */
const volatile bool stamp_enter = true;
/* -z, -Z, -e status=: which outcomes are sent (bits as cli::StatusBits). */
#define ES_STATUS_SUCCESSFUL 1
#define ES_STATUS_FAILED     2
#define ES_STATUS_UNFINISHED 4
const volatile __u32 status_mask = 0xff;

/* A return value in [-4095, -1] is an errno: the call failed. */
static __always_inline bool is_error(long ret)
{
	return ret < 0 && ret >= -4095;
}

static __always_inline bool outcome_wanted(long ret)
{
	return status_mask & (is_error(ret) ? ES_STATUS_FAILED : ES_STATUS_SUCCESSFUL);
}

/* arch/x86/include/asm/thread_info.h: set while an ia32 task is in a syscall. */
#define ES_TS_COMPAT 0x0002
#define ES_SIGKILL   9
/* include/trace/events/signal.h: enum trace_signal_generate result codes. */
#define ES_TRACE_SIGNAL_IGNORED 1
/* include/uapi/asm-generic/siginfo.h */
#define ES_SI_USER   0
#define ES_SI_KERNEL 0x80
/* include/linux/sched/signal.h */
#define ES_SIGNAL_GROUP_EXIT 0x00000004

static __always_inline void count_lost(__u32 kind)
{
	__u32 zero = 0;
	struct counters *c = bpf_map_lookup_elem(&counters, &zero);

	if (c)
		c->lost[kind & 7]++;
}

/* This CPU's ring, and the submit flags: no wakeup unless the ring is half full (each wakeup
 * costs the traced task microseconds; the reader polls on a short timer). */
static __always_inline void *this_ring(__u64 *flags)
{
	__u32 cpu = bpf_get_smp_processor_id();
	void *ring = bpf_map_lookup_elem(&rings, &cpu);

	*flags = BPF_RB_NO_WAKEUP;
	if (ring && bpf_ringbuf_query(ring, BPF_RB_AVAIL_DATA) > ring_bytes / 2)
		*flags = BPF_RB_FORCE_WAKEUP;
	return ring;
}

/* Copies a finished record (built in scratch: its captures make its size variable) into this
 * CPU's ring at its exact size. */
static __always_inline void submit(void *data, __u64 size, __u32 kind)
{
	__u64 flags;
	void *ring = this_ring(&flags);

	/* Checked on the very register passed on: a copy widened from 32 bits loses the bound. */
	barrier_var(size);
	if (!ring || size >= ES_SCRATCH_SIZE) {
		count_lost(kind);
		return;
	}
	if (bpf_ringbuf_output(ring, data, size, flags))
		count_lost(kind);
}

static __always_inline void *scratch_for(__u32 which)
{
	__u32 idx = bpf_get_smp_processor_id() * 2 + which;

	return bpf_map_lookup_elem(&scratch, &idx);
}

static __always_inline void fill_header(struct es_header *h, __u16 kind, __u32 size)
{
	__u64 pid_tgid = bpf_get_current_pid_tgid();

	h->kind = kind;
	h->flags = 0;
	h->size = size;
	h->ts = bpf_ktime_get_ns();
	h->tid = (__u32)pid_tgid;
	h->tgid = pid_tgid >> 32;
}

/* Killed inside the call: SIGKILL is queued on every thread of a dying process. That is also
 * how the kernel ends a process on any fatal signal (complete_signal), but then the call did
 * return (write = -1 EPIPE before SIGPIPE kills), as strace shows; only a real SIGKILL or
 * another thread's exit_group leave it unfinished ("= ?"). The group exit code tells them
 * apart: the fatal signal's number, or an exit status (low 7 bits clear). */
static __always_inline bool killed_in_call(void)
{
	struct task_struct *task = bpf_get_current_task_btf();
	int code;

	if (!(task->pending.signal.sig[0] & (1UL << (ES_SIGKILL - 1))))
		return false;
	code = BPF_CORE_READ(task, signal, group_exit_code) & 0x7f;
	return code == 0 || code == ES_SIGKILL;
}

static __always_inline bool in_compat_syscall(struct task_struct *task)
{
	return task->thread_info.status & ES_TS_COMPAT;
}

/* ia32 calls have spec rows (and record numbers) of their own after x86_64's. */
static __always_inline __u32 syscall_key(long id, bool compat)
{
	return compat ? ES_COMPAT_BASE + (__u32)id : (__u32)id;
}

/* A launched command is traced from its execve, like strace's first line: until then each
 * call only asks whether it is the one that disarms the task. */
static __always_inline bool disarms(long id)
{
	return id == nr_execve || id == nr_execveat;
}

static __always_inline void read_args(struct pt_regs *regs, __u64 *args, bool compat)
{
	if (compat) {
		/* i386 convention: ebx, ecx, edx, esi, edi, ebp */
		args[0] = (__u32)regs->bx;
		args[1] = (__u32)regs->cx;
		args[2] = (__u32)regs->dx;
		args[3] = (__u32)regs->si;
		args[4] = (__u32)regs->di;
		args[5] = (__u32)regs->bp;
		return;
	}
	args[0] = regs->di;
	args[1] = regs->si;
	args[2] = regs->dx;
	args[3] = regs->r10;
	args[4] = regs->r8;
	args[5] = regs->r9;
}

/* The fixed part of a syscall record, from the task's call; no captures yet. */
static __always_inline void fill_call(struct es_syscall_record *rec, const struct es_task_state *st,
				      __s64 ret, __u16 flags)
{
	int i;

	rec->enter_ts = st->enter_ts;
	rec->ret = ret;
	for (i = 0; i < 6; i++)
		rec->args[i] = st->args[i];
	rec->nr = st->nr;
	rec->ncaptures = 0;
	rec->flags = flags;
}

/* Whether any capture slot of the row runs at `when`. */
static __always_inline bool slots_capture_at(const struct es_syscall_spec *spec, __u8 when)
{
	int i;

	for (i = 0; i < ES_MAX_CAPTURES; i++)
		if (spec->slots[i].kind != ES_CAP_NONE && (spec->slots[i].when & when))
			return true;
	return false;
}

/* Whether a record of this call, at `when`, can carry captures: else it is built in place in
 * the ring (no scratch, no copy: most calls, getppid to close). */
static __always_inline bool may_capture(const struct es_syscall_spec *spec, __u8 when)
{
	return describe_sockets || slots_capture_at(spec, when);
}

/* Builds and submits a syscall record of `kind` (ES_REC_ENTER or ES_REC_SYSCALL) with record
 * `flags` from the task's call; an enter record runs the capture slots marked ES_AT_ENTER, a
 * completed call those marked ES_AT_EXIT. A global function, verified once rather than in
 * each program that sends calls (start-up time). */
__noinline int emit_call(__u32 kind, __u32 flags, struct es_task_state *st,
			 struct es_syscall_spec *spec, __s64 ret)
{
	__u8 when = kind == ES_REC_ENTER ? ES_AT_ENTER : ES_AT_EXIT;
	struct es_syscall_record *rec;
	__u32 size;

	if (!st)
		return 0;
	if (!spec || !may_capture(spec, when)) {
		__u64 wake;
		void *ring = this_ring(&wake);

		rec = ring ? bpf_ringbuf_reserve(ring, sizeof(*rec), 0) : 0;
		if (!rec) {
			count_lost(kind);
			return 0;
		}
		fill_call(rec, st, ret, flags);
		fill_header(&rec->h, kind, sizeof(*rec));
		bpf_ringbuf_submit(rec, wake);
		return 0;
	}
	rec = scratch_for(kind == ES_REC_ENTER ? 0 : 1);
	if (!rec)
		return 0;
	fill_call(rec, st, ret, flags);
	size = capture_all(rec, spec, when);
	if (describe_sockets)
		size = capture_sockets((struct scratch *)rec, size, spec, when);
	fill_header(&rec->h, kind, size);
	submit(rec, size, kind);
	return 0;
}

/* A call the task never returned from ("= ?"): no captures, the call produced nothing and
 * what it read went out with its enter record. Kept apart from emit_call so this program
 * does not carry (and the verifier does not check again) the capture code. */
static __always_inline void emit_unreturned(struct es_task_state *st, __u16 flags)
{
	struct es_syscall_record *rec = scratch_for(1);

	if (!rec)
		return;
	fill_call(rec, st, 0, flags);
	fill_header(&rec->h, ES_REC_SYSCALL, sizeof(*rec));
	submit(rec, sizeof(*rec), ES_REC_SYSCALL);
}

/* Summary modes: one call into the per-CPU statistics of its syscall. */
static __always_inline void account(__u32 nr, __u64 ns, long ret)
{
	struct es_syscall_stats *s = bpf_map_lookup_elem(&stats, &nr);
	__u32 bucket = es_hist_bucket(ns);

	if (!s)
		return;
	s->calls++;
	s->total_ns += ns;
	if (ns > s->max_ns)
		s->max_ns = ns;
	if (bucket < ES_HIST_BUCKETS)
		s->hist[bucket]++;
	if (is_error(ret)) {
		struct es_errno_key key = { .nr = nr, .err = -ret };
		__u64 one = 1, *count;

		s->errors++;
		count = bpf_map_lookup_elem(&errno_counts, &key);
		if (count)
			(*count)++;
		else
			bpf_map_update_elem(&errno_counts, &key, &one, BPF_NOEXIST);
	}
}

static __always_inline void clear_enter_time(__u32 tid)
{
	__u64 *slot = bpf_map_lookup_elem(&enter_times, &tid);

	if (slot)
		*slot = 0;
}

static __always_inline void move_enter_time(__u32 from, __u32 to)
{
	__u64 *src = bpf_map_lookup_elem(&enter_times, &from);
	__u64 *dst = bpf_map_lookup_elem(&enter_times, &to);

	if (src && dst) {
		*dst = *src;
		*src = 0;
	}
}

/* summary_by_tid's sys_enter: the call's start time into the thread's slot. */
static __always_inline void enter_by_tid(long id)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	struct task_struct *task;
	__u64 *slot;
	__u32 key;

	if (!tid_marked(tid))
		return;
	slot = bpf_map_lookup_elem(&enter_times, &tid);
	if (!slot)
		return;
	task = bpf_get_current_task_btf();
	if (*slot & ES_ENTER_ARMED) {
		/* A launched command is counted from its execve, as strace -c counts it. */
		struct es_task_state *st;

		if (!disarms(id))
			return;
		st = bpf_task_storage_get(&tasks, task, 0, 0);
		if (st)
			st->flags &= ~ES_TASK_ARMED; /* sched_process_fork follows it from now */
	}
	key = syscall_key(id, in_compat_syscall(task));
	if (!traced_spec(key)) {
		*slot = 0;
		return;
	}
	/* Bit 0 set: a call that starts at a multiple of 2^53 ns is not "no call". */
	*slot = (__u64)key << ES_ENTER_NR_SHIFT | (bpf_ktime_get_ns() & ES_ENTER_TIME_MASK) | 1;
}

/* summary_by_tid's sys_exit: one call into the statistics, the slot emptied. */
static __always_inline void exit_by_tid(long ret)
{
	__u32 tid = (__u32)bpf_get_current_pid_tgid();
	__u64 *slot, start;

	if (!tid_marked(tid))
		return;
	slot = bpf_map_lookup_elem(&enter_times, &tid);
	if (!slot)
		return;
	start = *slot;
	if (!start || (start & ES_ENTER_ARMED))
		return; /* no enter seen: attached mid-call, a new child's first return */
	*slot = 0;
	if (!killed_in_call())
		account(start >> ES_ENTER_NR_SHIFT,
			(bpf_ktime_get_ns() - start) & ES_ENTER_TIME_MASK, ret);
}

SEC("tp_btf/sys_enter")
int BPF_PROG(sys_enter, struct pt_regs *regs, long id)
{
	struct task_struct *task;
	struct es_task_state *st;
	struct es_syscall_spec *spec;
	bool compat;

	if (summary_by_tid) {
		enter_by_tid(id);
		return 0;
	}
	st = current_traced_task(&task, true);
	if (!st)
		return 0;
	if (st->flags & ES_TASK_ARMED) {
		if (!disarms(id))
			return 0;
		st->flags = (st->flags & ~ES_TASK_ARMED) | ES_TASK_EXEC_PENDING;
	}
	st->flags &= ~ES_TASK_ATTACHED;
	compat = in_compat_syscall(task);
	spec = followed_spec(syscall_key(id, compat));
	if (!spec)
		return 0;
	st->nr = syscall_key(id, compat);
	st->seen = 1;
	st->enter_ts = stamp_enter ? bpf_ktime_get_ns() : 0;
	/* Summary-only runs keep counts and times: the arguments are never printed. */
	st->in_call = 1;
	st->compat = compat;
	if (!emit_calls)
		return 0;
	read_args(regs, st->args, compat);
	/* -yy: an fd argument's socket as it is before the call (bind, connect change it) */
	if (describe_sockets && spec->fd_args)
		stash_sockets(st, spec);

	/* Calls that may block, or whose arguments the call destroys (execve's argv), are
	 * announced now; everything else waits for one record at exit. A call followed only for
	 * the descriptor table is never shown: it needs no announcement. */
	if (!(spec->flags & ES_SPEC_TRACED))
		return 0;
	if (spec->flags & ES_SPEC_ENTER_RECORD || slots_capture_at(spec, ES_AT_ENTER))
		emit_call(ES_REC_ENTER, compat ? ES_SYSF_COMPAT : 0, st, spec, 0);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(sys_exit, struct pt_regs *regs, long ret)
{
	struct task_struct *task;
	struct es_task_state *st;
	struct es_syscall_spec *spec;
	__u16 flags = 0;
	bool shown, compat;

	if (summary_by_tid) {
		exit_by_tid(ret);
		return 0;
	}
	st = current_traced_task(&task, false);
	if (!st)
		return 0;
	if (st->flags & ES_TASK_EXEC_PENDING) {
		/* This exit is the execve's that disarmed the launched command (whatever the trace
		 * set). If it failed, its line is shown, as strace shows it, but not the launcher
		 * reporting the failure and exiting. */
		st->flags &= ~ES_TASK_EXEC_PENDING;
		if (is_error(ret))
			st->flags |= ES_TASK_ARMED;
	}
	if (!st->in_call) {
		/* Attached while this call was in progress: show its end with what the
		 * registers still hold. Other exits without an enter (a new child's first
		 * return from fork, a launched command before execve) are not calls we saw. */
		__u32 nr;

		if (!(st->flags & ES_TASK_ATTACHED))
			return 0;
		st->flags &= ~ES_TASK_ATTACHED;
		compat = in_compat_syscall(task);
		nr = syscall_key(regs->orig_ax, compat);
		spec = traced_spec(nr);
		if (!spec || !emit_calls)
			return 0;
		if (!outcome_wanted(ret))
			return 0;
		/* The call is rebuilt in the task's own state (it is in no call we saw), not
		 * on the stack: the stack is budgeted (bpf/README.md). */
		st->nr = nr;
		st->enter_ts = 0;
		read_args(regs, st->args, compat);
		flags = ES_SYSF_NO_ENTER | (compat ? ES_SYSF_COMPAT : 0);
		emit_call(ES_REC_SYSCALL, flags, st, spec, ret);
		return 0;
	}
	/* Killed inside the call: it never returns to user space; like strace, show "= ?"
	 * (sent from sched_process_exit). */
	if (killed_in_call())
		return 0;
	if (st->compat)
		flags |= ES_SYSF_COMPAT;
	st->in_call = 0;
	spec = followed_spec(st->nr);
	if (!spec)
		return 0; /* the row changed under the call: nothing is wanted of it */
	shown = (spec->flags & ES_SPEC_TRACED) && outcome_wanted(ret);
	if (aggregate && (spec->flags & ES_SPEC_TRACED))
		account(st->nr, bpf_ktime_get_ns() - st->enter_ts, ret);
	if (!emit_calls)
		return 0;
	if (!shown) {
		/* Not shown, but -y/-P must still see the descriptor it opened or closed. */
		if (!(spec->flags & ES_SPEC_FD_TRACK) || is_error(ret))
			return 0;
		flags |= ES_SYSF_HIDDEN;
	}
	emit_call(ES_REC_SYSCALL, flags, st, spec, ret);
	return 0;
}

SEC("tp_btf/sched_process_fork")
int BPF_PROG(sched_process_fork, struct task_struct *parent, struct task_struct *child)
{
	struct es_task_state *pst, *cst;
	__u32 ctid = child->pid, live = 1;
	struct es_fork_record rec = {};

	forget_identity(ctid); /* a new task under this tid */
	if (!follow_forks)
		return 0;
	pst = bpf_task_storage_get(&tasks, parent, 0, 0);
	if (!pst || !(pst->flags & ES_TASK_TRACED) || (pst->flags & ES_TASK_ARMED))
		return 0;
	/* Marked before the child first runs: it is traced from its first syscall. */
	cst = bpf_task_storage_get(&tasks, child, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
	if (!cst)
		return 0;
	cst->flags = pst->flags & (ES_TASK_TRACED | ES_TASK_IDENTITY);
	cst->in_call = 0;
	if (summary_by_tid)
		clear_enter_time(ctid); /* a reused tid's slot may hold a call that never ended */
	if (!(cst->flags & ES_TASK_IDENTITY))
		mark_tid(ctid, true);
	bpf_map_update_elem(&traced, &ctid, &live, BPF_ANY);
	if (!emit_calls)
		return 0;
	fill_header(&rec.h, ES_REC_FORK, sizeof(rec));
	rec.child_tid = ctid;
	rec.child_tgid = child->tgid;
	submit(&rec, sizeof(rec), ES_REC_FORK);
	return 0;
}

SEC("tp_btf/sched_process_exec")
int BPF_PROG(sched_process_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct es_task_state *st = bpf_task_storage_get(&tasks, p, 0, 0);
	__u32 tid = p->pid, old = old_pid, live = 1;
	struct es_exec_record rec = {};

	forget_identity(tid); /* a new comm */
	forget_identity(old);
	if (!st || !(st->flags & ES_TASK_TRACED))
		return 0;
	if (old != tid) {
		/* A thread exec'd and took over the leader's pid (de_thread). */
		bpf_map_delete_elem(&traced, &old);
		bpf_map_update_elem(&traced, &tid, &live, BPF_ANY);
		if (tid_marked(old)) {
			mark_tid(old, false);
			mark_tid(tid, true);
		}
		if (summary_by_tid)
			move_enter_time(old, tid); /* the execve returns under the leader's tid */
	}
	if (!emit_calls)
		return 0;
	fill_header(&rec.h, ES_REC_EXEC, sizeof(rec));
	rec.old_tid = old;
	bpf_get_current_comm(rec.comm, sizeof(rec.comm));
	submit(&rec, sizeof(rec), ES_REC_EXEC);
	return 0;
}

SEC("tp_btf/sched_process_exit")
int BPF_PROG(sched_process_exit, struct task_struct *p)
{
	struct es_task_state *st = bpf_task_storage_get(&tasks, p, 0, 0);
	__u32 tid = p->pid;
	struct es_exit_record rec = {};

	if (!st || !(st->flags & ES_TASK_TRACED))
		return 0;
	/* Matched by identity but never made a traced call: nothing of it was shown. */
	if ((st->flags & ES_TASK_IDENTITY) && !st->seen)
		return 0;
	/* A call that never returns (exit_group, or killed while blocked): "= ?". */
	if (st->in_call && traced_spec(st->nr)) {
		__u16 flags = ES_SYSF_NO_RETURN | (st->compat ? ES_SYSF_COMPAT : 0);

		st->in_call =
			0; /* not counted in summaries: strace -c counts calls that returned */
		if (emit_calls && (status_mask & ES_STATUS_UNFINISHED))
			emit_unreturned(st, flags);
	}
	if (emit_calls) {
		fill_header(&rec.h, ES_REC_EXIT, sizeof(rec));
		rec.exit_code = p->exit_code;
		rec.group_dead = BPF_CORE_READ(p, signal, live.counter) == 0;
		submit(&rec, sizeof(rec), ES_REC_EXIT);
	}
	bpf_map_delete_elem(&traced, &tid);
	mark_tid(tid, false);
	if (summary_by_tid)
		clear_enter_time(tid); /* exit_group's call, or one killed: not counted */
	return 0;
}

/* Identity cache (filter.bpf.h): a renamed task may now match --comm, a moved one --cgroup.
 * Loaded only with those filters. */
SEC("tp_btf/task_rename")
int BPF_PROG(task_rename, struct task_struct *task, const char *comm)
{
	forget_identity(task->pid);
	return 0;
}

SEC("tp_btf/cgroup_attach_task")
int BPF_PROG(cgroup_attach_task, struct cgroup *dst, const char *path, struct task_struct *task,
	     bool threadgroup)
{
	forget_all_identities();
	return 0;
}

SEC("tp_btf/signal_deliver")
int BPF_PROG(signal_deliver, int sig, struct kernel_siginfo *info, struct k_sigaction *ka)
{
	struct es_task_state *st;
	struct es_signal_record rec = {};

	/* ptrace never sees SIGKILL delivered: strace shows only "+++ killed by SIGKILL +++". */
	if (sig == ES_SIGKILL || !emit_calls)
		return 0;
	st = current_traced();
	if (!st || (st->flags & ES_TASK_ARMED))
		return 0;
	fill_header(&rec.h, ES_REC_SIGNAL, sizeof(rec));
	rec.sig = sig;
	if (info)
		bpf_probe_read_kernel(rec.siginfo, sizeof(rec.siginfo), info);
	submit(&rec, sizeof(rec), ES_REC_SIGNAL);
	return 0;
}

/* Signals strace sees delivered but the kernel never delivers: one the target ignores
 * (SIGCHLD with its default action) is dropped at generation unless the task is ptraced, and
 * a fatal one (SIGPIPE's default) kills the process through SIGKILL. Report them here; the
 * line waits for the call the target is in, as strace shows it when the call returns. */
SEC("tp_btf/signal_generate")
int BPF_PROG(signal_generate, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	struct es_task_state *st;
	struct es_signal_record rec = {};
	bool fatal;

	if (!emit_calls || sig == ES_SIGKILL)
		return 0;
	fatal = result == 0 && (BPF_CORE_READ(task, signal, flags) & ES_SIGNAL_GROUP_EXIT) &&
		(BPF_CORE_READ(task, signal, group_exit_code) & 0x7f) == sig;
	if (result != ES_TRACE_SIGNAL_IGNORED && !fatal)
		return 0;
	st = bpf_task_storage_get(&tasks, task, 0, 0);
	if (!st || !(st->flags & ES_TASK_TRACED) || (st->flags & ES_TASK_ARMED))
		return 0;
	fill_header(&rec.h, ES_REC_SIGNAL, sizeof(rec));
	rec.h.tid = task->pid;
	rec.h.tgid = task->tgid;
	rec.sig = sig;
	rec.ignored = st->in_call ? ES_SIG_AFTER_CALL : ES_SIG_NOW;
	/* The raw argument as a number, read so: the verifier takes the typed pointer for
	 * non-NULL and would fold the SEND_SIG_NOINFO test away. */
	__u64 info_word = 0;

	bpf_probe_read_kernel(&info_word, sizeof(info_word), &ctx[1]);

	if (info_word > 1) {
		bpf_probe_read_kernel(rec.siginfo, sizeof(rec.siginfo), info);
	} else {
		/* SEND_SIG_NOINFO (0) and SEND_SIG_PRIV (1) carry no siginfo: build what the
		 * kernel queues for them (kernel/signal.c): from the sender, or from the kernel. */
		__s32 *si = (__s32 *)rec.siginfo;

		si[0] = sig;
		si[2] = info_word ? ES_SI_KERNEL : ES_SI_USER;
		if (!info_word) {
			si[4] = bpf_get_current_pid_tgid() >> 32;
			si[5] = (__u32)bpf_get_current_uid_gid();
		}
	}
	submit(&rec, sizeof(rec), ES_REC_SIGNAL);
	return 0;
}
