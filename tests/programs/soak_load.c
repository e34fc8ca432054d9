/* soak_load SECONDS: a busy multi-process workload for SECONDS: rounds of four children
 * running at once, each making 200 calls (getppid, a write to /dev/null, a short sleep)
 * and exiting 0. Prints "children N" at the end and exits 0 if every child did. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void work(void)
{
	struct timespec nap = { 0, 50 * 1000 };
	int devnull = open("/dev/null", O_WRONLY);

	for (int i = 0; i < 200; i++) {
		syscall(SYS_getppid);
		if (write(devnull, "x", 1) != 1)
			_exit(3);
		nanosleep(&nap, NULL);
	}
	_exit(0);
}

int main(int argc, char **argv)
{
	int seconds = argc > 1 ? atoi(argv[1]) : 10, bad = 0;
	long children = 0;
	struct timespec start, now;

	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		for (int i = 0; i < 4; i++) {
			pid_t child = fork();

			if (child == 0)
				work();
			if (child < 0)
				return 2;
			children++;
		}
		for (int i = 0; i < 4; i++) {
			int status;

			if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status))
				bad++;
		}
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec - start.tv_sec < seconds);
	printf("children %ld\n", children);
	return bad ? 1 : 0;
}
