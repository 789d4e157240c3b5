#!/usr/bin/env python3
"""labs/handout.py — write a student tree for a lab (`make handout LAB=name[,name] OUT=dir`).

The labs have an order (labs/order, the one place that defines it). A handout of a lab removes
the solutions of that lab AND of every later one, so a teacher who hands the labs out in order
never gives a later lab's answer away (several labs: from the earliest of them on). Earlier labs
stay solved: the student builds on them.

Copies every file `git ls-files --cached --others --exclude-standard` lists (the working tree,
minus ignored files such as build/; modification times kept) to OUT, which must not exist yet
or be empty (--force: OUT is removed first; `make handout ... FORCE=1`), so a student's solved
files are never silently replaced. In every copied file the removed labs' solution regions are
replaced with their stubs:

    /* LAB name: BEGIN */             <- solution: removed, markers included
    ...
    /* LAB name: END */
    #if 0 /* LAB name: STUB */        <- the stub: its body stays, marker lines go
    ...
    #endif /* LAB name: STUB END */

In files that are not C (gdb scripts) the markers are `# LAB name: ...` lines and each stub line
starts with `#| ` (removed in the handout). Every region must have a stub; a malformed region
is an error (exit 2). OUT becomes a git repository with one initial commit (the handout as
given), so the student's `git diff` is the hand-in.
  --list          print the labs in order with the files of their markers
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


def lab_order(root):
    """The labs, first to last (labs/order: one name a line, # comments)."""
    with open(os.path.join(root, "labs", "order"), encoding="utf-8") as f:
        return [w for w in (line.split("#")[0].strip() for line in f) if w]


def removed_labs(order, labs):
    """The labs whose solutions a handout of `labs` removes: the earliest of them and every later one."""
    first = min(order.index(lab) for lab in labs)
    return order[first:]


GIT_ID = ["-c", "user.name=Tollbooth handout", "-c", "user.email=handout@tollbooth.invalid",
          "-c", "commit.gpgsign=false"]


def git_init(out, labs):
    """OUT as a git repository with one commit, dated at a fixed instant (the same handout gives
    the same commit), so `git diff` shows exactly the student's work."""
    env = dict(os.environ, GIT_AUTHOR_DATE="2000-01-01T00:00:00Z", GIT_COMMITTER_DATE="2000-01-01T00:00:00Z")
    for cmd in (["init", "-q"], ["add", "-A"],
                ["commit", "-q", "--no-verify", "-m", "handout: lab %s" % ",".join(labs)]):
        subprocess.run(["git"] + GIT_ID + cmd, cwd=out, check=True, env=env, capture_output=True)


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
    ap.add_argument("--force", action="store_true", help="remove a non-empty OUT first")
    a = ap.parse_args()
    found = all_labs(a.root)
    order = lab_order(a.root)
    if a.list:
        for lab in order:
            print(lab, " ".join(sorted(found.get(lab, []))))
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
        unordered = sorted(set(found) - set(order))
        if unordered:
            print(f"handout: labs with markers but not in labs/order: {' '.join(unordered)}", file=sys.stderr)
            bad += len(unordered)
        print(f"handout: markers of {len(found)} labs checked, {bad} error(s)")
        return 2 if bad else 0
    if not a.lab or not a.out:
        ap.error("--lab and --out are required")
    labs = [x for x in a.lab.split(",") if x]
    unknown = [x for x in labs if x not in order]
    if not labs or unknown:
        print(f"handout: no lab named {', '.join(map(repr, unknown)) or repr(a.lab)} "
              f"(labs, in order: {' '.join(order)})", file=sys.stderr)
        return 2
    removed = removed_labs(order, labs)
    root = os.path.abspath(a.root)
    out = os.path.abspath(a.out)
    if out == root or out.startswith(root + os.sep) or root.startswith(out + os.sep):
        print("handout: OUT must be outside the source tree", file=sys.stderr)
        return 2
    if os.path.exists(out) and (not os.path.isdir(out) or os.listdir(out)):
        if not a.force:
            print(f"handout: {out} exists and is not empty: a student's work may be there; "
                  f"nothing written (FORCE=1 / --force replaces it)", file=sys.stderr)
            return 2
        if os.path.isdir(out) and not os.path.islink(out):
            shutil.rmtree(out)
        else:
            os.unlink(out)
    changed = []
    for p in tracked(a.root):
        src, dst = os.path.join(a.root, p), os.path.join(out, p)
        if not os.path.isfile(src):
            continue
        os.makedirs(os.path.dirname(dst), exist_ok=True)
        mine = [lab for lab in removed if p in found.get(lab, ())]
        t = read_text(src) if mine else None
        if t is None:
            shutil.copy2(src, dst)
            continue
        try:
            new = t
            for lab in mine:
                new = transform(new, lab, p)
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
        f.write(f"lab {','.join(labs)}\nsolutions removed {' '.join(removed)}\nstubbed {' '.join(changed)}\n")
    git_init(out, labs)
    print(f"handout: lab {','.join(labs)} written to {out} (a git repository, one commit); "
          f"solutions removed: {' '.join(removed)}; stubs in: {' '.join(changed) or '(none)'}")
    print(f"  then: cd {out} && make grade LAB={','.join(labs)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
