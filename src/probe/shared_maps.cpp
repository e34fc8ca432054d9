// shared_maps: see shared_maps.h.
#include "shared_maps.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>

#include <bpf/bpf.h>
#include <bpf/btf.h>
#include <bpf/libbpf.h>

namespace estrace::probe {
namespace {

// The kernel's map names: at most 15 of [A-Za-z0-9_.].
std::string kernel_name(const char* name) {
  std::string out;
  for (const char* p = name; *p && out.size() < BPF_OBJ_NAME_LEN - 1; ++p)
    if (std::isalnum(static_cast<unsigned char>(*p)) || *p == '_' || *p == '.') out += *p;
  return out;
}

std::string failed(const char* what, const bpf_map* map, int err) {
  return std::string("cannot ") + what + " map '" + bpf_map__name(map) + "': " + strerror(err);
}

// A map as libbpf would make it from its definition; -errno on failure.
int create_like(bpf_map* map, int btf_fd) {
  LIBBPF_OPTS(bpf_map_create_opts, opts, .btf_fd = static_cast<uint32_t>(btf_fd),
              .btf_key_type_id = bpf_map__btf_key_type_id(map),
              .btf_value_type_id = bpf_map__btf_value_type_id(map),
              .map_flags = bpf_map__map_flags(map), .map_extra = bpf_map__map_extra(map),
              .numa_node = bpf_map__numa_node(map));
  const std::string name = kernel_name(bpf_map__name(map));
  int fd = bpf_map_create(bpf_map__type(map), name.c_str(), bpf_map__key_size(map),
                          bpf_map__value_size(map), bpf_map__max_entries(map), &opts);
  if (fd < 0) return -errno;
  if (!bpf_map__is_internal(map)) return fd;
  // Global variables: the values the skeleton set, and .rodata frozen so the verifier may
  // treat it as constants (the dead code behind disabled options is then not verified).
  size_t size = 0;
  const void* initial = bpf_map__initial_value(map, &size);
  const uint32_t zero = 0;
  if ((initial && bpf_map_update_elem(fd, &zero, initial, 0) != 0) ||
      ((bpf_map__map_flags(map) & BPF_F_RDONLY_PROG) && bpf_map_freeze(fd) != 0)) {
    int err = -errno;
    close(fd);
    return err;
  }
  return fd;
}

}  // namespace

std::string share_maps(bpf_object* owner, bpf_object* other) {
  // Map definitions carry type ids of the object's BTF: a copy of it goes to the kernel
  // (the object loads its own when it loads; libbpf refuses to load one BTF twice).
  __u32 raw_size = 0;
  const void* raw = btf__raw_data(bpf_object__btf(owner), &raw_size);
  btf* copy = raw ? btf__new(raw, raw_size) : nullptr;
  if (!copy || btf__load_into_kernel(copy) != 0) {
    int err = errno;
    btf__free(copy);
    return std::string("cannot load the programs' BTF: ") + strerror(err);
  }

  std::string error;
  bpf_map* mine = nullptr;
  bpf_map* theirs = nullptr;
  while (error.empty() && (mine = bpf_object__next_map(owner, mine)) &&
         (theirs = bpf_object__next_map(other, theirs))) {
    if (std::strcmp(bpf_map__name(mine), bpf_map__name(theirs)) != 0) {
      error = std::string("the two program objects differ at map '") + bpf_map__name(mine) + "'";
      break;
    }
    if (bpf_map__fd(mine) >= 0) {  // made by the caller (the rings): only shared
      if (int err = bpf_map__reuse_fd(theirs, bpf_map__fd(mine)))
        error = failed("share", mine, -err);
      continue;
    }
    int fd = create_like(mine, btf__fd(copy));
    if (fd < 0) {
      error = failed("create", mine, -fd);
      break;
    }
    // reuse_fd takes duplicates: ours is closed either way.
    int err = bpf_map__reuse_fd(mine, fd);
    if (!err) err = bpf_map__reuse_fd(theirs, fd);
    close(fd);
    if (err) error = failed("share", mine, -err);
  }
  btf__free(copy);  // the maps hold the kernel's copy
  return error;
}

}  // namespace estrace::probe
