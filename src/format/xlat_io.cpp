// Constants of the descriptors a program waits on: epoll(7), timerfd_create(2), eventfd(2).
// Print order follows strace 6.1 (observed).
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/timerfd.h>

#include "estrace/format/xlat_tables.h"

#define X(c) \
  XlatEntry { static_cast<uint64_t>(c), #c }

namespace estrace::format::xlat {
namespace {

#ifndef EPOLLNVAL
#define EPOLLNVAL 0x00000020  // linux/eventpoll.h; glibc leaves it out
#endif
#ifndef TFD_TIMER_CANCEL_ON_SET
#define TFD_TIMER_CANCEL_ON_SET (1 << 1)
#endif

constexpr XlatEntry kEpollFlagsE[] = {X(EPOLL_CLOEXEC)};
constexpr XlatEntry kEpollCtlOpsE[] = {X(EPOLL_CTL_ADD), X(EPOLL_CTL_DEL), X(EPOLL_CTL_MOD)};
constexpr XlatEntry kEpollEventsE[] = {
    X(EPOLLIN),        X(EPOLLPRI),    X(EPOLLOUT),     X(EPOLLERR),    X(EPOLLHUP), X(EPOLLNVAL),
    X(EPOLLRDNORM),    X(EPOLLRDBAND), X(EPOLLWRNORM),  X(EPOLLWRBAND), X(EPOLLMSG), X(EPOLLRDHUP),
    X(EPOLLEXCLUSIVE), X(EPOLLWAKEUP), X(EPOLLONESHOT), X(EPOLLET),
};
constexpr XlatEntry kTimerfdFlagsE[] = {X(TFD_CLOEXEC), X(TFD_NONBLOCK)};
constexpr XlatEntry kTimerfdSetFlagsE[] = {X(TFD_TIMER_ABSTIME), X(TFD_TIMER_CANCEL_ON_SET)};
constexpr XlatEntry kEfdFlagsE[] = {X(EFD_SEMAPHORE), X(EFD_CLOEXEC), X(EFD_NONBLOCK)};

}  // namespace

const Xlat kEpollFlags{kEpollFlagsE, "EPOLL_???"};
const Xlat kEpollCtlOps{kEpollCtlOpsE, "EPOLL_CTL_???"};
const Xlat kEpollEvents{kEpollEventsE, "EPOLL???"};
const Xlat kTimerfdFlags{kTimerfdFlagsE, "TFD_???"};
const Xlat kTimerfdSetFlags{kTimerfdSetFlagsE, "TFD_TIMER_???"};
const Xlat kEfdFlags{kEfdFlagsE, "EFD_???"};

}  // namespace estrace::format::xlat
