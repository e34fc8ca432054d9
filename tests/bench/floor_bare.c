/* floor_bare CMD [ARGS...]: runs CMD (and its children) with a minimal real tracer:
 * tgid filter, a 64-byte record at each enter and exit, a reader draining every 1 ms.
 * Prints "floor_bare: N records, M events lost" on stderr when CMD ends. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <stdio.h>
#include <unistd.h>

#include "floor_bare.h"
#include "floor_bare.skel.h"
#include "floor_run.h"

static int count_record(void *ctx, void *data, size_t size)
{
	(void)data;
	(void)size;
	++*(unsigned long long *)ctx;
	return 0;
}

static void drain(void *rb)
{
	ring_buffer__consume(rb);
}

static unsigned long long lost_total(struct floor_bare_bpf *skel)
{
	int ncpu = libbpf_num_possible_cpus();
	unsigned long long per_cpu[ncpu > 0 ? ncpu : 1], sum = 0;
	unsigned int zero = 0;

	if (ncpu <= 0 ||
	    bpf_map__lookup_elem(skel->maps.lost, &zero, sizeof(zero), per_cpu, sizeof(per_cpu), 0))
		return 0;
	for (int i = 0; i < ncpu; i++)
		sum += per_cpu[i];
	return sum;
}

int main(int argc, char **argv)
{
	unsigned long long records = 0;
	struct floor_bare_bpf *skel;
	struct ring_buffer *rb;
	struct floor_child child;
	unsigned int tgid;
	unsigned char one = 1;
	int code;

	if (argc < 2) {
		fprintf(stderr, "usage: floor_bare CMD [ARGS...]\n");
		return 2;
	}
	floor_quiet_libbpf();
	if (floor_spawn(argv + 1, &child)) {
		perror("floor_bare: fork");
		return 1;
	}
	tgid = (unsigned int)child.pid;
	skel = floor_bare_bpf__open_and_load();
	if (!skel ||
	    bpf_map__update_elem(skel->maps.traced, &tgid, sizeof(tgid), &one, sizeof(one),
				 BPF_ANY) ||
	    floor_bare_bpf__attach(skel)) {
		fprintf(stderr, "floor_bare: cannot load or attach the BPF programs\n");
		floor_abort(&child);
		return 1;
	}
	rb = ring_buffer__new(bpf_map__fd(skel->maps.events), count_record, &records, NULL);
	if (!rb) {
		fprintf(stderr, "floor_bare: cannot open the ring buffer\n");
		floor_abort(&child);
		return 1;
	}
	floor_release(&child);
	code = floor_wait(&child, drain, rb);
	fprintf(stderr, "floor_bare: %llu records, %llu events lost\n", records, lost_total(skel));
	ring_buffer__free(rb);
	floor_bare_bpf__destroy(skel);
	return code;
}
