/* floor_empty CMD [ARGS...]: runs CMD while empty sys_enter/sys_exit programs are attached
 * system-wide. Measures the bare price of a tp_btf syscall tracer existing at all. */
#include <stdio.h>

#include "floor_empty.skel.h"
#include "floor_run.h"

int main(int argc, char **argv)
{
	struct floor_empty_bpf *skel;
	struct floor_child child;
	int code;

	if (argc < 2) {
		fprintf(stderr, "usage: floor_empty CMD [ARGS...]\n");
		return 2;
	}
	floor_quiet_libbpf();
	if (floor_spawn(argv + 1, &child)) {
		perror("floor_empty: fork");
		return 1;
	}
	skel = floor_empty_bpf__open_and_load();
	if (!skel || floor_empty_bpf__attach(skel)) {
		fprintf(stderr, "floor_empty: cannot load or attach the BPF programs\n");
		floor_abort(&child);
		return 1;
	}
	floor_release(&child);
	code = floor_wait(&child, NULL, NULL);
	floor_empty_bpf__destroy(skel);
	return code;
}
