/* sleeper N_SHORT SHORT_US N_LONG LONG_US: N_SHORT nanosleeps of SHORT_US microseconds, then
 * N_LONG of LONG_US: a known latency mix for percentile checks. */
#include <stdlib.h>
#include <time.h>

static void nap(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };
	nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
	if (argc != 5)
		return 2;
	for (int i = 0; i < atoi(argv[1]); i++)
		nap(atol(argv[2]));
	for (int i = 0; i < atoi(argv[3]); i++)
		nap(atol(argv[4]));
	return 0;
}
