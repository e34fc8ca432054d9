// blocked_read: blocks in read(0, buf, 64) on a pipe the test owns, echoes what it got to
// stdout and exits 0 (or 1 on EOF/error).
#include <unistd.h>

int main(void)
{
	char buf[64];
	ssize_t n = read(0, buf, sizeof buf);
	if (n <= 0)
		return 1;
	(void)write(1, buf, (size_t)n);
	return 0;
}
