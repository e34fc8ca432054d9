/* Signals: a handler installed with sigaction, a signal sent to ourselves (the
 * "--- SIGUSR1 {...} ---" line and rt_sigreturn), a blocked-then-unblocked signal,
 * and SIGCHLD from a child whose exit is caught by a handler. */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	caught = sig;
}

int main(void)
{
	struct sigaction sa;
	sigset_t set;
	pid_t pid;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGCHLD, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	kill(getpid(), SIGUSR1);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigaction(SIGUSR2, &sa, NULL);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR2);
	sigprocmask(SIG_UNBLOCK, &set, NULL);

	/* SIGCHLD stays blocked until the child is reaped, so it is delivered at a fixed
	 * point (the unblocking rt_sigprocmask) on every run. */
	sigaddset(&set, SIGCHLD);
	sigprocmask(SIG_BLOCK, &set, NULL);
	pid = fork();
	if (pid == 0)
		_exit(5);
	waitpid(pid, NULL, 0);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	return caught == SIGCHLD ? 0 : 1;
}
