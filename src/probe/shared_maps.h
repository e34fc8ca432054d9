// shared_maps: one set of maps for two bpf_objects opened from the same ELF.
//
// Why: libbpf verifies an object's programs one after another, and sys_enter and sys_exit
// each take the verifier ~8 ms. Loading sys_exit from a second open of the object, on
// another thread, halves that part of start-up, but both objects must use the same maps.
// libbpf makes maps only as part of a load, so they are made here first, from the first
// object's definitions (after its max_entries are set), and handed to both objects.
#pragma once
#include <string>

struct bpf_object;

namespace estrace::probe {

// Creates every map of `owner` that has no fd yet (internal maps get their initial value,
// .rodata is frozen as libbpf would), then makes `owner` and `other` reuse each map of
// `owner`, matched by name. Returns an error message, empty on success.
std::string share_maps(bpf_object* owner, bpf_object* other);

}  // namespace estrace::probe
