// app: the end of a run. See include/estrace/app/run_end.h.
#include "estrace/app/run_end.h"

#include <sys/wait.h>

#include <cstring>
#include <string>

#include "estrace/app/task_start.h"

namespace estrace::app {

int end_run(const Ending& ending, const EndParts& parts) {
  const cli::Options& options = parts.options;
  if (options.status & (ending.detaching ? cli::kStatusDetached : cli::kStatusUnfinished))
    parts.writer.finish_partials(ending.detaching ? " <detached ...>" : " <unfinished ...>");
  parts.output.sink().flush();
  parts.reports.final(parts.malformed);
  parts.output.check();
  say_detached(options, parts.targets);
  if (parts.exec_error) {
    say(std::string("exec: ") + strerror(parts.exec_error));
    return 1;
  }
  const bool incomplete =
      parts.output.failed() || (options.fail_on_loss && parts.reports.any_lost());
  return exit_status(ending, !options.command.empty(), incomplete);
}

int exit_status(const Ending& ending, bool launched, bool incomplete) {
  int status = 0;
  if (launched && !ending.reaped) {
    status = 128 + ending.stop_signal;  // as strace dies of the signal
  } else if (launched) {
    const int st = ending.wait_status;
    status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 1;
  }
  return incomplete && status == 0 ? 1 : status;
}

}  // namespace estrace::app
