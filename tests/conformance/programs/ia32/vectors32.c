/* Vectors of a static 32-bit (ia32) program, where the user memory holds 32-bit pointers:
 * writev/readv's struct compat_iovec (over a pipe), preadv/pwritev with a 64-bit offset split
 * over two registers, sendmsg/recvmsg's struct compat_msghdr with compat_cmsghdr control
 * messages (SCM_RIGHTS, SCM_CREDENTIALS; the socket calls are made directly: glibc's i386
 * wrappers go through socketcall), and an execve whose argv and envp are char *[] of 32-bit pointers (the
 * program runs itself once more with an argument, and exits at once). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

/* One SCM_RIGHTS message carrying `fd` from sv[0] to sv[1], which passes credentials too. */
static void pass_fd(int sv[2], int fd)
{
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} u;
	struct iovec iov[1] = { { "fd", 2 } };
	struct msghdr m = { 0 }, rm = { 0 };
	char data[8], control[128];
	struct iovec r[1] = { { data, sizeof(data) } };
	struct cmsghdr *c;
	int one = 1;

	syscall(SYS_setsockopt, sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	m.msg_iov = iov;
	m.msg_iovlen = 1;
	m.msg_control = u.buf;
	m.msg_controllen = sizeof(u.buf);
	c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(c), &fd, sizeof(fd));
	syscall(SYS_sendmsg, sv[0], &m, 0);
	rm.msg_iov = r;
	rm.msg_iovlen = 1;
	rm.msg_control = control;
	rm.msg_controllen = sizeof(control);
	syscall(SYS_recvmsg, sv[1], &rm, 0);
}

#define PATH "conformance-vectors32.tmp"

int main(int argc, char **argv)
{
	char a[4], b[8], c[6];
	struct iovec out[2] = { { "hello ", 6 }, { "world\n", 6 } };
	struct iovec in[2] = { { a, sizeof(a) }, { b, sizeof(b) } };
	struct iovec one[1] = { { c, sizeof(c) } };
	char *args[] = { argv[0], "again", "with a longer argument than -s shows", 0 };
	char *env[] = { "A=1", "B=2", 0 };
	int fd[2], sv[2], f;

	if (argc > 1)
		return 0;
	if (syscall(SYS_socketpair, AF_UNIX, SOCK_STREAM, 0, sv))
		return 1;
	pass_fd(sv, 0);
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
