// syscalls: the catalogue. Number <-> name for x86_64 (and i386), syscall classes for
// -e trace=%file etc., and the one signature table that drives both BPF capture and printing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "estrace/abi/capture_spec.h"

namespace estrace::syscalls {

// Classes as strace's -e trace=%NAME knows them (bits, a syscall can be in several).
enum Class : uint32_t {
  kFile = 1u << 0,
  kProcess = 1u << 1,
  kNetwork = 1u << 2,
  kSignal = 1u << 3,
  kIpc = 1u << 4,
  kDesc = 1u << 5,
  kMemory = 1u << 6,
  kCreds = 1u << 7,
  kClock = 1u << 8,
  kStat = 1u << 9,
  kLstat = 1u << 10,
  kFstat = 1u << 11,
  kStatfs = 1u << 12,
  kFstatfs = 1u << 13,
  kStatLike = 1u << 14,  // %%stat
  kPure = 1u << 15,
  kStatfsLike = 1u << 16,  // %%statfs
};

// Highest x86_64 number in the table plus one.
uint32_t table_size();

// "openat" for 257; empty for a number with no name.
std::string_view name_of(uint32_t nr);

// 257 for "openat"; nullopt for an unknown name.
std::optional<uint32_t> number_of(std::string_view name);

// Class bits of a syscall (0 when unknown).
uint32_t classes_of(uint32_t nr);

// Resolve an -e trace= expression (names, %classes, !negation, /regex, ?prefix) to a set of
// numbers: x86_64 numbers and ia32 keys (compat.h), a name selecting the call of either. On bad
// input returns nullopt and sets `error` to a one-line message.
std::optional<std::vector<uint32_t>> resolve_trace_set(std::string_view expr, std::string& error);

// The words an -e trace= item can be: every syscall name (x86_64 and i386) in name order, then
// every %class. What shell completion offers.
std::vector<std::string> trace_set_words();

// The capture row the BPF side loads for `nr` (an x86_64 number or an ia32 key): which arguments to
// copy, when, and how much. `string_limit` is -s: buffers are copied up to that many bytes (+1 to
// know to print "...").
es_syscall_spec capture_spec(uint32_t nr, unsigned string_limit);

// For -y: adds to `spec` a capture of what the fds a call creates refer to (its returned fd,
// pipe's int[2], or the fds a receive's SCM_RIGHTS messages brought). Returns false when the
// call creates none. A spec with no slot left for it throws std::length_error, as
// capture_spec does for a row that needs more than ES_MAX_CAPTURES: a bug in the tables.
bool add_fd_identity(uint32_t nr, es_syscall_spec& spec);

// For -yy: marks the call's descriptor arguments (spec.fd_args) so the BPF side describes
// their sockets as the call starts; the fds it returns are described through the slot
// add_fd_identity added. Returns false when the call takes no descriptor.
bool add_socket_identity(uint32_t nr, es_syscall_spec& spec);

// The same with -v: execve's envp is then copied as strings (printed in full) instead of counted.
es_syscall_spec capture_spec(uint32_t nr, unsigned string_limit, bool verbose);

}  // namespace estrace::syscalls
