#!/usr/bin/env python3
"""Fails when a call chain of a BPF object needs more than LIMIT bytes of stack.

The verifier adds up the stack of every frame on a call chain (each frame rounded up to 32
bytes) and refuses a chain above 512 bytes. Some kernel builds give frames a private stack
and accept more; most do not. This check reads the object itself, so a chain that only a
lenient kernel accepts fails the build instead of failing on a user's machine.

What it counts, per function: the deepest frame-pointer offset its instructions touch
(`*(r10 - N)`, or `rX = r10; rX += -N` passed to a helper). Calls: bpf-to-bpf calls, and
references to a function's address (`ld_imm64` of a subprogram: bpf_loop callbacks), which
the verifier counts as calls from the function that takes the address.

Usage: bpf_stack_check.py OBJECT [--limit 512] [--report]
"""
import argparse
import struct
import sys

SHT_SYMTAB, SHT_REL = 2, 9
STT_FUNC, STT_SECTION = 2, 3
R_BPF_64_64, R_BPF_64_32 = 1, 10
BPF_PSEUDO_CALL = 1
FP = 10  # the frame pointer register


class Elf:
    def __init__(self, data):
        if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
            raise ValueError("not a little-endian ELF64 object")
        self.data = data
        (shoff,) = struct.unpack_from("<Q", data, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
        self.sections = []
        for i in range(shnum):
            name, stype, _, _, off, size, link, info, _, entsize = struct.unpack_from(
                "<IIQQQQIIQQ", data, shoff + i * shentsize)
            self.sections.append(dict(name=name, type=stype, off=off, size=size, link=link,
                                      info=info, entsize=entsize))
        names = self.sections[shstrndx]
        for s in self.sections:
            s["name"] = self.cstr(names["off"] + s["name"])

    def cstr(self, off):
        return self.data[off:self.data.index(b"\0", off)].decode()

    def body(self, idx):
        s = self.sections[idx]
        return self.data[s["off"]:s["off"] + s["size"]]

    def symbols(self):
        for s in self.sections:
            if s["type"] != SHT_SYMTAB:
                continue
            strtab = self.sections[s["link"]]["off"]
            out = []
            for i in range(s["size"] // 24):
                name, info, _, shndx, value, size = struct.unpack_from(
                    "<IBBHQQ", self.data, s["off"] + i * 24)
                out.append(dict(name=self.cstr(strtab + name), type=info & 0xF,
                                shndx=shndx, value=value, size=size))
            return out
        raise ValueError("no symbol table")

    def relocations(self, target_idx):
        """{byte offset in section target_idx: (type, symbol index)}"""
        out = {}
        for s in self.sections:
            if s["type"] == SHT_REL and s["info"] == target_idx:
                for i in range(s["size"] // 16):
                    off, info = struct.unpack_from("<QQ", self.data, s["off"] + i * 16)
                    out[off] = (info & 0xFFFFFFFF, info >> 32)
        return out


def analyse(path):
    """Returns ({function: frame bytes}, {function: set of callees}, [program entry points])."""
    elf = Elf(open(path, "rb").read())
    syms = elf.symbols()
    funcs = {}  # (section index, byte offset) -> name
    for sym in syms:
        if sym["type"] == STT_FUNC and sym["size"]:
            funcs[(sym["shndx"], sym["value"])] = sym
    frames, calls, programs = {}, {}, []
    for (shndx, start), sym in sorted(funcs.items()):
        name = sym["name"]
        section = elf.sections[shndx]["name"]
        if section != ".text":
            programs.append(name)
        code = elf.body(shndx)
        relocs = elf.relocations(shndx)
        depth, callees = 0, set()
        fp_regs = {}  # register -> offset from r10 while it holds r10 + k
        pc = start
        end = start + sym["size"]
        while pc < end:
            op, regs, off, imm = struct.unpack_from("<BBhi", code, pc)
            dst, src = regs & 0xF, regs >> 4
            cls = op & 7
            if cls in (1, 2, 3) or op in (0xDB, 0xC3):  # LDX, ST, STX, atomics
                base = src if cls == 1 else dst
                if base == FP and off < 0:
                    depth = max(depth, -off)
                elif base in fp_regs and fp_regs[base] + off < 0:
                    depth = max(depth, -(fp_regs[base] + off))
            if op == 0xBF and src == FP:  # rX = r10
                fp_regs[dst] = 0
            elif op == 0x07 and dst in fp_regs:  # rX += imm
                fp_regs[dst] += imm
                if fp_regs[dst] < 0:
                    depth = max(depth, -fp_regs[dst])
            elif op == 0x85:  # call
                if src == BPF_PSEUDO_CALL:
                    callees.add(call_target(elf, syms, funcs, shndx, pc, imm, relocs))
                for r in range(0, 6):
                    fp_regs.pop(r, None)
            elif cls in (4, 7, 1) and dst in fp_regs and dst != FP:
                fp_regs.pop(dst, None)  # any other write to the register
            if op == 0x18:  # ld_imm64: two slots
                callees.add(func_ref_target(elf, syms, funcs, pc, imm, relocs))
                fp_regs.pop(dst, None)
                pc += 8
            pc += 8
        frames[name] = depth
        calls[name] = callees - {None}
    return frames, calls, programs


def call_target(elf, syms, funcs, shndx, pc, imm, relocs):
    if pc in relocs:
        _, symidx = relocs[pc]
        sym = syms[symidx]
        if sym["type"] == STT_FUNC:
            return sym["name"]
        target = (sym["shndx"], sym["value"] + (imm + 1) * 8)
    else:
        target = (shndx, pc + (imm + 1) * 8)
    return funcs[target]["name"] if target in funcs else None


def func_ref_target(elf, syms, funcs, pc, imm, relocs):
    """The function an ld_imm64 takes the address of (libbpf turns it into a
    BPF_PSEUDO_FUNC load), or None for a map, a global variable or a constant."""
    if pc not in relocs:
        return None
    _, symidx = relocs[pc]
    sym = syms[symidx]
    if sym["shndx"] >= len(elf.sections) or elf.sections[sym["shndx"]]["name"] != ".text":
        return None
    target = (sym["shndx"], sym["value"] + imm if sym["type"] == STT_SECTION else sym["value"])
    return funcs[target]["name"] if target in funcs else None


def verifier_frame(depth):
    """The verifier rounds every frame up to 32 bytes, and counts at least 32."""
    return (max(depth, 1) + 31) // 32 * 32


def deepest(name, frames, calls, seen=()):
    """(bytes, chain) of the deepest call chain from `name`."""
    if name in seen:
        raise ValueError("recursion through " + " -> ".join(seen + (name,)))
    best = (0, ())
    for callee in sorted(calls.get(name, ())):
        best = max(best, deepest(callee, frames, calls, seen + (name,)), key=lambda b: b[0])
    return verifier_frame(frames[name]) + best[0], (name,) + best[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("object")
    parser.add_argument("--limit", type=int, default=512)
    parser.add_argument("--report", action="store_true", help="print every program's chain")
    args = parser.parse_args()
    frames, calls, programs = analyse(args.object)
    if not programs:
        sys.exit(f"{args.object}: no BPF programs found")
    failed = False
    for prog in programs:
        total, chain = deepest(prog, frames, calls)
        line = " -> ".join(f"{f}({verifier_frame(frames[f])})" for f in chain)
        over = total > args.limit
        failed |= over
        if over or args.report:
            verdict = "OVER the limit" if over else "ok"
            print(f"{prog}: {total} bytes of stack, {verdict} ({args.limit}): {line}",
                  file=sys.stderr if over else sys.stdout)
    if failed:
        sys.exit(f"{args.object}: a call chain needs more than {args.limit} bytes of BPF stack; "
                 "move large locals to a per-CPU scratch map or flatten the chain")


if __name__ == "__main__":
    main()
