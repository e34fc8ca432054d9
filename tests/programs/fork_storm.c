/* fork_storm N: N short-lived children, at most 16 alive at once; each makes one getppid and
 * exits with its index modulo 200. The parent waits for all and exits 0 if each exited as
 * expected. */
#include <stdlib.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 0, alive = 0, bad = 0;

	for (int i = 0; i < n || alive; i++) {
		if (i < n) {
			pid_t child = fork();

			if (child == 0) {
				syscall(SYS_getppid);
				_exit(i % 200);
			}
			if (child < 0)
				return 2;
			alive++;
		}
		if (alive == 16 || i >= n) {
			int status;

			if (wait(&status) < 0 || !WIFEXITED(status))
				bad++;
			alive--;
		}
	}
	return bad ? 1 : 0;
}
