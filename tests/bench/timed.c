/* timed N CMD [ARGS...]: runs CMD N times in a row and reports the wall time of the N runs
 * (fork to the last wait) on the line bench.sh reads. For workloads that are whole commands
 * (tar, python3): the tracer's own start-up is over before the clock starts, and the number
 * of syscalls, which CMD does not know, is counted once by bench.sh (serial_syscalls=0 here).
 * Fails (exit 1) if any run of CMD does not exit 0. */
#include <errno.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_util.h"

int main(int argc, char **argv)
{
	long long t0;
	long runs;

	if (argc < 3) {
		fprintf(stderr, "usage: timed N CMD [ARGS...]\n");
		return 2;
	}
	runs = bench_count(argv[1]);
	t0 = bench_now_ns();
	for (long i = 0; i < runs; i++) {
		int status;
		pid_t pid = fork();

		if (pid < 0) {
			perror("fork");
			return 1;
		}
		if (pid == 0) {
			execvp(argv[2], argv + 2);
			perror(argv[2]);
			_exit(127);
		}
		while (waitpid(pid, &status, 0) < 0)
			if (errno != EINTR) {
				perror("waitpid");
				return 1;
			}
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "timed: %s failed (status 0x%x)\n", argv[2], status);
			return 1;
		}
	}
	bench_report(bench_now_ns() - t0, 0);
	return 0;
}
