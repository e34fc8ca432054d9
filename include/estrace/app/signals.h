// app: estrace's own signal handling. Handlers only set flags; the control loop acts.
#pragma once

namespace estrace::app {

// Installs handlers for SIGINT, SIGTERM, SIGHUP, SIGQUIT (and ignores SIGPIPE for the
// output). Handlers, unlike SIG_IGN, are reset by execve, so a launched command sees its
// signals as it would without estrace.
void install_signal_handlers();
// The last terminating signal received since the previous call, or 0.
int take_signal();

}  // namespace estrace::app
