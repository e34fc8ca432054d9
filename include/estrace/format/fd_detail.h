// format: -yy's text after a descriptor's path, from the facts the fd table keeps: a device's
// "<char 1:3>", or a socket's "TCP:[127.0.0.1:80->127.0.0.1:41234]". Text estrace composes,
// printed as is inside the brackets (not escaped like the path).
#pragma once

#include <string>

#include "estrace/model/names.h"

namespace estrace::format {

// The text for `detail`; empty when it is empty.
std::string fd_detail_text(const model::FdDetail& detail);

}  // namespace estrace::format
