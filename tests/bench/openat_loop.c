/* openat_loop N hit|miss: N openat calls on an existing file (each followed by close) or
 * on a missing one. Path-capturing calls cost a tracer more than getppid, and with
 * `-e trace=openat` the closes show what an in-kernel syscall filter saves. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "bench_util.h"

int main(int argc, char **argv)
{
	const char *path;
	long n;
	int hit;
	long long t0;

	if (argc != 3 || (strcmp(argv[2], "hit") && strcmp(argv[2], "miss"))) {
		fprintf(stderr, "usage: openat_loop N hit|miss\n");
		return 2;
	}
	n = bench_count(argv[1]);
	hit = !strcmp(argv[2], "hit");
	/* Both paths are on every Debian system and neither is a symlink. */
	path = hit ? "/etc/passwd" : "/etc/estrace-bench-missing";
	t0 = bench_now_ns();
	for (long i = 0; i < n; i++) {
		int fd = openat(AT_FDCWD, path, O_RDONLY | O_CLOEXEC);

		if (hit) {
			if (fd < 0) {
				perror(path);
				return 1;
			}
			close(fd);
		}
	}
	bench_report(bench_now_ns() - t0, hit ? 2 * n : n);
	return 0;
}
