// write_report(): the sections Settings asks for, in a fixed order.
#include "estrace/summary/report.h"

#include <iterator>

namespace estrace::summary {

void write_report(fmt::memory_buffer& out, const Summary& summary, const Settings& settings,
                  const ReportContext& context) {
  if (settings.json) {
    write_json(out, summary, settings.sort, context);
    return;
  }
  if (context.interval) {
    auto to = std::back_inserter(out);
    if (context.seconds) {
      fmt::format_to(to, "--- interval {} ({:.3f} s) ---\n", *context.interval, *context.seconds);
    } else {
      fmt::format_to(to, "--- interval {} ---\n", *context.interval);
    }
  }
  bool first = true;
  auto section = [&] {
    if (!first) out.push_back('\n');
    first = false;
  };
  if (settings.table) {
    section();
    write_table(out, summary, settings.sort, settings.columns);
  }
  if (settings.latency) {
    section();
    write_latency(out, summary, settings.sort);
  }
  if (settings.histogram) {
    section();
    write_histograms(out, summary, settings.sort, settings.histogram_syscalls);
  }
  if (settings.errno_summary) {
    section();
    write_errno_summary(out, summary, settings.sort);
  }
}

}  // namespace estrace::summary
