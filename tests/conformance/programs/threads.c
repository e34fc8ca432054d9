/* Two threads writing to /dev/null while the main thread waits: clone3, futex, set_robust_list,
 * per-thread calls interleaving under -f. */
#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

static int fd;

static void *worker(void *arg)
{
	for (int i = 0; i < 3; i++)
		write(fd, arg, 6);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	fd = open("/dev/null", O_WRONLY);
	pthread_create(&a, NULL, worker, "first\n");
	pthread_join(a, NULL);
	pthread_create(&b, NULL, worker, "other\n");
	pthread_join(b, NULL);
	close(fd);
	return 0;
}
