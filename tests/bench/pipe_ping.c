/* pipe_ping N self|fork: N one-byte write+read pairs over pipes.
 *   self: one thread writes a byte and reads it back: two data-carrying syscalls per round,
 *         never blocking, so it measures buffer capture cost without scheduler noise.
 *   fork: a parent and a forked child bounce the byte over two pipes: four syscalls in a
 *         chain with two wakeups per round, in two processes (tracers must follow forks). */
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_util.h"

static void must(int ok, const char *what)
{
	if (!ok) {
		perror(what);
		exit(1);
	}
}

static void bounce(int from, int to, long n)
{
	char c;

	for (long i = 0; i < n; i++) {
		must(read(from, &c, 1) == 1, "child read");
		must(write(to, &c, 1) == 1, "child write");
	}
}

int main(int argc, char **argv)
{
	int ping[2], pong[2];
	long n;
	char c = 'x';
	pid_t child = 0;
	int self;
	long long t0;

	if (argc != 3 || (strcmp(argv[2], "self") && strcmp(argv[2], "fork"))) {
		fprintf(stderr, "usage: pipe_ping N self|fork\n");
		return 2;
	}
	n = bench_count(argv[1]);
	self = !strcmp(argv[2], "self");
	must(pipe(ping) == 0 && pipe(pong) == 0, "pipe");
	if (self) {
		pong[0] = ping[0]; /* read back what we wrote */
	} else {
		child = fork();
		must(child >= 0, "fork");
		if (child == 0) {
			bounce(ping[0], pong[1], n);
			_exit(0);
		}
	}
	/* One warm-up round so the child is running before the clock starts. */
	must(write(ping[1], &c, 1) == 1 && read(pong[0], &c, 1) == 1, "warm-up");
	t0 = bench_now_ns();
	for (long i = 1; i < n; i++) {
		must(write(ping[1], &c, 1) == 1, "write");
		must(read(pong[0], &c, 1) == 1, "read");
	}
	bench_report(bench_now_ns() - t0, (self ? 2 : 4) * (n - 1));
	if (child)
		waitpid(child, NULL, 0);
	return 0;
}
