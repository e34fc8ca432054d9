/* getppid_loop N [THREADS]: each thread makes N getppid calls. getppid does no work in the
 * kernel, so the loop measures the tracer's per-syscall cost and nothing else. Raw syscall()
 * because glibc may one day cache it. Threads show contention on shared tracer state.
 * Each thread times its own loop and the slowest is reported, so a tracer delaying only the
 * main thread (ptrace stops on its futex calls) cannot distort the result. */
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench_util.h"

#define MAX_THREADS 64

static long calls;
static pthread_barrier_t start;

static void *loop(void *out)
{
	long long t0;

	/* Threads are created before the clock starts: clone is not what we measure. */
	pthread_barrier_wait(&start);
	t0 = bench_now_ns();
	for (long i = 0; i < calls; i++)
		syscall(SYS_getppid);
	*(long long *)out = bench_now_ns() - t0;
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t tids[MAX_THREADS];
	long long ns[MAX_THREADS], slowest = 0;
	long nthreads;

	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: getppid_loop N [THREADS]\n");
		return 2;
	}
	calls = bench_count(argv[1]);
	nthreads = argc == 3 ? bench_count(argv[2]) : 1;
	if (nthreads > MAX_THREADS)
		nthreads = MAX_THREADS;
	/* The main thread is one of the loopers: with one thread there is no clone at all. */
	pthread_barrier_init(&start, NULL, (unsigned)nthreads);
	for (long t = 1; t < nthreads; t++)
		pthread_create(&tids[t], NULL, loop, &ns[t]);
	loop(&ns[0]);
	for (long t = 1; t < nthreads; t++)
		pthread_join(tids[t], NULL);
	for (long t = 0; t < nthreads; t++)
		slowest = ns[t] > slowest ? ns[t] : slowest;
	bench_report(slowest, calls);
	return 0;
}
