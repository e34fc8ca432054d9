// -e trace= expressions, with strace 6.1's syntax and error texts:
//   [!]item[,item...]   item: name | number | %class | class (old alias) | /regex | all | none,
//   any item may start with '?' to ignore it when it matches nothing.
#include <regex.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <string>

#include "estrace/syscalls/catalogue.h"
#include "estrace/syscalls/compat.h"
#include "estrace/syscalls/signature.h"

namespace estrace::syscalls {
namespace {

// x86_64 numbers and ia32 keys (compat.h): a name selects the call in both personalities, as
// strace's per-personality sets do.
using Set = std::bitset<ES_SPEC_ROWS>;

struct ClassName {
  std::string_view name;
  uint32_t bits;
};

// %NAME classes; the first seven also work without '%' (strace's old spellings).
constexpr std::array<ClassName, 17> kClasses{{
    {"file", kFile},
    {"process", kProcess},
    {"network", kNetwork},
    {"signal", kSignal},
    {"ipc", kIpc},
    {"desc", kDesc},
    {"memory", kMemory},
    {"net", kNetwork},
    {"creds", kCreds},
    {"clock", kClock},
    {"stat", kStat},
    {"lstat", kLstat},
    {"fstat", kFstat},
    {"%stat", kStatLike},
    {"statfs", kStatfs},
    {"fstatfs", kFstatfs},
    {"%statfs", kStatfsLike},
}};
constexpr size_t kOldAliases = 7;

std::optional<uint32_t> class_bits(std::string_view name, bool with_percent) {
  size_t n = with_percent ? kClasses.size() : kOldAliases;
  for (size_t i = 0; i < n; ++i)
    if (kClasses[i].name == name) return kClasses[i].bits;
  return std::nullopt;
}

void add_matching(Set& set, auto&& pred) {
  for (const Signature& s : all_signatures())
    if (pred(s)) set.set(s.nr);
  for (const Signature& s : compat_signatures())
    if (pred(s)) set.set(s.nr);
}

// One item into `set`; false when it names nothing (the caller decides whether that is an error).
bool add_item(std::string_view item, Set& set, std::string& error) {
  if (item == "all") {
    add_matching(set, [](const Signature&) { return true; });
    return true;
  }
  if (item == "none") return true;
  if (item.front() == '/') {
    // POSIX regcomp, as strace uses: same dialect, same error texts.
    std::string pattern(item.substr(1));
    regex_t re;
    if (int rc = regcomp(&re, pattern.c_str(), REG_EXTENDED | REG_NOSUB); rc != 0) {
      char msg[256];
      regerror(rc, &re, msg, sizeof msg);
      error = "regcomp: " + pattern + ": " + msg;
      return false;
    }
    bool any = false;
    add_matching(set, [&](const Signature& s) {
      bool m = regexec(&re, s.name, 0, nullptr, 0) == 0;
      any |= m;
      return m;
    });
    regfree(&re);
    return any;
  }
  if (item.front() == '%') {
    auto bits = class_bits(item.substr(1), true);
    if (!bits) return false;
    add_matching(set, [&](const Signature& s) { return (s.classes & *bits) != 0; });
    return true;
  }
  if (auto bits = class_bits(item, false)) {
    add_matching(set, [&](const Signature& s) { return (s.classes & *bits) != 0; });
    return true;
  }
  if (std::all_of(item.begin(), item.end(), [](char c) { return std::isdigit(uint8_t(c)); })) {
    unsigned long nr = std::stoul(std::string(item));
    if (nr >= ES_MAX_SYSCALLS) return false;
    bool any = false;
    for (uint32_t key : {uint32_t(nr), compat_key(uint32_t(nr))}) {
      if (!signature(key)) continue;
      set.set(key);
      any = true;
    }
    return any;
  }
  auto native = number_of(item), compat = compat_number_of(item);
  if (native) set.set(*native);
  if (compat) set.set(*compat);
  return native || compat;
}

}  // namespace

std::optional<std::vector<uint32_t>> resolve_trace_set(std::string_view expr, std::string& error) {
  bool negate = false;
  if (!expr.empty() && expr.front() == '!') {
    negate = true;
    expr.remove_prefix(1);
  }
  Set set;
  bool any_item = false;
  while (true) {
    size_t comma = expr.find(',');
    std::string_view item = expr.substr(0, comma);
    if (!item.empty()) {
      any_item = true;
      bool optional = item.front() == '?';
      std::string_view name = optional ? item.substr(1) : item;
      error.clear();
      bool ok = !name.empty() && add_item(name, set, error);
      if (!ok && !error.empty()) return std::nullopt;  // a bad regex is fatal even with '?'
      if (!ok && !optional) {
        error = "invalid system call '" + std::string(item) + "'";
        return std::nullopt;
      }
    }
    if (comma == std::string_view::npos) break;
    expr.remove_prefix(comma + 1);
  }
  if (!any_item) {
    error = "invalid system call ''";
    return std::nullopt;
  }
  error.clear();
  std::vector<uint32_t> nrs;
  for (const Signature& s : all_signatures())
    if (set.test(s.nr) != negate) nrs.push_back(s.nr);
  for (const Signature& s : compat_signatures())
    if (set.test(s.nr) != negate) nrs.push_back(s.nr);
  return nrs;
}

std::vector<std::string> trace_set_words() {
  std::vector<std::string> words;
  for (const Signature& s : all_signatures()) words.emplace_back(s.name);
  for (const Signature& s : compat_signatures()) words.emplace_back(s.name);
  std::sort(words.begin(), words.end());
  words.erase(std::unique(words.begin(), words.end()), words.end());
  for (const ClassName& c : kClasses) words.push_back("%" + std::string(c.name));
  return words;
}

}  // namespace estrace::syscalls
