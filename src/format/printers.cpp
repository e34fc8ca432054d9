// The printer registry: each family fills in its kinds once.
#include "estrace/format/printers.h"

namespace estrace::format {

const PrinterTable& printers() {
  static const PrinterTable table = [] {
    PrinterTable t{};
    register_basic(t);
    register_flags(t);
    register_file(t);
    register_signal(t);
    register_net(t);
    register_process(t);
    register_stat(t);
    register_sys(t);
    register_poll(t);
    register_io(t);
    register_sockopt(t);
    register_compat(t);
    register_mmsg(t);  // after register_process: reuses the timespec printer
    register_pid(t);
    return t;
  }();
  return table;
}

}  // namespace estrace::format
