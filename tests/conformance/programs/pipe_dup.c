/* Pipes and descriptor juggling: pipe2, dup, dup2, dup3, fcntl, data through the pipe
 * (buffer contents in read/write lines) and a write to a pipe with no reader (EPIPE). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

int main(void)
{
	int p[2], a, b;
	char buf[32];

	signal(SIGPIPE, SIG_IGN);
	pipe2(p, O_CLOEXEC);
	a = dup(p[1]);
	b = dup2(p[0], 20);
	dup3(a, 21, O_CLOEXEC);
	fcntl(p[0], F_GETFL);
	fcntl(a, F_SETFD, FD_CLOEXEC);
	fcntl(a, F_GETFD);
	write(21, "ping\tpong\n\0end", 14);
	read(b, buf, sizeof(buf));
	close(p[0]);
	close(b);
	write(a, "lost", 4); /* EPIPE: every read end is closed */
	close(a);
	close(p[1]);
	close(21);
	dup(99); /* EBADF */
	return 0;
}
