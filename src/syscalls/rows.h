// Internal to src/syscalls: the shorthands signature rows are written with, so a row reads like
// the kernel prototype (shared by the x86_64 and i386 tables).
#pragma once

#include <initializer_list>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/signature.h"

namespace estrace::syscalls::rows {

using K = ArgKind;
constexpr ArgSig in(K k, uint8_t aux = 0) { return {k, kIn, aux}; }
constexpr ArgSig out(K k, uint8_t aux = 0) { return {k, kOut, aux}; }

// The common argument shapes, so rows read like prototypes.
constexpr ArgSig FD = in(K::Fd), INT = in(K::Int), UINT = in(K::Uint), LONG = in(K::Long),
                 ULONG = in(K::Ulong), HEX = in(K::Hex), PTR = in(K::Ptr), OPTR = out(K::Ptr),
                 PATH = in(K::Path), STR = in(K::Str), DIRFD = in(K::Dirfd), MODE = in(K::Octal),
                 ATFL = in(K::AtFlags), SIG = in(K::Signo), CLK = in(K::ClockId), PID = in(K::Pid);

// strace's TRACE_* classes under their syscallent names.
constexpr uint32_t TD = kDesc, TF = kFile, TI = kIpc, TN = kNetwork, TP = kProcess, TS = kSignal,
                   TM = kMemory, TC = kCreds, TCL = kClock, TST = kStat, TLST = kLstat,
                   TFST = kFstat, TSTA = kStatLike, TSF = kStatfs, TFSF = kFstatfs,
                   TSFA = kStatfsLike, PU = kPure;

constexpr uint8_t BL = kMayBlock, NR = kNoReturn, AE = kAtEnter, IO = kDumpsIo;

// The result column: how "= RET" prints and, where the argument kinds cannot tell, what a
// successful call does to the descriptor table (row() works the rest out: fd_effect_of).
struct Result {
  RetKind kind = RetKind::Int;
  FdEffect fd = FdEffect::None;  // None: as the return and argument kinds say
};
constexpr Result RI{RetKind::Int}, RF{RetKind::Fd}, RH{RetKind::Hex}, RO{RetKind::Octal},
    RP{RetKind::Pid}, RC{RetKind::ChildPid},
    ROPEN{RetKind::Fd, FdEffect::OpenPath},  // the fd opens the path argument
    RDUP{RetKind::Fd, FdEffect::Dup},        // the fd is a copy of args[0]
    RCLOSE{RetKind::Int, FdEffect::Close},   // args[0] is closed
    RCWD{RetKind::Int, FdEffect::Chdir},     // the path or fd argument is the new cwd
    RFD_INT{RetKind::Int, FdEffect::NewFd};  // an int that may be a new fd (bpf's objects)

// What a successful call does to the descriptor table, from its kinds: a returned fd is new;
// pipe's int[2] holds two; a receive's msghdr may bring some; execve replaces the image.
constexpr FdEffect fd_effect_of(const Signature& s, FdEffect named) {
  if (named != FdEffect::None) return named;
  for (int i = 0; i < s.nargs; ++i) {
    const ArgSig& a = s.args[i];
    if (a.kind == K::PipeFds) return FdEffect::FdPair;
    if (a.dir == kOut && (a.kind == K::Msghdr || a.kind == K::Mmsghdr)) return FdEffect::Received;
    if (a.kind == K::Argv) return FdEffect::Exec;
    if (a.kind == K::FcntlCmd) return FdEffect::DupByCmd;
  }
  return s.ret == RetKind::Fd ? FdEffect::NewFd : FdEffect::None;
}

constexpr Signature row(unsigned nr, const char* name, uint32_t classes, uint8_t flags, Result ret,
                        std::initializer_list<ArgSig> args) {
  Signature s;
  s.nr = static_cast<uint16_t>(nr);
  s.name = name;
  s.classes = classes;
  s.flags = flags;
  s.ret = ret.kind;
  s.nargs = static_cast<uint8_t>(args.size());
  int i = 0;
  for (const ArgSig& a : args) s.args[i++] = a;
  s.fd = fd_effect_of(s, ret.fd);
  return s;
}

// A row printed by a whole-call decoder (format/decoders.cpp) instead of argument by argument.
constexpr Signature decoded(Decoder d, Signature s) {
  s.decoder = d;
  return s;
}

}  // namespace estrace::syscalls::rows
