// app: signal flags. See include/estrace/app/signals.h.
#include "estrace/app/signals.h"

#include <atomic>
#include <csignal>

namespace estrace::app {
namespace {

std::atomic<int> pending_signal{0};

void on_signal(int sig) { pending_signal.store(sig, std::memory_order_relaxed); }

}  // namespace

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaction(sig, &sa, nullptr);
  signal(SIGPIPE, SIG_IGN);
}

int take_signal() { return pending_signal.exchange(0, std::memory_order_relaxed); }

}  // namespace estrace::app
