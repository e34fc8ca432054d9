// format: the constant tables, one family per src/format/xlat_<family>.cpp.
#pragma once

#include "estrace/format/xlat.h"

namespace estrace::format::xlat {

// file (xlat_file.cpp)
extern const Xlat kOpenAccess, kOpenFlags, kAccessModes, kAtFlags, kWhence, kFcntlCmds, kFdFlags,
    kFlockOps, kStatTypes, kStatModeBits, kStatxSync, kStatxMask, kStatxAttrs, kFadvise,
    kMemfdFlags, kInotifyFlags, kRwfFlags, kLockTypes;
// descriptors that wait: epoll, timerfd, eventfd (xlat_io.cpp)
extern const Xlat kEpollFlags, kEpollCtlOps, kEpollEvents, kTimerfdFlags, kTimerfdSetFlags,
    kEfdFlags;
// memory (xlat_memory.cpp)
extern const Xlat kMmapProt, kMmapType, kMmapFlags, kMsyncFlags, kMadvise, kMremapFlags;
// network (xlat_net.cpp)
extern const Xlat kMsgFlags, kSockDomains, kSockTypes, kSockFlags, kIpProtos, kNetlinkProtos,
    kShutdownHow, kPollEvents;
// socket options: levels and per-level option names (xlat_sockopt.cpp)
extern const Xlat kSockLevels, kSockOptions, kSockGetOptions, kSockIpOptions, kSockIpv6Options,
    kSockTcpOptions, kSockUdpOptions;
// process, time, signals (xlat_process.cpp)
extern const Xlat kCloneFlags, kUnshareFlags, kWaitOptions, kRlimits, kArchPrctl, kFutexCmds,
    kClockIds, kGrndFlags, kSigHow, kSaFlags, kIoctlCmds, kSiCodes, kCldCodes, kSegvCodes,
    kBusCodes, kIllCodes, kFpeCodes, kTrapCodes, kPollCodes, kSchedPolicies, kRusageWho;

}  // namespace estrace::format::xlat
