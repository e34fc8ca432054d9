/* Single-threaded file I/O on a file in the current directory and on missing paths:
 * the calls most traces are made of, with successes and errno returns. The long write
 * exercises string truncation (-s). Run in a scratch directory: it leaves nothing behind. */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PATH "conformance-file.tmp"

int main(void)
{
	static const char line[] = "hello, conformance\n";
	char lots[200], buf[64];
	struct stat st;
	int fd;

	memset(lots, 'x', sizeof(lots));
	fd = open(PATH, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0)
		return 1;
	write(fd, line, sizeof(line) - 1);
	write(fd, lots, sizeof(lots));
	close(fd);

	fd = open(PATH, O_RDONLY);
	read(fd, buf, sizeof(buf));
	lseek(fd, 7, SEEK_SET);
	read(fd, buf, 5);
	lseek(fd, -4, SEEK_END);
	fstat(fd, &st);
	pread(fd, buf, 8, 2);
	close(fd);
	close(fd); /* EBADF */

	stat(PATH, &st);
	lstat("/nonexistent/conformance", &st);
	open("/nonexistent/conformance", O_RDONLY);
	access(PATH, R_OK | W_OK);
	rename(PATH, PATH ".2");
	unlink(PATH ".2");
	unlink(PATH); /* ENOENT */
	return 0;
}
