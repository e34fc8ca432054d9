// format: errno names and messages, including the kernel-internal codes strace knows.
#pragma once

#include <fmt/format.h>

namespace estrace::format {

// Appends what follows "= " for a failed call: "-1 ENOENT (No such file or directory)", or
// "? ERESTARTSYS (To be restarted if SA_RESTART is set)" for the restart codes.
void print_error_return(fmt::memory_buffer& out, int err);

}  // namespace estrace::format
