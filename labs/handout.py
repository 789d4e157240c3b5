#!/usr/bin/env python3
"""labs/handout.py — write a student tree for one lab (`make handout LAB=name OUT=dir`).

Copies every file `git ls-files --cached --others --exclude-standard` lists (the working tree,
minus ignored files such as build/; modification times kept) to OUT,
and in every copied file replaces the lab's solution regions with their stubs:

    /* LAB name: BEGIN */             <- solution: removed, markers included
    ...
    /* LAB name: END */
    #if 0 /* LAB name: STUB */        <- the stub: its body stays, marker lines go
    ...
    #endif /* LAB name: STUB END */

In files that are not C (gdb scripts) the markers are `# LAB name: ...` lines and each stub line
starts with `#| ` (removed in the handout). Other labs' regions stay solved. Every region must
have a stub; a malformed region is an error (exit 2).
  --list          print the lab names found in the tree's markers
  --check         only check the markers of every lab (used by tests/test_handout.py)
  --cache         also copy build/k, build/host and kernel.elf (mtimes kept) so the handout
                  tree rebuilds only the files the stubs changed (--cache-from DIR: another build)
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# A marker is a line of its own: `/* LAB x: BEGIN */`, `#if 0 /* LAB x: STUB */`, `# LAB x: END`...
MARK = re.compile(r"^\s*(?:#if 0\s*|#endif\s*)?(?:/\*|#)\s*LAB ([a-z0-9_]+): (BEGIN|END|STUB END|STUB)\s*(?:\*/)?\s*$",
                  re.M)


def tracked(root):
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=root, check=True,
                         capture_output=True).stdout.decode()
    return sorted({p for p in out.split("\0") if p})


def labs_in(text):
    return {m.group(1) for m in MARK.finditer(text)}


def transform(text, lab, path="?"):
    """Return text with `lab`'s regions replaced by their stubs; raise ValueError if malformed."""
    lines = text.splitlines(keepends=True)
    out, state, solution_seen, stubs = [], "out", 0, 0
    for n, line in enumerate(lines, 1):
        m = MARK.search(line)
        kind = m.group(2) if m and m.group(1) == lab else None
        if state == "out":
            if kind == "BEGIN":
                state, solution_seen = "solution", solution_seen + 1
            elif kind == "STUB":
                state = "stub"
            elif kind:
                raise ValueError(f"{path}:{n}: LAB {lab}: {kind} outside a region")
            else:
                out.append(line)
        elif state == "solution":
            if kind == "END":
                state = "out"
            elif kind:
                raise ValueError(f"{path}:{n}: LAB {lab}: {kind} inside the solution")
        elif state == "stub":
            if kind == "STUB END":
                state, stubs = "out", stubs + 1
            elif kind:
                raise ValueError(f"{path}:{n}: LAB {lab}: {kind} inside the stub")
            else:
                out.append(line[3:] if line.startswith("#| ") else
                           line[2:] if line.rstrip("\n") == "#|" else line)
    if state != "out":
        raise ValueError(f"{path}: LAB {lab}: region not closed")
    if solution_seen != stubs:
        raise ValueError(f"{path}: LAB {lab}: {solution_seen} solution region(s), {stubs} stub(s)")
    return "".join(out)


def read_text(path):
    try:
        with open(path, encoding="utf-8") as f:
            return f.read()
    except (UnicodeDecodeError, IsADirectoryError, FileNotFoundError):
        return None


def all_labs(root):
    found = {}
    for p in tracked(root):
        if p.endswith(".md") or p == "labs/handout.py":
            continue        # documentation talks about the markers; it has none
        t = read_text(os.path.join(root, p))
        if t and "LAB " in t:
            for lab in labs_in(t):
                found.setdefault(lab, []).append(p)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lab")
    ap.add_argument("--out")
    ap.add_argument("--root", default=ROOT)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--cache", action="store_true")
    ap.add_argument("--cache-from", default=None, help="build directory to copy (default ROOT/build)")
    a = ap.parse_args()
    found = all_labs(a.root)
    if a.list:
        for lab in sorted(found):
            print(lab, " ".join(sorted(found[lab])))
        return 0
    if a.check:
        bad = 0
        for lab, paths in sorted(found.items()):
            for p in paths:
                try:
                    transform(read_text(os.path.join(a.root, p)), lab, p)
                except ValueError as e:
                    print(e, file=sys.stderr)
                    bad += 1
        print(f"handout: markers of {len(found)} labs checked, {bad} error(s)")
        return 2 if bad else 0
    if not a.lab or not a.out:
        ap.error("--lab and --out are required")
    if a.lab not in found and not os.path.isdir(os.path.join(a.root, "labs", a.lab)):
        print(f"handout: no lab named {a.lab!r} (labs: {', '.join(sorted(found))})", file=sys.stderr)
        return 2
    out = os.path.abspath(a.out)
    if os.path.abspath(a.root) == out or out.startswith(os.path.abspath(a.root) + os.sep + "interp"):
        print("handout: OUT must be outside the source tree", file=sys.stderr)
        return 2
    changed = []
    for p in tracked(a.root):
        src, dst = os.path.join(a.root, p), os.path.join(out, p)
        if not os.path.isfile(src):
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        t = read_text(src) if p in found.get(a.lab, ()) else None
        if t is None:
            shutil.copy2(src, dst)
            continue
        try:
            new = transform(t, a.lab, p)
        except ValueError as e:
            print(f"handout: {e}", file=sys.stderr)
            return 2
        with open(dst, "w", encoding="utf-8") as f:
            f.write(new)
        shutil.copymode(src, dst)
        changed.append(p)
    if a.cache:
        cache = a.cache_from or os.path.join(a.root, "build")
        for sub in ("k", "host"):
            s = os.path.join(cache, sub)
            if os.path.isdir(s):
                shutil.copytree(s, os.path.join(out, "build", sub), dirs_exist_ok=True,
                                ignore=shutil.ignore_patterns("*.tmp", "test_*"))
        for f in ("kernel.elf", "kernel0.elf", "kernel.map", "ksyms0.c", "ksyms0.o", "ksyms.c", "ksyms.o"):
            if os.path.isfile(os.path.join(cache, f)):
                shutil.copy2(os.path.join(cache, f), os.path.join(out, "build", f))
    with open(os.path.join(out, ".handout"), "w") as f:
        f.write(f"lab {a.lab}\nstubbed {' '.join(changed)}\n")
    print(f"handout: lab {a.lab} written to {out}; stubs in: {' '.join(changed) or '(none)'}")
    print(f"  then: cd {out} && make grade LAB={a.lab}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
