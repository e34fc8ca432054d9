// counter PATH [SECONDS]: rewrites PATH with an increasing counter about every millisecond
// (one pwrite64 per step, fixed width so a reader never sees a stale tail); stops on its own
// after SECONDS (default 30) so nothing outlives a broken test run.
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	int seconds = argc > 2 ? atoi(argv[2]) : 30;
	int fd = open(argv[1], O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return 2;
	struct timespec start, now, step = { 0, 1000 * 1000 };
	clock_gettime(CLOCK_MONOTONIC, &start);
	for (unsigned long i = 1;; i++) {
		char buf[32];
		int l = snprintf(buf, sizeof buf, "%020lu\n", i);
		if (pwrite(fd, buf, (size_t)l, 0) != l)
			return 1;
		nanosleep(&step, NULL);
		clock_gettime(CLOCK_MONOTONIC, &now);
		if (now.tv_sec - start.tv_sec >= seconds)
			return 0;
	}
}
