/* worker: obeys one command per stdin line and says on stdout when it is done, so a test
 * can order its calls against a tracer's output without sleeping.
 *   tick  -> one getppid call, then "ticked"
 *   fork  -> a child makes one getppid call and exits; then "child PID"
 *   name X -> renames itself to X (prctl PR_SET_NAME), then "named"
 *   exit  -> exits 0 (so does end of input) */
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	char line[64];

	setvbuf(stdout, NULL, _IONBF, 0);
	while (fgets(line, sizeof(line), stdin)) {
		if (!strncmp(line, "tick", 4)) {
			syscall(SYS_getppid);
			printf("ticked\n");
		} else if (!strncmp(line, "fork", 4)) {
			pid_t child = fork();

			if (child == 0) {
				syscall(SYS_getppid);
				_exit(0);
			}
			waitpid(child, NULL, 0);
			printf("child %d\n", child);
		} else if (!strncmp(line, "name ", 5)) {
			line[strcspn(line, "\n")] = 0;
			prctl(PR_SET_NAME, line + 5, 0, 0, 0);
			printf("named\n");
		} else if (!strncmp(line, "exit", 4)) {
			break;
		}
	}
	return 0;
}
