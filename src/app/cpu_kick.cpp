// app: moving the decoding thread between CPUs. See include/estrace/app/cpu_kick.h.
#include "estrace/app/cpu_kick.h"

#include <sched.h>

namespace estrace::app {

bool CpuKick::tick(uint64_t now_ns) {
  if (now_ns < next_ns_) return false;
  next_ns_ = now_ns + period_ns_;
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0 || CPU_COUNT(&allowed) < 2) return false;
  const int here = sched_getcpu();
  if (here < 0 || !CPU_ISSET(here, &allowed)) return false;
  cpu_set_t elsewhere = allowed;
  CPU_CLR(here, &elsewhere);
  if (sched_setaffinity(0, sizeof elsewhere, &elsewhere) != 0) return false;
  // Allowed everywhere again; should this fail, it runs on the others: still allowed ones.
  sched_setaffinity(0, sizeof allowed, &allowed);
  return true;
}

}  // namespace estrace::app
