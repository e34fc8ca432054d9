/* A static 32-bit (ia32) program: the calls glibc's i386 start-up makes, then i386 calls with
 * layouts of their own. Prints nothing; exits 0 when every call did what was expected. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char buf[64], st[96];
	void *p;
	int fd, bad = 0;

	fd = open("/etc/hostname", O_RDONLY);
	bad |= fd != 3;
	bad |= read(fd, buf, sizeof(buf)) < 0;
	bad |= lseek(fd, 1, SEEK_SET) != 1; /* _llseek */
	bad |= syscall(SYS_fstat64, fd, st) != 0;
	p = mmap(0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0); /* mmap2 */
	bad |= p == MAP_FAILED;
	close(fd);
	bad |= open("/nonexistent/ia32", O_RDONLY) != -1;
	return bad;
}
