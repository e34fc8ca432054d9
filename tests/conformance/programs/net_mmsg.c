/* Message vectors: sendmmsg/recvmmsg over a unix socketpair (several iovecs, a message cut
 * short: MSG_TRUNC, descriptors passed with SCM_RIGHTS and then used under their names, a
 * recvmmsg timeout, a failed receive), over UDP loopback (msg_name), and more messages than
 * strace shows without -v; then recvmsg receiving a pipe's descriptors. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#define MANY 34

/* Puts an SCM_RIGHTS message carrying fds[0..1] in `buf` and points `m` at it. */
static void pass_fds(struct msghdr *m, char *buf, size_t size, const int *fds)
{
	struct cmsghdr *c;

	m->msg_control = buf;
	m->msg_controllen = size;
	c = CMSG_FIRSTHDR(m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(2 * sizeof(int));
	memcpy(CMSG_DATA(c), fds, 2 * sizeof(int));
}

int main(void)
{
	int sv[2], fds[2], got[2];
	char control[CMSG_SPACE(2 * sizeof(int))] __attribute__((aligned(8)));
	char rcontrol[CMSG_SPACE(2 * sizeof(int))] __attribute__((aligned(8)));
	char hello[] = "hello", world[] = " world", bin[] = "\x01\x02\xff\x00zz";
	char text[300];
	char r1[8], r2[8], r3[400], r4[64], small[2];
	struct iovec two[2] = { { hello, 5 }, { world, 6 } }, one[1] = { { text, sizeof(text) } },
		     three[1] = { { bin, 6 } };
	struct iovec in0[2] = { { r1, 8 }, { r2, 8 } }, in1[1] = { { r3, sizeof(r3) } },
		     in2[1] = { { small, 2 } }, in3[1] = { { r4, sizeof(r4) } };
	struct mmsghdr out[3], in[4];
	struct timespec timeout = { 1, 0 };

	memset(text, 'a', sizeof(text));
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	fds[0] = open("/dev/null", O_RDONLY);
	fds[1] = open("/etc/hostname", O_RDONLY);

	memset(out, 0, sizeof(out));
	out[0].msg_hdr.msg_iov = two;
	out[0].msg_hdr.msg_iovlen = 2;
	pass_fds(&out[0].msg_hdr, control, sizeof(control), fds);
	out[1].msg_hdr.msg_iov = one;
	out[1].msg_hdr.msg_iovlen = 1;
	out[2].msg_hdr.msg_iov = three;
	out[2].msg_hdr.msg_iovlen = 1;
	sendmmsg(sv[0], out, 3, MSG_DONTWAIT);

	memset(in, 0, sizeof(in));
	in[0].msg_hdr.msg_iov = in0;
	in[0].msg_hdr.msg_iovlen = 2;
	in[0].msg_hdr.msg_control = rcontrol;
	in[0].msg_hdr.msg_controllen = sizeof(rcontrol);
	in[1].msg_hdr.msg_iov = in1;
	in[1].msg_hdr.msg_iovlen = 1;
	in[2].msg_hdr.msg_iov = in2;
	in[2].msg_hdr.msg_iovlen = 1;
	in[3].msg_hdr.msg_iov = in3;
	in[3].msg_hdr.msg_iovlen = 1;
	recvmmsg(sv[1], in, 4, MSG_DONTWAIT, &timeout);
	memcpy(got, CMSG_DATA(CMSG_FIRSTHDR(&in[0].msg_hdr)), sizeof(got));
	read(got[1], r4, 4);
	close(got[0]);
	close(got[1]);
	recvmmsg(sv[1], in, 4, MSG_DONTWAIT, NULL);

	/* A pipe's ends through recvmsg. */
	struct msghdr sm = { .msg_iov = two, .msg_iovlen = 1 };
	struct msghdr rm = { .msg_iov = in0, .msg_iovlen = 1 };
	int p[2];

	pipe(p);
	pass_fds(&sm, control, sizeof(control), p);
	sendmsg(sv[0], &sm, 0);
	rm.msg_control = rcontrol;
	rm.msg_controllen = sizeof(rcontrol);
	recvmsg(sv[1], &rm, 0);
	memcpy(got, CMSG_DATA(CMSG_FIRSTHDR(&rm)), sizeof(got));
	write(got[1], "x", 1);
	close(got[0]);
	close(got[1]);
	close(p[0]);
	close(p[1]);

	/* UDP over loopback: each message's address, and MSG_WAITFORONE. */
	int rx = socket(AF_INET, SOCK_DGRAM, 0), tx = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in rxa = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in from[2];
	socklen_t rxl = sizeof(rxa);

	bind(rx, (struct sockaddr *)&rxa, sizeof(rxa));
	getsockname(rx, (struct sockaddr *)&rxa, &rxl);
	memset(out, 0, sizeof(out));
	for (int i = 0; i < 2; i++) {
		out[i].msg_hdr.msg_name = &rxa;
		out[i].msg_hdr.msg_namelen = sizeof(rxa);
		out[i].msg_hdr.msg_iov = i ? three : two;
		out[i].msg_hdr.msg_iovlen = 1;
	}
	sendmmsg(tx, out, 2, 0);
	memset(in, 0, sizeof(in));
	for (int i = 0; i < 2; i++) {
		in[i].msg_hdr.msg_name = &from[i];
		in[i].msg_hdr.msg_namelen = sizeof(from[i]);
		in[i].msg_hdr.msg_iov = i ? in3 : in1;
		in[i].msg_hdr.msg_iovlen = 1;
	}
	recvmmsg(rx, in, 2, MSG_WAITFORONE, NULL);
	close(tx);
	close(rx);

	/* More messages than strace shows without -v (-s 32), over a stream: one byte each. */
	int st[2];
	struct mmsghdr many[MANY];
	struct iovec bytes[MANY];
	char sink[MANY];

	socketpair(AF_UNIX, SOCK_STREAM, 0, st);
	memset(many, 0, sizeof(many));
	for (int i = 0; i < MANY; i++) {
		bytes[i].iov_base = &text[i];
		bytes[i].iov_len = 1;
		many[i].msg_hdr.msg_iov = &bytes[i];
		many[i].msg_hdr.msg_iovlen = 1;
	}
	sendmmsg(st[0], many, MANY, 0);
	for (int i = 0; i < MANY; i++)
		bytes[i].iov_base = &sink[i];
	recvmmsg(st[1], many, MANY, MSG_DONTWAIT, NULL);
	sendmmsg(st[0], NULL, 0, 0);
	sendmmsg(-1, many, 1, 0);
	return 0;
}
