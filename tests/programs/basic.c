// basic STATUS: one failing openat, one write to stdout, exit_group(STATUS).
// The smallest program whose strace output is fully predictable (launch-mode tests).
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int status = argc > 1 ? atoi(argv[1]) : 0;
	// Fails with ENOENT even as root: the directory does not exist.
	(void)open("/nonexistent/x", O_RDONLY);
	(void)write(1, "hello\n", 6);
	exit(status);
}
