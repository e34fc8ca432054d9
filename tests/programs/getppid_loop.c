// getppid_loop N [THREADS]: exactly N getppid calls, split over 1 or 2 threads, as fast as
// possible. The loss test counts printed getppid lines plus the reported losses against N.
#include <pthread.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static pthread_barrier_t done;

// After the burst, idle a little before any task exits so the reader has drained the ring by
// the time exit records are produced: only getppid records should ever be the lost ones.
static void settle(void)
{
	struct timespec pause = { 0, 200 * 1000 * 1000 };
	nanosleep(&pause, NULL);
}

static void *spin(void *arg)
{
	long n = (long)arg;
	for (long i = 0; i < n; i++)
		syscall(SYS_getppid); // not getppid(): no libc caching, ever
	pthread_barrier_wait(&done);  // neither thread exits while the other still floods the ring
	settle();
	return NULL;
}

int main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 1000;
	int threads = argc > 2 ? atoi(argv[2]) : 1;
	pthread_barrier_init(&done, NULL, threads == 2 ? 2 : 1);
	if (threads == 2) {
		pthread_t t;
		if (pthread_create(&t, NULL, spin, (void *)(n / 2)) != 0)
			return 2;
		spin((void *)(n - n / 2));
		pthread_join(t, NULL);
	} else {
		spin((void *)n);
	}
	return 0;
}
