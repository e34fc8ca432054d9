/* blocked_threads N: N threads, each blocked reading one byte from stdin; prints "ready"
 * once every thread has started, then each thread exits after its read, and the process
 * exits 0 after joining them all. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static atomic_int started;

static void *reader(void *arg)
{
	char byte;

	(void)arg;
	atomic_fetch_add(&started, 1);
	return read(0, &byte, 1) == 1 ? NULL : (void *)1;
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0;
	pthread_t *threads = calloc((size_t)n, sizeof(*threads));
	pthread_attr_t attr;

	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	for (int i = 0; i < n; i++)
		if (pthread_create(&threads[i], &attr, reader, NULL))
			return 2;
	while (atomic_load(&started) < n)
		usleep(1000);
	printf("ready\n");
	fflush(stdout);
	int bad = 0;
	for (int i = 0; i < n; i++) {
		void *ret;

		pthread_join(threads[i], &ret);
		bad += ret != NULL;
	}
	return bad ? 1 : 0;
}
