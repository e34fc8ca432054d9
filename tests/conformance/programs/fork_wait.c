/* fork + wait4 + exit codes: one child exits with a code, one is killed by a signal.
 * Without -f only the parent is traced (wait statuses, SIGCHLD); with -f the children's
 * lines and "+++ exited with 3 +++" / "+++ killed by SIGKILL +++" appear too. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
	sigset_t chld;
	int status;
	pid_t pid;

	/* SIGCHLD stays blocked until each child is reaped: otherwise it shows up before or
	 * after wait4 depending on which process the scheduler ran first. */
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid = fork();
	if (pid == 0)
		_exit(3);
	waitpid(pid, &status, 0);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);

	sigprocmask(SIG_BLOCK, &chld, NULL);
	pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGKILL);
		_exit(0);
	}
	waitpid(pid, &status, 0);
	sigprocmask(SIG_UNBLOCK, &chld, NULL);

	waitpid(-1, &status, WNOHANG); /* ECHILD */
	return WEXITSTATUS(status) == 0 ? 7 : 8;
}
