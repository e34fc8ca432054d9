/* long_call: one call that takes milliseconds without ever blocking (no enter record: its
 * start time comes only from the enter stamp), then getpid. getrandom of 32 MiB. */
#include <stdlib.h>
#include <sys/random.h>
#include <unistd.h>

int main(void)
{
	size_t size = 32 << 20;
	char *buf = malloc(size);

	if (!buf || getrandom(buf, size, 0) <= 0)
		return 1;
	getpid();
	return 0;
}
