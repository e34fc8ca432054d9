/* The calls of file_io.c from a static 32-bit (ia32) program: glibc's i386 start-up
 * (set_thread_area, ugetrlimit, brk), then file I/O, where i386 has calls of its own: _llseek,
 * mmap2, fstat64/stat64 (called directly: glibc itself uses statx), 64-bit offsets split over
 * two registers (pread64, ftruncate64), the 32-bit timespec of nanosleep. Built with -m32 -static
 * when the compiler can (gcc-multilib). Run in a scratch directory: it leaves nothing behind. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define PATH "conformance-file32.tmp"

int main(void)
{
	static const char line[] = "hello, ia32 conformance\n";
	char lots[200], buf[64], st[96];
	struct timespec ts = { 0, 1000 };
	void *p;
	int fd;

	memset(lots, 'x', sizeof(lots));
	fd = open(PATH, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	write(fd, line, sizeof(line) - 1);
	write(fd, lots, sizeof(lots));
	close(fd);

	fd = open(PATH, O_RDWR);
	read(fd, buf, sizeof(buf));
	lseek(fd, 7, SEEK_SET);
	lseek(fd, -4, SEEK_END);
	syscall(SYS_fstat64, fd, st);
	pread(fd, buf, 8, 2);
	pwrite(fd, "HELLO", 5, 0);
	ftruncate(fd, 100);
	p = mmap(0, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	munmap(p, 4096);
	p = mmap(0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	munmap(p, 8192);
	close(fd);
	close(fd); /* EBADF */

	syscall(SYS_stat64, PATH, st);
	syscall(SYS_lstat64, "/nonexistent/conformance", st);
	syscall(SYS_nanosleep, &ts, 0);
	open("/nonexistent/conformance", O_RDONLY);
	access(PATH, R_OK | W_OK);
	getuid();
	rename(PATH, PATH ".2");
	unlink(PATH ".2");
	unlink(PATH); /* ENOENT */
	return 0;
}
