// format: walking an ES_CAP_MMSGHDR_* capture (abi/capture_spec.h: es_mmsg_item, then each
// message's address, control bytes and iovec items), for the printer and the -e read=/write=
// dumps alike.
#pragma once

#include <cstddef>
#include <string_view>

#include "estrace/abi/capture_spec.h"

namespace estrace::format {

struct MmsgMessage {
  es_mmsg_item item;
  std::string_view name, control, iovecs;
};

// The message at `off` of `data`, advancing `off` past it; false when the bytes end before it.
bool next_mmsg_message(std::string_view data, size_t& off, MmsgMessage& m);

}  // namespace estrace::format
