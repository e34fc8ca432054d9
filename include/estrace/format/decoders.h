// format: whole-call decoders for the few syscalls whose text a per-argument table cannot
// express (strace's own "family decoders"): arguments shown in another order or under names
// (clone), shown or hidden by another argument in ways beyond `shown` (futex), or a struct
// whose result follows it (clone3's "=> {parent_tid=[N]}"). One table, keyed by syscall name.
#pragma once

#include <cstdint>

#include "estrace/format/printers.h"

namespace estrace::format {

struct CallDecoder {
  const char* name;  // the syscall, as in the signature table
  // What is printed when the call starts, after "NAME(": "child_stack=NULL, flags=SIGCHLD".
  void (*enter)(const ArgContext& c) = nullptr;
  // The rest before ")": ", child_tidptr=0x7f...". May be null when enter printed all.
  void (*exit)(const ArgContext& c) = nullptr;
};

// The decoder for syscall `nr` (x86_64), or nullptr: the signature row drives the line.
const CallDecoder* call_decoder(uint32_t nr);

}  // namespace estrace::format
