/* See floor_run.h. */
#include "floor_run.h"

#include <bpf/libbpf.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int floor_spawn(char **argv, struct floor_child *child)
{
	int gate[2];
	char byte;

	if (pipe(gate))
		return -1;
	child->pid = fork();
	if (child->pid < 0)
		return -1;
	if (child->pid == 0) {
		close(gate[1]);
		/* EOF (the tracer closed its end) or a byte both mean: go. */
		while (read(gate[0], &byte, 1) < 0 && errno == EINTR)
			;
		close(gate[0]);
		execvp(argv[0], argv);
		perror(argv[0]);
		_exit(127);
	}
	close(gate[0]);
	child->gate = gate[1];
	return 0;
}

void floor_release(struct floor_child *child)
{
	close(child->gate);
	child->gate = -1;
}

void floor_abort(struct floor_child *child)
{
	kill(child->pid, SIGKILL);
	waitpid(child->pid, NULL, 0);
}

int floor_wait(const struct floor_child *child, void (*poll)(void *ctx), void *ctx)
{
	const struct timespec tick = { .tv_nsec = 1000 * 1000 };
	int status;

	for (;;) {
		pid_t r = waitpid(child->pid, &status, WNOHANG);

		if (r == child->pid)
			break;
		if (r < 0 && errno != EINTR)
			return 1;
		if (poll)
			poll(ctx);
		nanosleep(&tick, NULL);
	}
	if (poll)
		poll(ctx);
	if (WIFSIGNALED(status))
		return 128 + WTERMSIG(status);
	return WEXITSTATUS(status);
}

static int print_warnings(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG || level == LIBBPF_INFO)
		return 0;
	return vfprintf(stderr, fmt, ap);
}

void floor_quiet_libbpf(void)
{
	libbpf_set_print(print_warnings);
}
