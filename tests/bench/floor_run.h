/* The floor tracers' launcher: start a command behind a gate, let the caller register it
 * and attach, open the gate, then wait while calling a poll function every millisecond
 * (the cadence estrace's reader uses, since submits do not wake it). */
#ifndef ESTRACE_FLOOR_RUN_H
#define ESTRACE_FLOOR_RUN_H

#include <sys/types.h>

struct floor_child {
	pid_t pid;
	int gate; /* write end: closing it lets the child exec */
};

/* Forks; the child blocks until floor_release(), then execs argv. 0 or -1. */
int floor_spawn(char **argv, struct floor_child *child);

void floor_release(struct floor_child *child);

/* Kills and reaps a child that never passed the gate: an untraced run must not
 * print a result the benchmark would take for a traced one. */
void floor_abort(struct floor_child *child);

/* Waits for the child, calling poll(ctx) every ~1 ms. Returns an exit code in the
 * shell's convention (128 + signal when killed). */
int floor_wait(const struct floor_child *child, void (*poll)(void *ctx), void *ctx);

/* Routes libbpf's messages: warnings and errors only. */
void floor_quiet_libbpf(void);

#endif
