// format: -e read=SET / -e write=SET, strace's dumpio(): after the line of a call that moved
// data through a selected descriptor, every byte of it as hex and ASCII.
#pragma once

#include <functional>
#include <string_view>

#include <fmt/format.h>

#include "estrace/model/event.h"

namespace estrace::format {

// " | 00000  48 65 6c 6c 6f 0a                                 Hello.           |\n" lines
// for `data`, 16 bytes a line.
void format_hexdump(std::string_view data, fmt::memory_buffer& out);

// The dump lines of `call` when it reads from a descriptor `reads` selects or writes to one
// `writes` selects (read, pread64, recvfrom, readv...; write, pwrite64, sendto, writev...).
// Vectored calls get strace's " * 3 bytes in buffer 0" before each buffer. What was not
// captured (past the capture limit) is not shown.
void format_io_dump(const model::Call& call, const std::function<bool(int)>& reads,
                    const std::function<bool(int)>& writes, fmt::memory_buffer& out);

// True when `nr` is a call format_io_dump knows: its buffer needs capturing whole.
bool moves_data(uint32_t nr);

}  // namespace estrace::format
