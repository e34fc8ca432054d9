/* Summary mode (-c, --latency, --histogram): per-syscall statistics aggregated in the kernel,
 * one es_syscall_stats per syscall number per CPU; userspace sums the CPUs and reads them.
 * Shared by bpf/ and src/: plain C, fixed-width types, append-only. */
#ifndef ESTRACE_ABI_SUMMARY_H
#define ESTRACE_ABI_SUMMARY_H

#include "capture_spec.h"

/* Log2-linear latency buckets over nanoseconds: values below 2^ES_HIST_SUB_BITS are exact;
 * above, each power of two [2^k, 2^(k+1)) is split into 2^ES_HIST_SUB_BITS equal buckets, so
 * a bucket is at most 1/16 (6.25%) of its value wide and its midpoint within ~3%. */
#define ES_HIST_SUB_BITS 4
#define ES_HIST_SUB	 (1 << ES_HIST_SUB_BITS)
/* Powers of two up to 2^40 ns (~18 minutes); longer calls land in the last bucket. */
#define ES_HIST_MAX_LOG2 40
#define ES_HIST_BUCKETS	 ((ES_HIST_MAX_LOG2 - ES_HIST_SUB_BITS + 2) * ES_HIST_SUB)

struct es_syscall_stats {
	es_u64 calls;
	es_u64 errors;	 /* returns in [-4095, -1] */
	es_u64 total_ns; /* wall-clock time inside the call */
	es_u64 max_ns;
	es_u64 hist[ES_HIST_BUCKETS];
};

/* Key of the per-errno failure counts (--errno-summary). */
struct es_errno_key {
	es_u32 nr;
	es_u32 err; /* positive errno */
};

/* The bucket of a latency in ns (same code on both sides: keep it branch-light). */
static inline es_u32 es_hist_bucket(es_u64 ns)
{
	es_u32 k = 0;
	es_u64 v = ns;

	if (ns < ES_HIST_SUB)
		return (es_u32)ns;
	/* k = floor(log2(ns)) by halving steps: no loop, no clz (not on every BPF target). */
	if (v >> 32) {
		k += 32;
		v >>= 32;
	}
	if (v >> 16) {
		k += 16;
		v >>= 16;
	}
	if (v >> 8) {
		k += 8;
		v >>= 8;
	}
	if (v >> 4) {
		k += 4;
		v >>= 4;
	}
	if (v >> 2) {
		k += 2;
		v >>= 2;
	}
	if (v >> 1) {
		k += 1;
	}
	if (k > ES_HIST_MAX_LOG2)
		return ES_HIST_BUCKETS - 1;
	return (k - ES_HIST_SUB_BITS + 1) * ES_HIST_SUB +
	       (es_u32)((ns >> (k - ES_HIST_SUB_BITS)) & (ES_HIST_SUB - 1));
}

#endif
