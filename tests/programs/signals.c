// signals [kill]: kill(getpid(), SIGUSR1) with a handler installed (SI_USER from itself), then
// a child that exits 0 while SIGCHLD has a handler (so the signal is really delivered, not
// discarded as default-ignored). Prints "pid P\nchild C\n" so the test knows both pids.
// With "kill", ends with kill(getpid(), SIGKILL): "+++ killed by SIGKILL +++", status 137.
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got_usr1, got_chld;
static void on_usr1(int sig)
{
	(void)sig;
	got_usr1 = 1;
}
static void on_chld(int sig)
{
	(void)sig;
	got_chld = 1;
}

int main(int argc, char **argv)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigaction(SIGUSR1, &sa, NULL);
	sa.sa_handler = on_chld;
	sa.sa_flags = SA_RESTART;
	sigaction(SIGCHLD, &sa, NULL);

	char line[64];
	int l = snprintf(line, sizeof line, "pid %d\n", (int)getpid());
	(void)write(1, line, (size_t)l);
	kill(getpid(), SIGUSR1); // delivered on the way out of kill()
	if (!got_usr1)
		return 1;

	pid_t child = fork();
	if (child == 0)
		_exit(0);
	l = snprintf(line, sizeof line, "child %d\n", (int)child);
	(void)write(1, line, (size_t)l);
	int status;
	if (waitpid(child, &status, 0) != child)
		return 1;
	// Wait for the SIGCHLD handler itself (it may run after waitpid returns); the signal is
	// pending by the time the child is reaped, so this cannot block forever.
	sigset_t none;
	sigemptyset(&none);
	sigset_t chld;
	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	sigprocmask(SIG_BLOCK, &chld, NULL);
	while (!got_chld)
		sigsuspend(&none);

	if (argc > 1 && strcmp(argv[1], "kill") == 0)
		kill(getpid(), SIGKILL);
	return 0;
}
