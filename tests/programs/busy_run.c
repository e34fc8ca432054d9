/* busy_run MODE N RESULT [gate]: a workload with a known result, for tracer-death trials.
 * With "gate" it first waits for one byte on stdin. Then, by MODE:
 *   calls  N rounds of getppid, a write to /dev/null and a 0.1 ms nanosleep
 *   block  N rounds of a 1 ms poll on a pipe nobody writes (blocked in the kernel)
 *   fork   N children, each making one call and exiting, each waited for
 *   exec   ten rounds of calls, then execv of itself with N-1, until N is 0
 * and finally writes "done MODE N0" to RESULT (a temporary file renamed into place, so a
 * reader sees all of it or nothing); N0 is the N the chain started with. */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void calls(int rounds, int devnull)
{
	struct timespec nap = { 0, 100 * 1000 };

	for (int i = 0; i < rounds; i++) {
		syscall(SYS_getppid);
		if (write(devnull, "x", 1) != 1)
			exit(3);
		nanosleep(&nap, NULL);
	}
}

int main(int argc, char **argv)
{
	if (argc < 4)
		return 2;
	const char *mode = argv[1], *result = argv[3];
	int n = atoi(argv[2]);
	/* exec chains carry the first N along as argv[5] */
	int n0 = argc > 5 ? atoi(argv[5]) : n;
	int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	char byte;

	if (devnull < 0)
		return 2;
	if (argc > 4 && !strcmp(argv[4], "gate") && read(0, &byte, 1) != 1)
		return 2;
	if (!strcmp(mode, "calls")) {
		calls(n, devnull);
	} else if (!strcmp(mode, "block")) {
		int p[2];

		if (pipe(p))
			return 2;
		for (int i = 0; i < n; i++) {
			struct pollfd fd = { p[0], POLLIN, 0 };

			if (poll(&fd, 1, 1) != 0)
				return 3;
		}
	} else if (!strcmp(mode, "fork")) {
		for (int i = 0; i < n; i++) {
			pid_t child = fork();
			int status;

			if (child == 0) {
				syscall(SYS_getppid);
				_exit(7);
			}
			if (child < 0 || waitpid(child, &status, 0) != child ||
			    !WIFEXITED(status) || WEXITSTATUS(status) != 7)
				return 3;
		}
	} else if (!strcmp(mode, "exec")) {
		calls(10, devnull);
		if (n > 0) {
			char next[16], first[16];

			snprintf(next, sizeof next, "%d", n - 1);
			snprintf(first, sizeof first, "%d", n0);
			execl("/proc/self/exe", argv[0], mode, next, result, "-", first,
			      (char *)NULL);
			return 4;
		}
	} else {
		return 2;
	}
	char tmp[4096];
	snprintf(tmp, sizeof tmp, "%s.tmp", result);
	FILE *out = fopen(tmp, "w");
	if (!out || fprintf(out, "done %s %d\n", mode, n0) < 0 || fclose(out) ||
	    rename(tmp, result))
		return 5;
	return 0;
}
