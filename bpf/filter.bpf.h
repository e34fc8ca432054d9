/* The first thing every program does: is this task traced? Tasks chosen by pid (launch, -p,
 * -f) carry task storage marked traced; with production filters (--cgroup, --all, --comm,
 * --uid) other tasks are matched by identity, cheapest test first. */
#ifndef ESTRACE_FILTER_BPF_H
#define ESTRACE_FILTER_BPF_H

#include "maps.bpf.h"

#define ES_MAX_CGROUPS 8
#define ES_MAX_COMMS   4
#define ES_COMM_LEN    16

/* Set before load by src/probe. */
const volatile bool filter_dynamic = false;
const volatile __u32 self_tgid = 0;
const volatile bool filter_uid = false;
const volatile __u32 only_uid = 0;
const volatile __u32 ncgroups = 0;
const volatile __u64 cgroup_ids[ES_MAX_CGROUPS] = {};
const volatile __u32 cgroup_levels[ES_MAX_CGROUPS] = {};
const volatile __u32 ncomms = 0;
const volatile char comms[ES_MAX_COMMS][ES_COMM_LEN] = {};

/* The row of syscall key `nr` if its flags have any of `any_of`, else 0. */
static __always_inline struct es_syscall_spec *spec_with(__u32 nr, __u32 any_of)
{
	struct es_syscall_spec *spec;

	if (nr >= ES_SPEC_ROWS)
		return 0;
	spec = bpf_map_lookup_elem(&specs, &nr);
	if (!spec || !(spec->flags & any_of))
		return 0;
	return spec;
}

static __always_inline struct es_syscall_spec *traced_spec(__u32 nr)
{
	return spec_with(nr, ES_SPEC_TRACED);
}

/* The row of a syscall the programs follow: shown (traced) or only followed for -y/-P. */
static __always_inline struct es_syscall_spec *followed_spec(__u32 nr)
{
	return spec_with(nr, ES_SPEC_TRACED | ES_SPEC_FD_TRACK);
}

/* Wildcard match of comm against comms[which] ('*' any run, '?' one char), one step per
 * bpf_loop iteration: the loop body is verified once. */
struct glob_ctx {
	char comm[ES_COMM_LEN];
	__u32 which, p, t, star, mark;
	int result; /* -1 undecided, 0 no, 1 yes */
};

static __always_inline char pat_at(__u32 which, __u32 p)
{
	return p < ES_COMM_LEN ? comms[which & (ES_MAX_COMMS - 1)][p] : 0;
}

static long glob_step(__u64 i, struct glob_ctx *g)
{
	char pc = pat_at(g->which, g->p);
	char sc = g->t < ES_COMM_LEN ? g->comm[g->t & (ES_COMM_LEN - 1)] : 0;

	if (sc) {
		if (pc == '?' || (pc && pc != '*' && pc == sc)) {
			g->p++;
			g->t++;
		} else if (pc == '*') {
			g->star = ++g->p;
			g->mark = g->t;
		} else if (g->star) {
			g->p = g->star;
			g->t = ++g->mark;
		} else {
			g->result = 0;
			return 1;
		}
		return 0;
	}
	if (pc == '*') { /* trailing stars match the empty rest */
		g->p++;
		return 0;
	}
	g->result = pc == 0;
	return 1;
}

static __always_inline bool comm_matches(void)
{
	struct glob_ctx g;
	__u32 i;

	ES_LOOP_STATE(g);
	bpf_get_current_comm(g.comm, sizeof(g.comm));
	for (i = 0; i < ES_MAX_COMMS; i++) {
		if (i >= ncomms)
			break;
		g.which = i;
		/* unknown zeros (ES_LOOP_STATE): each pattern starts from the same state */
		g.p = g.t = g.star = g.mark = loop_state_zeros[0];
		g.result = -1;
		bpf_loop(ES_COMM_LEN * ES_COMM_LEN, glob_step, &g, 0);
		if (g.result == 1)
			return true;
	}
	return false;
}

/* One bit per thread id in `map` (traced_bits): its word. */
static __always_inline __u64 *tid_word(void *map, __u32 tid)
{
	__u32 word = tid / 64;

	return bpf_map_lookup_elem(map, &word);
}

static __always_inline void set_tid_bit(void *map, __u32 tid, bool on)
{
	__u64 *bits = tid_word(map, tid);

	if (!bits)
		return;
	/* Atomic: other tasks set and clear bits of the same word as they fork and exit. */
	if (on)
		__sync_fetch_and_or(bits, 1ULL << (tid & 63));
	else
		__sync_fetch_and_and(bits, ~(1ULL << (tid & 63)));
}

/* Bumped whenever any task moves to another cgroup: every cached "does not match" is then
 * stale. A cgroup move reports only the group leader of a whole-process move, and a test that
 * raced with the move must not be cached, so a generation does what per-task bits cannot. */
__u32 identity_gen = 0;

/* The cgroup and comm tests, cached per thread id in `unmatched`: a task that failed them
 * fails them again until it forks (a new task under the tid), execs or is renamed (comm), or
 * any task changes cgroup (identity_gen). uid is tested every time, before the cache: a
 * credential change has no tracepoint. */
static __always_inline bool cached_identity_matches(__u32 tid)
{
	__u32 gen = *(volatile __u32 *)&identity_gen;
	__u32 *slot = bpf_map_lookup_elem(&unmatched, &tid);
	__u32 i;

	if (slot && *slot == gen + 1)
		return false;
	if (ncgroups) {
		bool inside = false;

		for (i = 0; i < ES_MAX_CGROUPS; i++) {
			if (i >= ncgroups)
				break;
			/* The cgroup or any descendant: its ancestor at the cgroup's level is it. */
			if (bpf_get_current_ancestor_cgroup_id(cgroup_levels[i]) == cgroup_ids[i]) {
				inside = true;
				break;
			}
		}
		if (!inside)
			goto unmatched;
	}
	if (ncomms && !comm_matches())
		goto unmatched;
	return true;
unmatched:
	/* Not if a task moved meanwhile: this test may have seen the cgroup before the move. */
	if (slot && *(volatile __u32 *)&identity_gen == gen)
		*slot = gen + 1;
	return false;
}

/* A task's comm may have changed, or its tid is a new task's: test it again. */
static __always_inline void forget_identity(__u32 tid)
{
	__u32 *slot;

	if (!filter_dynamic || !(ncgroups || ncomms))
		return;
	slot = bpf_map_lookup_elem(&unmatched, &tid);
	if (slot && *slot)
		*slot = 0;
}

/* Any task changed cgroup: test every task again. */
static __always_inline void forget_all_identities(void)
{
	if (filter_dynamic && (ncgroups || ncomms))
		__sync_fetch_and_add(&identity_gen, 1);
}

/* A task not chosen by pid: does its identity match the production filters? `pid_tgid` is
 * the caller's bpf_get_current_pid_tgid() (one helper call per program, not two). */
static __always_inline bool identity_matches(__u64 pid_tgid)
{
	if ((pid_tgid >> 32) == self_tgid)
		return false; /* never trace estrace's own output writes */
	if (filter_uid && (__u32)bpf_get_current_uid_gid() != only_uid)
		return false;
	if (ncgroups || ncomms)
		return cached_identity_matches((__u32)pid_tgid);
	return true;
}

static __always_inline bool tid_marked(__u32 tid)
{
	__u64 *bits = tid_word(&traced_bits, tid);

	return bits && (*bits & (1ULL << (tid & 63)));
}

static __always_inline void mark_tid(__u32 tid, bool on)
{
	set_tid_bit(&traced_bits, tid, on);
}

/* The current task's state if it is traced now, else 0. An untraced task has no storage:
 * one pointer check. With production filters, a task without storage is matched by
 * identity (and given storage); one matched earlier is re-checked, since it may have left
 * the cgroup or changed its name or uid; `create` says whether a matching task without
 * storage gets it (sys_exit needs none: a call whose enter it saw has storage). With a state,
 * *taskp is the current task (callers reuse it rather than call the helper again). */
static __always_inline struct es_task_state *current_traced_task(struct task_struct **taskp,
								 bool create)
{
	struct task_struct *task;
	struct es_task_state *st;

	__u64 pid_tgid = bpf_get_current_pid_tgid();
	bool by_pid = tid_marked((__u32)pid_tgid);

	/* A task neither chosen by pid nor matching the identity filters stops here, before
	 * any task-storage lookup: that is what every other process on the host pays. */
	if (!by_pid && (!filter_dynamic || !identity_matches(pid_tgid)))
		return 0;
	task = *taskp = bpf_get_current_task_btf();
	st = bpf_task_storage_get(&tasks, task, 0, 0);
	if (by_pid || !create)
		return st && (st->flags & ES_TASK_TRACED) ? st : 0;
	if (!st) {
		st = bpf_task_storage_get(&tasks, task, 0, BPF_LOCAL_STORAGE_GET_F_CREATE);
		if (!st)
			return 0;
		st->flags = ES_TASK_TRACED | ES_TASK_IDENTITY;
	}
	return st;
}

static __always_inline struct es_task_state *current_traced(void)
{
	struct task_struct *task;

	return current_traced_task(&task, true);
}

#endif
