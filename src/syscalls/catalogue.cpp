// Number <-> name and classes, answered from the signature table.
#include "estrace/syscalls/catalogue.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "estrace/syscalls/signature.h"

namespace estrace::syscalls {

std::string_view name_of(uint32_t nr) {
  const Signature* s = signature(nr);
  return s ? std::string_view(s->name) : std::string_view();
}

std::optional<uint32_t> number_of(std::string_view name) {
  // Built once from the table; -e parsing and tests are the only callers.
  static const auto* by_name = [] {
    auto* m = new std::unordered_map<std::string_view, uint32_t>();
    for (const Signature& s : all_signatures()) m->emplace(s.name, s.nr);
    return m;
  }();
  auto it = by_name->find(name);
  if (it == by_name->end()) return std::nullopt;
  return it->second;
}

uint32_t classes_of(uint32_t nr) {
  const Signature* s = signature(nr);
  return s ? s->classes : 0;
}

}  // namespace estrace::syscalls
