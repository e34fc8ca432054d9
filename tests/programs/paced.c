/* paced N PERIOD_US: N getppid calls, one every PERIOD_US microseconds: a known call rate for
 * --interval checks. */
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 3)
		return 2;
	long period = atol(argv[2]);
	struct timespec ts = { period / 1000000, (period % 1000000) * 1000 };
	for (long i = 0; i < atol(argv[1]); i++) {
		syscall(SYS_getppid);
		nanosleep(&ts, NULL);
	}
	return 0;
}
