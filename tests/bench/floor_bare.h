/* The floor_bare record, shared by floor_bare.bpf.c and its loader. 64 bytes: what a
 * minimal tracer must copy per event (identity, time, number, four values). */
#ifndef ESTRACE_FLOOR_BARE_H
#define ESTRACE_FLOOR_BARE_H

#define FLOOR_MAX_TGIDS	 1024
#define FLOOR_RING_BYTES (16 << 20)

enum floor_kind {
	FLOOR_ENTER = 1,
	FLOOR_EXIT = 2,
};

#ifndef __VMLINUX_H__
#include <stdint.h>
typedef uint64_t u64;
typedef int64_t s64;
#endif

struct floor_record {
	u64 ts;
	u64 pid_tgid;
	u64 kind;
	s64 nr;
	u64 val[4]; /* enter: first four arguments; exit: the return value */
};

_Static_assert(sizeof(struct floor_record) == 64, "floor record is 64 bytes");

#endif
