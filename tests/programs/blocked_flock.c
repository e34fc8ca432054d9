// blocked_flock PATH: blocks in flock(3, LOCK_EX) until whoever holds the lock on PATH (the
// test, through its own open file description) releases it; then says so and exits 0.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 2)
		return 2;
	int fd = open(argv[1], O_RDWR); // fd 3: stdin/stdout/stderr are open
	if (fd < 0)
		return 2;
	if (flock(fd, LOCK_EX) != 0)
		return 1;
	(void)write(1, "locked\n", 7);
	return 0;
}
