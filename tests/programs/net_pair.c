/* A TCP connection over loopback and an SCM_RIGHTS message over a unix socketpair, for the
 * network decoding tests. Prints the connection's ports ("client P server Q") so the test
 * knows what -yy must show. */
#include <arpa/inet.h>
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
	close(sv[0]);
	close(sv[1]);
	return 0;
}
