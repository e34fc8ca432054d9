/* Vectors of a static 32-bit (ia32) program, where the user memory holds 32-bit pointers:
 * writev/readv's struct compat_iovec (over a pipe), preadv/pwritev with a 64-bit offset split
 * over two registers, and an execve whose argv and envp are char *[] of 32-bit pointers (the
 * program runs itself once more with an argument, and exits at once). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/uio.h>
#include <unistd.h>

#define PATH "conformance-vectors32.tmp"

int main(int argc, char **argv)
{
	char a[4], b[8], c[6];
	struct iovec out[2] = { { "hello ", 6 }, { "world\n", 6 } };
	struct iovec in[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct iovec one[1] = { { c, sizeof(c) } };
	char *args[] = { argv[0], "again", "with a longer argument than -s shows", 0 };
	char *env[] = { "A=1", "B=2", 0 };
	int fd[2], f;

	if (argc > 1)
		return 0;
	if (pipe(fd))
		return 1;
	writev(fd[1], out, 2);
	readv(fd[0], in, 2);
	f = open(PATH, O_CREAT | O_RDWR | O_TRUNC, 0644);
	if (f < 0)
		return 1;
	pwritev(f, out, 2, 3);
	preadv(f, one, 1, 5);
	close(f);
	unlink(PATH);
	execve(argv[0], args, env);
	return 1;
}
