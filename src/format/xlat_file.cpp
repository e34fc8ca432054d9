// File and descriptor constants: open(2), access(2), *at(2), lseek(2), fcntl(2), flock(2), stat.
// Print order follows strace 6.1 (observed), which is not always numeric.
#include <fcntl.h>
#include <linux/stat.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "estrace/format/xlat_tables.h"

#define X(c) \
  XlatEntry { static_cast<uint64_t>(c), #c }

namespace estrace::format::xlat {
namespace {

// glibc defines O_LARGEFILE as 0 on 64-bit; the kernel's bit (asm-generic/fcntl.h) still
// reaches the syscall from 32-bit-minded callers and strace names it.
constexpr uint64_t kKernelOLargefile = 00100000;
#ifndef AT_RECURSIVE
#define AT_RECURSIVE 0x8000
#endif

constexpr XlatEntry kOpenAccessE[] = {X(O_RDONLY), X(O_WRONLY), X(O_RDWR), X(O_ACCMODE)};
constexpr XlatEntry kOpenFlagsE[] = {
    X(O_CREAT),     X(O_EXCL),    X(O_NOCTTY),  X(O_TRUNC),  X(O_APPEND),
    X(O_NONBLOCK),  X(O_SYNC),    X(O_DSYNC),   X(O_DIRECT), {kKernelOLargefile, "O_LARGEFILE"},
    X(O_NOFOLLOW),  X(O_NOATIME), X(O_CLOEXEC), X(O_PATH),   X(O_TMPFILE),
    X(O_DIRECTORY), X(FASYNC),
};
constexpr XlatEntry kAccessModesE[] = {X(F_OK), X(R_OK), X(W_OK), X(X_OK)};
constexpr XlatEntry kAtFlagsE[] = {
    X(AT_SYMLINK_NOFOLLOW), X(AT_REMOVEDIR),  X(AT_SYMLINK_FOLLOW),
    X(AT_NO_AUTOMOUNT),     X(AT_EMPTY_PATH), X(AT_RECURSIVE),
};
constexpr XlatEntry kWhenceE[] = {X(SEEK_SET), X(SEEK_CUR), X(SEEK_END), X(SEEK_DATA),
                                  X(SEEK_HOLE)};
constexpr XlatEntry kFcntlCmdsE[] = {
    X(F_DUPFD),         X(F_GETFD),      X(F_SETFD),      X(F_GETFL),     X(F_SETFL),
    X(F_GETLK),         X(F_SETLK),      X(F_SETLKW),     X(F_SETOWN),    X(F_GETOWN),
    X(F_SETSIG),        X(F_GETSIG),     X(F_SETOWN_EX),  X(F_GETOWN_EX), X(F_OFD_GETLK),
    X(F_OFD_SETLK),     X(F_OFD_SETLKW), X(F_SETLEASE),   X(F_GETLEASE),  X(F_NOTIFY),
    X(F_DUPFD_CLOEXEC), X(F_SETPIPE_SZ), X(F_GETPIPE_SZ), X(F_ADD_SEALS), X(F_GET_SEALS),
};
constexpr XlatEntry kFdFlagsE[] = {X(FD_CLOEXEC)};
constexpr XlatEntry kFlockOpsE[] = {X(LOCK_SH),   X(LOCK_EX), X(LOCK_NB),   X(LOCK_UN),
                                    X(LOCK_MAND), X(LOCK_RW), X(LOCK_READ), X(LOCK_WRITE)};
constexpr XlatEntry kStatTypesE[] = {X(S_IFREG), X(S_IFSOCK), X(S_IFIFO), X(S_IFLNK),
                                     X(S_IFDIR), X(S_IFBLK),  X(S_IFCHR)};
constexpr XlatEntry kStatModeBitsE[] = {X(S_ISUID), X(S_ISGID), X(S_ISVTX)};
constexpr XlatEntry kStatxSyncE[] = {X(AT_STATX_SYNC_AS_STAT), X(AT_STATX_FORCE_SYNC),
                                     X(AT_STATX_DONT_SYNC)};
#ifndef STATX_MNT_ID
#define STATX_MNT_ID 0x00001000U
#endif
#ifndef STATX_DIOALIGN
#define STATX_DIOALIGN 0x00002000U
#endif
// The composites first, so a full word prints as STATX_ALL or STATX_BASIC_STATS like strace.
constexpr XlatEntry kStatxMaskE[] = {
    X(STATX_ALL),    X(STATX_BASIC_STATS), X(STATX_TYPE),   X(STATX_MODE),
    X(STATX_NLINK),  X(STATX_UID),         X(STATX_GID),    X(STATX_ATIME),
    X(STATX_MTIME),  X(STATX_CTIME),       X(STATX_INO),    X(STATX_SIZE),
    X(STATX_BLOCKS), X(STATX_BTIME),       X(STATX_MNT_ID), X(STATX_DIOALIGN),
};
#ifndef STATX_ATTR_VERITY
#define STATX_ATTR_VERITY 0x00100000
#endif
#ifndef STATX_ATTR_DAX
#define STATX_ATTR_DAX 0x00200000
#endif
#ifndef STATX_ATTR_MOUNT_ROOT
#define STATX_ATTR_MOUNT_ROOT 0x00002000
#endif
constexpr XlatEntry kStatxAttrsE[] = {
    X(STATX_ATTR_COMPRESSED), X(STATX_ATTR_IMMUTABLE), X(STATX_ATTR_APPEND),
    X(STATX_ATTR_NODUMP),     X(STATX_ATTR_ENCRYPTED), X(STATX_ATTR_AUTOMOUNT),
    X(STATX_ATTR_MOUNT_ROOT), X(STATX_ATTR_VERITY),    X(STATX_ATTR_DAX),
};
constexpr XlatEntry kFadviseE[] = {X(POSIX_FADV_NORMAL),     X(POSIX_FADV_RANDOM),
                                   X(POSIX_FADV_SEQUENTIAL), X(POSIX_FADV_WILLNEED),
                                   X(POSIX_FADV_DONTNEED),   X(POSIX_FADV_NOREUSE)};
#ifndef MFD_NOEXEC_SEAL
#define MFD_NOEXEC_SEAL 0x0008U
#define MFD_EXEC 0x0010U
#endif
constexpr XlatEntry kMemfdFlagsE[] = {X(MFD_CLOEXEC), X(MFD_ALLOW_SEALING), X(MFD_HUGETLB),
                                      X(MFD_NOEXEC_SEAL), X(MFD_EXEC)};
constexpr XlatEntry kInotifyFlagsE[] = {X(IN_NONBLOCK), X(IN_CLOEXEC)};
constexpr XlatEntry kRwfFlagsE[] = {X(RWF_HIPRI), X(RWF_DSYNC), X(RWF_SYNC), X(RWF_NOWAIT),
                                    X(RWF_APPEND)};
constexpr XlatEntry kLockTypesE[] = {X(F_RDLCK), X(F_WRLCK), X(F_UNLCK)};

}  // namespace

const Xlat kOpenAccess{kOpenAccessE, "O_???"};
const Xlat kOpenFlags{kOpenFlagsE, "O_???"};
const Xlat kAccessModes{kAccessModesE, "?_OK"};
const Xlat kAtFlags{kAtFlagsE, "AT_???"};
const Xlat kWhence{kWhenceE, "SEEK_???"};
const Xlat kFcntlCmds{kFcntlCmdsE, "F_???"};
const Xlat kFdFlags{kFdFlagsE, "FD_???"};
const Xlat kFlockOps{kFlockOpsE, "LOCK_???"};
const Xlat kStatTypes{kStatTypesE, "S_IF???"};
const Xlat kStatModeBits{kStatModeBitsE, "S_I???"};
const Xlat kStatxSync{kStatxSyncE, "AT_STATX_???"};
const Xlat kStatxMask{kStatxMaskE, "STATX_???"};
const Xlat kStatxAttrs{kStatxAttrsE, "STATX_ATTR_???"};
const Xlat kFadvise{kFadviseE, "POSIX_FADV_???"};
const Xlat kMemfdFlags{kMemfdFlagsE, "MFD_???"};
const Xlat kInotifyFlags{kInotifyFlagsE, "IN_???"};
const Xlat kRwfFlags{kRwfFlagsE, "RWF_???"};
const Xlat kLockTypes{kLockTypesE, "F_???"};

}  // namespace estrace::format::xlat
