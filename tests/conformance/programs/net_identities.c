/* -yy's socket identities in every form strace 6.1 prints: unix socketpairs, a unix listener
 * on a path and on an abstract name (with the accepted and connecting ends), unix datagrams,
 * netlink before and after bind, TCP over IPv6 loopback, a UDP socket bound then connected
 * (strace keeps the first answer it got), an autobound UDPv6 sender and a raw socket. */
#define _GNU_SOURCE /* struct ucred */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <netinet/in.h>
#include <stddef.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

static void unix_pairs(void)
{
	int sv[2];

	socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
	write(sv[0], "a", 1);
	close(sv[0]);
	close(sv[1]);
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	write(sv[0], "a", 1);
	close(sv[0]);
	close(sv[1]);
}

/* A listener, a client and the accepted connection on `addr` (a path or an abstract name). */
static void unix_listener(int type, const struct sockaddr_un *addr, socklen_t len)
{
	char c;
	int l = socket(AF_UNIX, type, 0);
	bind(l, (const struct sockaddr *)addr, len);
	listen(l, 1);
	int cli = socket(AF_UNIX, type, 0);
	connect(cli, (const struct sockaddr *)addr, len);
	int s = accept(l, NULL, NULL);
	write(cli, "x", 1);
	read(s, &c, 1);
	close(s);
	close(cli);
	close(l);
}

static void unix_datagrams(const struct sockaddr_un *addr, socklen_t len)
{
	int rx = socket(AF_UNIX, SOCK_DGRAM, 0);
	bind(rx, (const struct sockaddr *)addr, len);
	int tx = socket(AF_UNIX, SOCK_DGRAM, 0);
	sendto(tx, "y", 1, 0, (const struct sockaddr *)addr, len);
	connect(tx, (const struct sockaddr *)addr, len);
	write(tx, "z", 1);
	close(tx);
	close(rx);
}

/* Descriptors and credentials passed over a unix datagram pair (msg_control). */
static void control_messages(void)
{
	int sv[2], one = 1, fds[2] = { 0, 1 };
	union {
		char buf[CMSG_SPACE(sizeof(fds)) + CMSG_SPACE(sizeof(struct ucred))];
		struct cmsghdr align;
	} out, in;
	char byte;
	struct iovec iov = { .iov_base = "x", .iov_len = 1 },
		     in_iov = { .iov_base = &byte, .iov_len = 1 };
	struct msghdr m = { .msg_iov = &iov,
			    .msg_iovlen = 1,
			    .msg_control = out.buf,
			    .msg_controllen = sizeof(out.buf) };
	struct ucred cred = { .pid = getpid(), .uid = getuid(), .gid = getgid() };

	memset(&out, 0, sizeof(out));
	socketpair(AF_UNIX, SOCK_DGRAM, 0, sv);
	setsockopt(sv[1], SOL_SOCKET, SO_PASSCRED, &one, sizeof(one));
	struct cmsghdr *c = CMSG_FIRSTHDR(&m);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_RIGHTS;
	c->cmsg_len = CMSG_LEN(sizeof(fds));
	memcpy(CMSG_DATA(c), fds, sizeof(fds));
	c = CMSG_NXTHDR(&m, c);
	c->cmsg_level = SOL_SOCKET;
	c->cmsg_type = SCM_CREDENTIALS;
	c->cmsg_len = CMSG_LEN(sizeof(cred));
	memcpy(CMSG_DATA(c), &cred, sizeof(cred));
	sendmsg(sv[0], &m, 0);
	struct msghdr r = { .msg_iov = &in_iov,
			    .msg_iovlen = 1,
			    .msg_control = in.buf,
			    .msg_controllen = sizeof(in.buf) };
	recvmsg(sv[1], &r, 0);
	close(sv[0]);
	close(sv[1]);
}

static void netlink(void)
{
	struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	socklen_t len = sizeof(nl);
	int n = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	bind(n, (struct sockaddr *)&nl, sizeof(nl));
	getsockname(n, (struct sockaddr *)&nl, &len);
	close(n);
}

static void tcp6(void)
{
	struct sockaddr_in6 a = { .sin6_family = AF_INET6, .sin6_addr = IN6ADDR_LOOPBACK_INIT };
	socklen_t len = sizeof(a);
	int l = socket(AF_INET6, SOCK_STREAM, 0);
	bind(l, (struct sockaddr *)&a, sizeof(a));
	listen(l, 1);
	getsockname(l, (struct sockaddr *)&a, &len);
	int cli = socket(AF_INET6, SOCK_STREAM, 0);
	connect(cli, (struct sockaddr *)&a, sizeof(a));
	int s = accept(l, NULL, NULL);
	write(cli, "x", 1);
	close(s);
	close(cli);
	close(l);

	int u6 = socket(AF_INET6, SOCK_DGRAM, 0);
	sendto(u6, "x", 1, 0, (struct sockaddr *)&a, sizeof(a)); /* autobinds to [::]:port */
	close(u6);
}

static void udp_bound_then_connected(void)
{
	struct sockaddr_in in = { .sin_family = AF_INET,
				  .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof(in);
	int u = socket(AF_INET, SOCK_DGRAM, 0);
	bind(u, (struct sockaddr *)&in, sizeof(in));
	getsockname(u, (struct sockaddr *)&in, &len);
	connect(u, (struct sockaddr *)&in, sizeof(in));
	write(u, "x", 1);
	close(u);
}

int main(void)
{
	struct sockaddr_un path = { .sun_family = AF_UNIX, .sun_path = "identities.sock" };
	struct sockaddr_un abstract = { .sun_family = AF_UNIX, .sun_path = "\0identities" };
	socklen_t abstract_len = offsetof(struct sockaddr_un, sun_path) + 11;

	unix_pairs();
	unlink(path.sun_path);
	unix_listener(SOCK_STREAM, &path, sizeof(path));
	unlink(path.sun_path);
	unix_listener(SOCK_SEQPACKET, &abstract, abstract_len);
	unix_datagrams(&abstract, abstract_len);
	control_messages();
	netlink();
	tcp6();
	udp_bound_then_connected();
	int r = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
	close(r);
	return 0;
}
