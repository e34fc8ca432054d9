// Plain kinds: numbers, addresses, descriptors, paths, strings, buffers and execve's arrays.
#include <fcntl.h>

#include <cstring>

#include "estrace/abi/event.h"
#include "estrace/format/fd_detail.h"
#include "estrace/format/printers.h"

namespace estrace::format {
namespace {

using K = syscalls::ArgKind;

// -y: "<PATH>" escaped, with -yy's details inside the brackets.
void print_fd_name(const ArgContext& c, const model::FdName& name) {
  print_in_brackets(c.out, name.path, c.style.hex, fd_detail_text(name.detail));
}

void out_int(const ArgContext& c, int i) {
  fmt::format_to(std::back_inserter(c.out), "{}", static_cast<int32_t>(c.arg(i)));
}
void out_long(const ArgContext& c, int i) {
  fmt::format_to(std::back_inserter(c.out), "{}", static_cast<int64_t>(c.arg(i)));
}
void out_uint(const ArgContext& c, int i) {
  fmt::format_to(std::back_inserter(c.out), "{}", static_cast<uint32_t>(c.arg(i)));
}
void out_ulong(const ArgContext& c, int i) {
  fmt::format_to(std::back_inserter(c.out), "{}", c.arg(i));
}
void out_hex(const ArgContext& c, int i) { print_hex(c.out, c.arg(i)); }
void out_ptr(const ArgContext& c, int i) { print_ptr(c.out, c.arg(i)); }
void out_octal(const ArgContext& c, int i) { print_octal(c.out, static_cast<uint32_t>(c.arg(i))); }
void out_fd(const ArgContext& c, int i) { print_fd(c, static_cast<int32_t>(c.arg(i))); }
void out_dirfd(const ArgContext& c, int i) {
  auto fd = static_cast<int32_t>(c.arg(i));
  if (fd == AT_FDCWD) {
    print_styled(c.out, c.style.xlat, "-100",
                 [](fmt::memory_buffer& named) { put(named, "AT_FDCWD"); });
    // -y shows the working directory: "AT_FDCWD</home/u>" (asked of FdNames as fd AT_FDCWD).
    if (c.style.decode_fds > 0 && c.style.fds)
      if (auto cwd = c.style.fds->name(c.call.tgid, AT_FDCWD)) print_fd_name(c, *cwd);
  } else
    print_fd(c, fd);
}

// A NUL-terminated capture: the bytes before the first NUL.
std::string_view until_nul(std::string_view d) {
  size_t n = d.find('\0');
  return n == std::string_view::npos ? d : d.substr(0, n);
}

// Paths: printed whole (-s does not apply), "..." only if the copy itself was cut.
void out_path(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d) return print_ptr(c.out, c.arg(i));
  print_quoted(c.out, until_nul(d->data), c.style.hex, d->result & ES_CAPR_TRUNCATED);
}

// NUL-terminated strings under -s: copied with one byte to spare to detect "longer than -s".
void out_str(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d) return print_ptr(c.out, c.arg(i));
  std::string_view s = until_nul(d->data);
  bool more = (d->result & ES_CAPR_TRUNCATED) && s.size() == d->data.size();
  if (s.size() > c.style.string_limit) {
    s = s.substr(0, c.style.string_limit);
    more = true;
  }
  print_quoted(c.out, s, c.style.hex, more);
}

// A buffer whose full length is known (an argument or the return value): -s bytes and "...".
void print_buffer(const ArgContext& c, int i, uint64_t full_len, HexMode hex) {
  const model::CaptureView* d = c.data(i);
  if (full_len == 0 && c.arg(i) != 0) return print_quoted(c.out, {}, hex, false);
  if (!d) return print_ptr(c.out, c.arg(i));
  uint64_t shown = std::min<uint64_t>(full_len, c.style.string_limit);
  std::string_view bytes = d->data.substr(0, std::min<uint64_t>(shown, d->data.size()));
  print_quoted(c.out, bytes, hex, full_len > c.style.string_limit);
}

void out_buf_in(const ArgContext& c, int i) {
  print_buffer(c, i, c.arg(c.argsig(i).aux), c.style.hex);
}
void out_buf_out(const ArgContext& c, int i) {
  if (c.failed() || c.call.ret < 0 || !c.call.returned) return print_ptr(c.out, c.arg(i));
  print_buffer(c, i, static_cast<uint64_t>(c.call.ret), c.style.hex);
}
// getrandom: strace always shows random bytes in hex.
void out_buf_out_hex(const ArgContext& c, int i) {
  if (c.failed() || c.call.ret < 0 || !c.call.returned) return print_ptr(c.out, c.arg(i));
  print_buffer(c, i, static_cast<uint64_t>(c.call.ret), HexMode::All);
}

void out_argv(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (!d || d->kind != ES_CAP_STRING_ARRAY) return print_ptr(c.out, c.arg(i));
  print_string_array(c, *d);
}

// envp: "0x7ffd... /* 21 vars */", or the strings themselves under -v.
void out_envp(const ArgContext& c, int i) {
  const model::CaptureView* d = c.data(i);
  if (d && d->kind == ES_CAP_STRING_ARRAY) return print_string_array(c, *d);
  print_ptr(c.out, c.arg(i));
  if (d && d->kind == ES_CAP_ARRAY_COUNT && d->data.size() >= sizeof(uint32_t) && c.arg(i)) {
    uint32_t n;
    std::memcpy(&n, d->data.data(), sizeof n);
    fmt::format_to(std::back_inserter(c.out), " /* {} var{} */", n, n == 1 ? "" : "s");
  }
}

}  // namespace

void print_ptr(fmt::memory_buffer& out, uint64_t addr) {
  if (addr == 0)
    put(out, "NULL");
  else
    fmt::format_to(std::back_inserter(out), "{:#x}", addr);
}

void print_hex(fmt::memory_buffer& out, uint64_t v) {
  if (v == 0)
    put(out, '0');
  else
    fmt::format_to(std::back_inserter(out), "{:#x}", v);
}

// strace's "%#03o": at least three digits with a leading 0 (000, 022, 0644, 04755).
void print_octal(fmt::memory_buffer& out, uint64_t v) {
  fmt::format_to(std::back_inserter(out), "0{:02o}", v);
}

void print_fd(const ArgContext& c, int64_t fd) {
  fmt::format_to(std::back_inserter(c.out), "{}", fd);
  if (c.style.decode_fds > 0 && c.style.fds && fd >= 0) {
    if (auto name = c.style.fds->name(c.call.tgid, static_cast<int>(fd))) print_fd_name(c, *name);
  }
}

void print_result_fd(const ArgContext& c, int64_t fd) {
  if (c.style.decode_fds > 0 && c.style.fds && fd >= 0) {
    fmt::format_to(std::back_inserter(c.out), "{}", fd);
    if (auto n = c.style.fds->result_name(c.call.tgid, static_cast<int>(fd))) print_fd_name(c, *n);
    return;
  }
  print_fd(c, fd);
}

void print_string_array(const ArgContext& c, const model::CaptureView& cap) {
  std::string_view d = cap.data;
  put(c.out, '[');
  unsigned n = 0;
  bool cut_short = false;
  while (d.size() >= 2) {
    if (!c.style.verbose && n >= c.style.string_limit) {
      cut_short = true;
      break;
    }
    uint16_t len;
    std::memcpy(&len, d.data(), 2);
    d.remove_prefix(2);
    bool cut = len & ES_ITEM_CUT;
    size_t bytes = std::min<size_t>(len & ~ES_ITEM_CUT, d.size());
    std::string_view item = d.substr(0, bytes);
    d.remove_prefix(bytes);
    if (item.size() > c.style.string_limit) {
      item = item.substr(0, c.style.string_limit);
      cut = true;
    }
    if (n++) put(c.out, ", ");
    print_quoted(c.out, item, c.style.hex, cut);
  }
  if (cut_short || (cap.result & ES_CAPR_TRUNCATED)) put(c.out, n ? ", ..." : "...");
  put(c.out, ']');
}

namespace {
const model::CaptureView* usable(const model::CaptureView* d) {
  return d && !(d->result & ES_CAPR_FAULT) ? d : nullptr;
}
}  // namespace

const model::CaptureView* ArgContext::data(int i) const {
  if (sig.args[i].dir != syscalls::kOut)
    if (const model::CaptureView* before = usable(call.capture_at_enter(i))) return before;
  return usable(call.capture(i));
}

const model::CaptureView* ArgContext::data_after(int i) const {
  const model::CaptureView* d = call.capture(i);
  return d && !d->at_enter ? usable(d) : nullptr;
}

const model::CaptureView* ArgContext::data_before(int i) const {
  return usable(call.capture_at_enter(i));
}

void register_basic(PrinterTable& t) {
  auto set = [&](K k, void (*f)(const ArgContext&, int)) { t[size_t(k)].print = f; };
  set(K::Int, out_int);
  set(K::Long, out_long);
  set(K::Uint, out_uint);
  set(K::Ulong, out_ulong);
  set(K::Hex, out_hex);
  set(K::Ptr, out_ptr);
  set(K::Octal, out_octal);
  set(K::Fd, out_fd);
  set(K::Dirfd, out_dirfd);
  set(K::Path, out_path);
  set(K::Str, out_str);
  set(K::BufIn, out_buf_in);
  set(K::BufOut, out_buf_out);
  set(K::BufOutHex, out_buf_out_hex);
  set(K::Argv, out_argv);
  set(K::Envp, out_envp);
}

}  // namespace estrace::format
