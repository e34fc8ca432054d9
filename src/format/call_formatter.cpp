// The syscall line: name, arguments by the signature row, return value. The split between the
// enter and exit parts is strace's: at entry it prints the arguments the call reads, up to the
// first one it writes; the rest is printed when the call returns.
#include "estrace/format/call_formatter.h"

#include <algorithm>
#include <array>

#include "estrace/format/decoders.h"
#include "estrace/format/errno_text.h"
#include "estrace/format/printers.h"
#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"

namespace estrace::format {
namespace {

using syscalls::ArgKind;
using syscalls::Signature;

// Unknown numbers print like strace's printargs: six arguments in hex.
constexpr Signature kUnknown = [] {
  Signature s;
  s.nargs = 6;
  for (auto& a : s.args) a = {ArgKind::Hex, syscalls::kIn, 0};
  return s;
}();

// What every line of one syscall needs from the tables, worked out once per key (an ia32
// call's row is keyed past x86_64's, syscalls/compat.h) rather than three times per line.
struct Plan {
  const Signature* sig = &kUnknown;
  // The whole-call decoder the row names (an ia32 row laid out as x86_64's names its decoder).
  const CallDecoder* decoder = nullptr;
  bool cuts_args = false;      // some argument kind may cut the list (open's mode)
  bool prints_return = false;  // some argument kind prints the return value itself
};

std::array<Plan, ES_SPEC_ROWS> make_plans() {
  std::array<Plan, ES_SPEC_ROWS> plans{};
  const PrinterTable& t = printers();
  for (uint32_t nr = 0; nr < ES_SPEC_ROWS; ++nr) {
    Plan& p = plans[nr];
    if (const Signature* s = syscalls::signature(nr)) p.sig = s;
    p.decoder = call_decoder(p.sig->decoder);
    for (int i = 0; i < p.sig->nargs; ++i) {
      p.cuts_args |= t[size_t(p.sig->args[i].kind)].shown != nullptr;
      p.prints_return |= t[size_t(p.sig->args[i].kind)].ret != nullptr;
    }
  }
  return plans;
}

// Worked out when the program starts (the tables it reads are constants or built on first
// use): a lookup per line piece then costs an index, not a guarded static's check.
const std::array<Plan, ES_SPEC_ROWS> kPlans = make_plans();
const Plan kUnknownPlan;

const Plan& plan_of(const model::Call& call) {
  return call.nr < ES_SPEC_ROWS ? kPlans[call.nr] : kUnknownPlan;
}

const Signature& sig_of(const model::Call& call) { return *plan_of(call).sig; }

// Arguments shown for this call: some kinds cut the list (open's mode without O_CREAT).
int shown_args(const ArgContext& c) {
  int n = c.sig.nargs;
  if (!plan_of(c.call).cuts_args) return n;
  const PrinterTable& t = printers();
  for (int i = 0; i < c.sig.nargs; ++i)
    if (auto f = t[size_t(c.sig.args[i].kind)].shown) n = std::min(n, f(c, i, c.sig.nargs));
  return n;
}

// Index of the first argument printed at exit.
int first_out(const ArgContext& c, int shown) {
  for (int i = 0; i < shown; ++i)
    if (c.sig.args[i].dir == syscalls::kOut) return i;
  return shown;
}

void print_args(const ArgContext& c, int from, int to, int shown) {
  const PrinterTable& t = printers();
  for (int i = from; i < to; ++i) {
    if (auto print = t[size_t(c.sig.args[i].kind)].print)
      print(c, i);
    else
      print_hex(c.out, c.arg(i));
    if (i + 1 < shown) put(c.out, ", ");
  }
}

// "= 3", "= -1 ENOENT (...)", "= ?": no leading space (the caller aligns it).
void print_return(const ArgContext& c) {
  const model::Call& call = c.call;
  put(c.out, "= ");
  if (!call.returned) return put(c.out, '?');
  if (model::is_error_return(call.ret))
    return print_error_return(c.out, static_cast<int>(-call.ret));
  if (plan_of(call).prints_return) {
    const PrinterTable& t = printers();
    for (int i = 0; i < c.sig.nargs; ++i)
      if (auto f = t[size_t(c.sig.args[i].kind)].ret)
        if (f(c, i)) return;
  }
  switch (c.sig.ret) {
    case syscalls::RetKind::Hex:
      return print_hex(c.out, static_cast<uint64_t>(call.ret));
    case syscalls::RetKind::Octal:
      return print_octal(c.out, static_cast<uint64_t>(call.ret));
    case syscalls::RetKind::Fd:
      return print_result_fd(c, call.ret);
    case syscalls::RetKind::Pid:  // -Y names it
      return format_pid(c.style, call.ret, call.exit_ns, c.out);
    case syscalls::RetKind::ChildPid:  // -Y: a child gone before this line had our name
      return format_pid(c.style, call.ret, call.exit_ns, c.out, call.tid);
    case syscalls::RetKind::Int:
      put_decimal(c.out, call.ret);
      return;
  }
}

// strace puts the "=" of " = RET" at column 40 (its default -a 40).
constexpr size_t kReturnColumn = 40;

}  // namespace

void pad_return_column(size_t column, fmt::memory_buffer& out) {
  if (column < kReturnColumn)
    put(out, std::string_view("                                        ")
                 .substr(0, kReturnColumn - column));
  else
    put(out, ' ');
}

std::string CallFormatter::name(const model::Call& call) const {
  const Signature& s = sig_of(call);
  if (s.name) return s.name;
  return fmt::format("syscall_{:#x}", syscalls::arch_number(call.nr));
}

void CallFormatter::enter_part(const model::Call& call, fmt::memory_buffer& out) const {
  const Signature& s = sig_of(call);
  if (s.name)
    out.append(std::string_view(s.name));
  else
    fmt::format_to(std::back_inserter(out), "syscall_{:#x}", syscalls::arch_number(call.nr));
  put(out, '(');
  ArgContext c{call, s, style_, out};
  if (const CallDecoder* d = plan_of(call).decoder) {
    if (d->enter) d->enter(c);
    return;
  }
  int shown = shown_args(c);
  print_args(c, 0, first_out(c, shown), shown);
}

void CallFormatter::exit_args(const model::Call& call, fmt::memory_buffer& out) const {
  const Signature& s = sig_of(call);
  ArgContext c{call, s, style_, out};
  if (const CallDecoder* d = plan_of(call).decoder) {
    if (d->exit) d->exit(c);
    return put(out, ')');
  }
  int shown = shown_args(c);
  print_args(c, first_out(c, shown), shown, shown);
  put(out, ')');
}

void CallFormatter::return_value(const model::Call& call, fmt::memory_buffer& out) const {
  ArgContext c{call, sig_of(call), style_, out};
  print_return(c);
}

void CallFormatter::exit_part(const model::Call& call, fmt::memory_buffer& out) const {
  exit_args(call, out);
  // Columns count from the start of the line being built in `out`: the writer puts the line
  // prefix (pid, timestamp) and the enter part, or "<... read resumed>", there first.
  std::string_view s(out.data(), out.size());
  const size_t nl = s.rfind('\n');
  pad_return_column(nl == std::string_view::npos ? s.size() : s.size() - nl - 1, out);
  return_value(call, out);
}

}  // namespace estrace::format
