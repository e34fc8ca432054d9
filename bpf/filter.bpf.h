/* The first thing every program does: is this task traced? One hash lookup, then return. */
#ifndef ESTRACE_FILTER_BPF_H
#define ESTRACE_FILTER_BPF_H

#include "maps.bpf.h"

static __always_inline __u32 *traced_state(__u32 tid)
{
	return bpf_map_lookup_elem(&traced, &tid);
}

static __always_inline struct es_syscall_spec *traced_spec(__u32 nr)
{
	struct es_syscall_spec *spec;

	if (nr >= ES_MAX_SYSCALLS)
		return 0;
	spec = bpf_map_lookup_elem(&specs, &nr);
	if (!spec || !(spec->flags & ES_SPEC_TRACED))
		return 0;
	return spec;
}

#endif
