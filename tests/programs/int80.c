/* A 64-bit program that makes ia32 calls through int $0x80 (the kernel's IA32 emulation) between
 * ordinary 64-bit ones: each change of mode gets strace's "runs in NN bit mode" notice. */
#include <sys/mman.h>
#include <string.h>
#include <unistd.h>

/* i386 numbers (asm/unistd_32.h): int $0x80 takes them, whatever the caller's mode. */
#define NR32_OPEN   5
#define NR32_CLOSE  6
#define NR32_GETPID 20

static long int80(long nr, long a, long b)
{
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret) : "a"(nr), "b"(a), "c"(b) : "memory");
	return ret;
}

int main(void)
{
	/* int $0x80 passes 32-bit pointers: put the path where one can reach it. */
	char *low = mmap((void *)0x10000000, 4096, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	long fd;

	if (low == MAP_FAILED)
		return 2;
	strcpy(low, "/etc/hostname");
	getppid();
	fd = int80(NR32_OPEN, (long)low, 0);
	int80(NR32_CLOSE, fd, 0);
	int80(NR32_GETPID, 0, 0);
	getppid();
	return fd < 0;
}
