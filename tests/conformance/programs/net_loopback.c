/* TCP over loopback in one process: socket, bind, listen, getsockname, connect, accept4,
 * sendto, recvfrom, setsockopt/getsockopt, shutdown, close; and a UDP datagram. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	struct sockaddr_in addr = { .sin_family = AF_INET,
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(addr);
	int one = 1, got = 0;
	char buf[16];

	int srv = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(srv, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	bind(srv, (struct sockaddr *)&addr, sizeof(addr));
	listen(srv, 4);
	getsockname(srv, (struct sockaddr *)&addr, &len);
	int cli = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_TCP);
	connect(cli, (struct sockaddr *)&addr, sizeof(addr));
	int conn = accept4(srv, NULL, NULL, SOCK_CLOEXEC);
	sendto(cli, "ping", 4, 0, NULL, 0);
	recvfrom(conn, buf, sizeof(buf), 0, NULL, NULL);
	len = sizeof(got);
	getsockopt(conn, SOL_SOCKET, SO_TYPE, &got, &len);
	shutdown(cli, SHUT_WR);
	close(conn);
	close(cli);
	close(srv);

	/* A datagram with an address, through sendmsg/recvmsg (msghdr, iovecs, msg_name). */
	int rx = socket(AF_INET, SOCK_DGRAM, 0), tx = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in rxa = { .sin_family = AF_INET,
				   .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t rxl = sizeof(rxa);
	bind(rx, (struct sockaddr *)&rxa, sizeof(rxa));
	getsockname(rx, (struct sockaddr *)&rxa, &rxl);
	char part1[] = "dat", part2[] = "agram", in1[4], in2[16];
	struct iovec out_iov[2] = { { part1, 3 }, { part2, 5 } },
		     in_iov[2] = { { in1, 4 }, { in2, 16 } };
	struct msghdr sm = {
		.msg_name = &rxa, .msg_namelen = sizeof(rxa), .msg_iov = out_iov, .msg_iovlen = 2
	};
	sendmsg(tx, &sm, 0);
	struct sockaddr_in from;
	struct msghdr rm = {
		.msg_name = &from, .msg_namelen = sizeof(from), .msg_iov = in_iov, .msg_iovlen = 2
	};
	recvmsg(rx, &rm, MSG_DONTWAIT);
	close(tx);
	close(rx);

	int u = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in to = { .sin_family = AF_INET,
				  .sin_port = htons(9),
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	sendto(u, "x", 1, 0, (struct sockaddr *)&to, sizeof(to));
	close(u);
	return 0;
}
