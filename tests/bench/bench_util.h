/* Shared by the benchmark workloads: argument parsing and the one result line that
 * scripts/bench.sh reads. Each workload times only its own loop, so a tracer's start-up
 * and attach cost never counts as per-syscall overhead. */
#ifndef ESTRACE_BENCH_UTIL_H
#define ESTRACE_BENCH_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static inline long long bench_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static inline long bench_count(const char *arg)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (*end || n <= 0) {
		fprintf(stderr, "bad count: %s\n", arg);
		exit(2);
	}
	return n;
}

/* `serial` is the number of syscalls on the critical path (one thread's, or the whole
 * ping-pong chain): bench.sh divides the added time by it to get ns per syscall. */
static inline void bench_report(long long ns, long serial)
{
	printf("elapsed_ns=%lld serial_syscalls=%ld\n", ns, serial);
	fflush(stdout);
}

#endif
