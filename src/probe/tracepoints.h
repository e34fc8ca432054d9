// tracepoints: how libbpf loads and attaches estrace's SEC("tp_btf/NAME") programs.
//
// Why: a tp_btf program is loaded with the kernel BTF id of its tracepoint (btf_trace_NAME),
// and libbpf finds it by parsing the whole kernel BTF (5.5 MB: ~7 ms per object, more when
// both objects parse at once). On the kernel estrace was built on, the build knows the ids
// (bpf/tracepoint_ids.cmake), and with the small CO-RE BTF (core_btf.h) nothing else needs
// the kernel's BTF. So "tp_btf/" gets a handler of our own (libbpf allows overriding its
// SEC() handlers): the programs open as raw tracepoints, which need no kernel BTF, and become
// BTF-typed ones with the known id just before the kernel loads them. Elsewhere
// use_kernel_btf() gives each program its target as libbpf's own handler would.
#pragma once

struct bpf_object;

namespace estrace::probe {

// Installs the handler for SEC("tp_btf/") (once per process; before any open).
void install_tracepoint_handler();

// True when the build's ids hold for the running kernel (the build kernel, every tracepoint
// found).
bool tracepoint_ids_known();

// Before `obj` loads, when the ids are not known: each autoloaded program's target looked up
// in the kernel BTF (libbpf parses it once for the object). Returns 0 or a negative errno.
int use_kernel_btf(bpf_object* obj);

}  // namespace estrace::probe
