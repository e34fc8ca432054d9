// fork_server N: listens on 127.0.0.1 (ephemeral port, printed as "port P\n" on stdout),
// forks one worker per connection for N connections, waits for all workers, exits 0.
// Each worker does one call that fails deterministically even as root, replies "ok\n" and
// exits 0, so a -f test can find every child's lines by their pid prefix.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void worker(int conn)
{
	(void)open("/nonexistent/worker", O_RDONLY); // ENOENT: the directory does not exist
	(void)write(conn, "ok\n", 3);
	_exit(0);
}

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 2;
	int s = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in addr = { .sin_family = AF_INET,
				    .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
	socklen_t len = sizeof addr;
	if (s < 0 || bind(s, (struct sockaddr *)&addr, sizeof addr) != 0 || listen(s, 8) != 0 ||
	    getsockname(s, (struct sockaddr *)&addr, &len) != 0)
		return 2;
	char line[32];
	int l = snprintf(line, sizeof line, "port %d\n", ntohs(addr.sin_port));
	(void)write(1, line, (size_t)l); // one write: the test waits for this line
	for (int i = 0; i < n; i++) {
		int c = accept(s, NULL, NULL);
		if (c < 0)
			return 2;
		pid_t pid = fork();
		if (pid == 0)
			worker(c);
		close(c);
	}
	int status, failed = 0;
	for (int i = 0; i < n; i++)
		if (wait(&status) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
			failed = 1;
	return failed;
}
