// format: whole-call decoders for the few syscalls whose text a per-argument table cannot
// express (strace's own "family decoders"): arguments shown in another order or under names
// (clone), shown or hidden by another argument in ways beyond `shown` (futex), or a struct
// whose result follows it (clone3's "=> {parent_tid=[N]}"). A signature row names its decoder
// (syscalls::Decoder); this is what each one prints.
#pragma once

#include "estrace/format/printers.h"
#include "estrace/syscalls/signature.h"

namespace estrace::format {

struct CallDecoder {
  // What is printed when the call starts, after "NAME(": "child_stack=NULL, flags=SIGCHLD".
  void (*enter)(const ArgContext& c) = nullptr;
  // The rest before ")": ", child_tidptr=0x7f...". May be null when enter printed all.
  void (*exit)(const ArgContext& c) = nullptr;
};

// The decoder a row names, or nullptr for Decoder::None: the row's argument kinds drive the line.
const CallDecoder* call_decoder(syscalls::Decoder d);

}  // namespace estrace::format
