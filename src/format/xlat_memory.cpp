// Memory constants: mmap(2) protections and flags, msync(2), madvise(2), mremap(2).
#include <linux/mman.h>
#include <sys/mman.h>

#include "estrace/format/xlat_tables.h"

#define X(c) \
  XlatEntry { static_cast<uint64_t>(c), #c }

namespace estrace::format::xlat {
namespace {

#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
#ifndef MAP_SYNC
#define MAP_SYNC 0x80000
#endif
#ifndef MAP_SHARED_VALIDATE
#define MAP_SHARED_VALIDATE 0x03
#endif
#ifndef MREMAP_DONTUNMAP
#define MREMAP_DONTUNMAP 4
#endif

constexpr XlatEntry kMmapProtE[] = {X(PROT_NONE), X(PROT_READ),      X(PROT_WRITE),  X(PROT_EXEC),
                                    X(PROT_SEM),  X(PROT_GROWSDOWN), X(PROT_GROWSUP)};
// The low bits of mmap flags are a type, not flags: strace prints them as an enum first.
constexpr XlatEntry kMmapTypeE[] = {
    {0, "MAP_FILE"}, X(MAP_SHARED), X(MAP_PRIVATE), X(MAP_SHARED_VALIDATE)};
constexpr XlatEntry kMmapFlagsE[] = {
    X(MAP_FIXED),    X(MAP_ANONYMOUS), X(MAP_32BIT),     X(MAP_NORESERVE),       X(MAP_POPULATE),
    X(MAP_NONBLOCK), X(MAP_GROWSDOWN), X(MAP_DENYWRITE), X(MAP_EXECUTABLE),      X(MAP_LOCKED),
    X(MAP_STACK),    X(MAP_HUGETLB),   X(MAP_SYNC),      X(MAP_FIXED_NOREPLACE),
};
constexpr XlatEntry kMsyncFlagsE[] = {X(MS_SYNC), X(MS_ASYNC), X(MS_INVALIDATE)};
constexpr XlatEntry kMadviseE[] = {
    X(MADV_NORMAL),     X(MADV_RANDOM),    X(MADV_SEQUENTIAL),  X(MADV_WILLNEED),
    X(MADV_DONTNEED),   X(MADV_FREE),      X(MADV_REMOVE),      X(MADV_DONTFORK),
    X(MADV_DOFORK),     X(MADV_MERGEABLE), X(MADV_UNMERGEABLE), X(MADV_HUGEPAGE),
    X(MADV_NOHUGEPAGE), X(MADV_DONTDUMP),  X(MADV_DODUMP),      X(MADV_WIPEONFORK),
    X(MADV_KEEPONFORK), X(MADV_COLD),      X(MADV_PAGEOUT),     X(MADV_HWPOISON),
};
constexpr XlatEntry kMremapFlagsE[] = {X(MREMAP_MAYMOVE), X(MREMAP_FIXED), X(MREMAP_DONTUNMAP)};

}  // namespace

const Xlat kMmapProt{kMmapProtE, "PROT_???"};
const Xlat kMmapType{kMmapTypeE, "MAP_???"};
const Xlat kMmapFlags{kMmapFlagsE, "MAP_???"};
const Xlat kMsyncFlags{kMsyncFlagsE, "MS_???"};
const Xlat kMadvise{kMadviseE, "MADV_???"};
const Xlat kMremapFlags{kMremapFlagsE, "MREMAP_???"};

}  // namespace estrace::format::xlat
