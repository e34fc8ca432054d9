/* blocked_read.c built as a static 32-bit program: blocked in the i386 read when attached to. */
#include "../blocked_read.c"
