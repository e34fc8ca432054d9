#!/usr/bin/env python3
"""Layers point one way: a module uses only itself and the modules of lower layers.

Reads every `#include "estrace/<module>/..."` in src/ and include/estrace/, and every
estrace_<module> library a src/<module>/CMakeLists.txt links, and fails naming each use of a
module from the same or a higher layer, or of a module the table below does not know. The
layer order is docs/DESIGN.md's ("Layers").

  scripts/check_layers.py [ROOT]    ROOT: the source tree (default: this script's checkout)
"""

import pathlib
import re
import sys

# Lowest first. Modules of one layer are peers: neither uses the other.
LAYERS = [
    ("abi", "util"),  # records shared with bpf/; small helpers
    ("syscalls",),  # the catalogue and the signature table
    ("model",),  # the values decode produces and format prints
    ("decode", "format"),  # records -> events; values -> strace's text
    ("output", "summary", "probe", "ingest", "launch"),
    ("cli",),
    ("app",),
    ("main",),  # src/main.cpp
]
RANK = {module: rank for rank, layer in enumerate(LAYERS) for module in layer}
# Libraries that are not modules of src/ (the BPF skeleton is built from bpf/).
NOT_MODULES = {"bpf_skel"}

INCLUDE = re.compile(r'^\s*#\s*include\s+"estrace/([a-z_0-9]+)/')
LINK = re.compile(r"\bestrace_([a-z_0-9]+)\b")


def module_of(root, path):
    """The module a file belongs to: src/<module>/..., include/estrace/<module>/..."""
    parts = path.relative_to(root).parts
    if parts[0] == "src":
        return "main" if len(parts) == 2 else parts[1]
    return parts[2]  # include/estrace/<module>/...


def check_use(where, user, used, problems):
    if used == user or used in NOT_MODULES:
        return
    for module in (user, used):
        if module not in RANK:
            problems.append(f"{where}: module '{module}' is in no layer (scripts/check_layers.py)")
            return
    if RANK[used] >= RANK[user]:
        problems.append(
            f"{where}: {user} (layer {RANK[user]}) uses {used} (layer {RANK[used]}):"
            " a module uses only lower layers"
        )


def main(argv):
    root = pathlib.Path(argv[1] if len(argv) > 1 else pathlib.Path(__file__).parent.parent)
    problems = []
    sources = [p for d in ("src", "include/estrace") for p in sorted((root / d).rglob("*"))]
    for path in sources:
        if path.suffix in (".cpp", ".h"):
            user = module_of(root, path)
            for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
                if m := INCLUDE.match(line):
                    where = f"{path.relative_to(root)}:{n}"
                    check_use(where, user, m.group(1), problems)
        elif path.name == "CMakeLists.txt" and path.parent.parent == root / "src":
            user = path.parent.name
            text = path.read_text()
            # Only what the library links: its own name and other targets stay out.
            for link in re.finditer(r"target_link_libraries\(\s*estrace_\w+([^)]*)\)", text):
                n = text.count("\n", 0, link.start()) + 1
                for m in LINK.finditer(link.group(1)):
                    check_use(f"{path.relative_to(root)}:{n}", user, m.group(1), problems)
    for problem in problems:
        print(f"check_layers: {problem}")
    if problems:
        return 1
    print(f"check_layers: {len(sources)} files, layers point one way")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
