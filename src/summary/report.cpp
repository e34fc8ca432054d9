// write_report(): the sections Settings asks for, in a fixed order.
#include "estrace/summary/report.h"

#include <functional>
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
  // One part per personality with calls, as strace -c: x86_64's, then ia32's under strace's
  // heading (a run with no calls at all still prints x86_64's empty table).
  const Summary x86_64 = summary.personality(false), ia32 = summary.personality(true);
  std::vector<std::pair<const Summary*, bool>> parts;
  if (!x86_64.empty() || ia32.empty()) parts.emplace_back(&x86_64, false);
  if (!ia32.empty()) parts.emplace_back(&ia32, true);
  bool first = true;
  auto section = [&](bool compat) {
    if (compat) {
      constexpr std::string_view kHeading = "System call usage summary for 32 bit mode:\n";
      out.append(kHeading.data(), kHeading.data() + kHeading.size());
    } else if (!first) {
      out.push_back('\n');
    }
    first = false;
  };
  // The sections in their fixed order, each for every personality in turn.
  const std::pair<bool, std::function<void(const Summary&)>> sections[] = {
      {settings.table,
       [&](const Summary& p) { write_table(out, p, settings.sort, settings.columns); }},
      {settings.latency, [&](const Summary& p) { write_latency(out, p, settings.sort); }},
      {settings.histogram,
       [&](const Summary& p) {
         write_histograms(out, p, settings.sort, settings.histogram_syscalls);
       }},
      {settings.errno_summary,
       [&](const Summary& p) { write_errno_summary(out, p, settings.sort); }},
  };
  for (const auto& [wanted, write] : sections) {
    if (!wanted) continue;
    for (const auto& [part, compat] : parts) {
      section(compat);
      write(*part);
    }
  }
}

}  // namespace estrace::summary
