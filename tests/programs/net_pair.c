/* A TCP connection over loopback and SCM_RIGHTS messages over a unix socketpair (stdin's
 * descriptor, then /dev/null's, both received by one recvmmsg), for the network decoding
 * tests. Prints the connection's ports ("client P server Q") so the test knows what -yy
 * must show. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in srv = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	struct sockaddr_in local;
	socklen_t len = sizeof(srv);
	char buf[8];

	int l = socket(AF_INET, SOCK_STREAM, 0);
	if (bind(l, (struct sockaddr *)&srv, sizeof(srv)) || listen(l, 1) ||
	    getsockname(l, (struct sockaddr *)&srv, &len))
		return 1;
	int c = socket(AF_INET, SOCK_STREAM, 0);
	if (connect(c, (struct sockaddr *)&srv, sizeof(srv)))
		return 1;
	len = sizeof(local);
	getsockname(c, (struct sockaddr *)&local, &len);
	int s = accept(l, NULL, NULL);
	sendto(c, "ping", 4, 0, NULL, 0);
	recvfrom(s, buf, sizeof(buf), 0, NULL, NULL);
	printf("client %d server %d\n", ntohs(local.sin_port), ntohs(srv.sin_port));
	fflush(stdout);
	close(s);
	close(c);
	close(l);

	/* Pass stdin's descriptor to the other end of a socketpair. */
	int sv[2];
	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} control;
	struct iovec iov = { .iov_base = "x", .iov_len = 1 };
	struct msghdr msg = { .msg_iov = &iov,
			      .msg_iovlen = 1,
			      .msg_control = control.buf,
			      .msg_controllen = sizeof(control.buf) };
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
	int fd = 0;

	cmsg->cmsg_level = SOL_SOCKET;
	cmsg->cmsg_type = SCM_RIGHTS;
	cmsg->cmsg_len = CMSG_LEN(sizeof(int));
	memcpy(CMSG_DATA(cmsg), &fd, sizeof(fd));
	sendmsg(sv[0], &msg, 0);
	fd = open("/dev/null", O_RDONLY);
	memcpy(CMSG_DATA(cmsg), &fd, sizeof(fd));
	sendmsg(sv[0], &msg, 0);

	/* One message per descriptor: a stream read stops after the one that brought fds. */
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} in_control[2];
	char in_bytes[2][4];
	struct iovec in_iov[2] = { { in_bytes[0], 4 }, { in_bytes[1], 4 } };
	struct mmsghdr in[2];
	int got;

	memset(in, 0, sizeof(in));
	for (int i = 0; i < 2; i++) {
		in[i].msg_hdr.msg_iov = &in_iov[i];
		in[i].msg_hdr.msg_iovlen = 1;
		in[i].msg_hdr.msg_control = in_control[i].buf;
		in[i].msg_hdr.msg_controllen = sizeof(in_control[i].buf);
	}
	if (recvmmsg(sv[1], in, 2, MSG_DONTWAIT, NULL) == 2) {
		memcpy(&got, CMSG_DATA(CMSG_FIRSTHDR(&in[1].msg_hdr)), sizeof(got));
		close(got);
	}
	close(sv[0]);
	close(sv[1]);
	return 0;
}
