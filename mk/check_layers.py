#!/usr/bin/python3
"""mk/check_layers.py — fail on any include or call across a forbidden layer edge.

Run by `make check-layers` (mk/layers.mk), which passes the rules and the object files:

  check_layers.py --rule COMPONENT:ALLOWED,... ... [--allow FROM>TO:SYMBOL ...]
                  --sources DIR... --objects FILE.o...

A component is a folder: `interp/core`, `ports/guest`, `kernel/test`, `kernel`, ... A file belongs
to the longest component that is a prefix of its path. A rule `A:B,C` says A may include headers
of, and refer to symbols defined in, B and C (and itself). Every component must have a rule.

Includes: every `#include` line of every .c/.h/.S file under the source folders, whatever #if
surrounds it, resolved the way the compilers do (the including file's folder, then -Iinterp,
then -I.); includes that resolve to no file in the tree are the C library's and always allowed.

Calls (and any other symbol reference): `nm` on the objects. Each undefined symbol (`U`, and
weak references `w`) is mapped to the component(s) of the objects that define it; a symbol no
object defines is the C library's (or the linker's) and always allowed. This catches
hand-written prototypes that no include check can see. A symbol that an allowed component
defines weakly is that component's interface (a link-time default that another component may
replace, e.g. kernel/main.c's console_main) and is allowed.

The platform door: the port_* functions declared in interp/port/*.h (port.h, trace_events.h) are
defined by the ports, but a reference to them counts as a reference to `interp/port`, the
component that declares them. No other symbol of ports/ counts as the door.

Exit status 0 when every edge is allowed, 1 with one line per violation otherwise.
"""
import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict

INCLUDE_RE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')
PORT_COMPONENT = "interp/port"
SOURCE_EXTS = (".c", ".h", ".S")
# Include search path after the including file's own folder, as in mk/host.mk and mk/kernel.mk.
INCLUDE_DIRS = ("interp", ".")


def parse_rules(rules):
    allowed = {}
    for r in rules:
        comp, _, rest = r.partition(":")
        allowed[comp] = {c for c in rest.split(",") if c} | {comp}
    return allowed


def component_of(path, components):
    """The longest component that is a folder prefix of path, or None."""
    best = None
    for c in components:
        if path == c or path.startswith(c + "/"):
            if best is None or len(c) > len(best):
                best = c
    return best


def object_source(obj):
    """build/host/obj/interp/core/mem.o -> interp/core/mem; build/k/kernel/main.o -> kernel/main;
    the generated tables (build/*/gen_*.o, build/k/gen/*.o) -> gen/<name>."""
    parts = obj.split("/")
    if "obj" in parts:
        parts = parts[parts.index("obj") + 1:]
    elif len(parts) > 2 and parts[1] == "k":
        parts = parts[2:]
    path = "/".join(parts)[:-2]
    base = os.path.basename(path)
    if base.startswith("gen_"):
        return "gen/" + base[4:]
    return path


def check_includes(source_dirs, components, allowed):
    out = []
    files = []
    for d in source_dirs:
        for root, _, names in os.walk(d):
            files += [os.path.join(root, n) for n in names if n.endswith(SOURCE_EXTS)]
    for f in sorted(files):
        src = component_of(f, components)
        if src is None:
            out.append(f"{f}: no rule covers this folder (add one to mk/layers.mk)")
            continue
        with open(f, errors="replace") as fh:
            for lineno, line in enumerate(fh, 1):
                m = INCLUDE_RE.match(line)
                if not m:
                    continue
                kind, name = m.groups()
                dirs = ((os.path.dirname(f),) if kind == '"' else ()) + INCLUDE_DIRS
                target = None
                for d in dirs:
                    p = os.path.normpath(os.path.join(d, name))
                    if os.path.isfile(p):
                        target = p
                        break
                if target is None:
                    continue                      # the C library's header
                dst = component_of(target, components)
                if dst is not None and dst not in allowed[src]:
                    out.append(f"{f}:{lineno}: include of {target}: {src} -> {dst} is not allowed")
    return out


def port_functions():
    """The port_* functions declared in interp/port/*.h: the platform door."""
    names = set()
    for h in sorted(os.listdir(PORT_COMPONENT)):
        if h.endswith(".h"):
            with open(os.path.join(PORT_COMPONENT, h)) as fh:
                text = re.sub(r"/\*.*?\*/", "", fh.read(), flags=re.S)
            names |= set(re.findall(r"\b(port_[A-Za-z0-9_]+)\s*\(", text))
    return names


def nm(obj):
    res = subprocess.run(["nm", obj], capture_output=True, text=True)
    if res.returncode != 0:
        sys.exit(f"check-layers: nm {obj} failed: {res.stderr.strip()}")
    for line in res.stdout.splitlines():
        fields = line.split()
        if len(fields) >= 2:
            yield fields[-2], fields[-1]


def check_calls(objects, components, allowed):
    """One build (host, or the guest kernel) at a time: symbols resolve within a link."""
    out = []
    door = port_functions()
    strong = defaultdict(set)     # symbol -> components defining it
    weak = defaultdict(set)       # symbol -> components defining it weakly
    refs = []                     # (object, component, symbol)
    for obj in objects:
        comp = component_of(object_source(obj), components)
        if comp is None:
            out.append(f"{obj}: no rule covers its source (add one to mk/layers.mk)")
            continue
        for kind, sym in nm(obj):
            if kind in ("U", "w", "v"):
                refs.append((obj, comp, sym))
            elif kind in ("W", "V"):
                weak[sym].add(comp)
            elif kind.isupper():
                strong[sym].add(comp)
    for obj, comp, sym in refs:
        if any(c in allowed[comp] for c in weak[sym]):
            continue                      # an allowed component's replaceable default
        definers = strong[sym] | weak[sym]
        if sym in door:
            definers = {PORT_COMPONENT}
        bad = sorted(c for c in definers if c not in allowed[comp])
        if bad:
            out.append(f"{obj}: refers to {sym} (defined in {', '.join(bad)}): "
                       f"{comp} -> {bad[0]} is not allowed")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rule", action="append", default=[], metavar="COMP:ALLOWED,...")
    ap.add_argument("--sources", nargs="+", default=[])
    ap.add_argument("--objects", nargs="+", action="append", default=[],
                    help="the objects of one link (give once per build)")
    args = ap.parse_args()
    allowed = parse_rules(args.rule)
    components = list(allowed)
    for comp, deps in allowed.items():
        for d in deps - set(components):
            sys.exit(f"check-layers: rule for {comp} names {d}, which has no rule of its own")
    out = check_includes(args.sources, components, allowed)
    for objs in args.objects:
        out += check_calls(objs, components, allowed)
    seen = set()
    out = [v for v in out if not (v in seen or seen.add(v))]
    for v in out:
        print(v)
    if out:
        print(f"check-layers: {len(out)} forbidden edge(s); the rules are in mk/layers.mk, "
              f"the layers in interp/README.md", file=sys.stderr)
        return 1
    print(f"check-layers: ok ({len(components)} components, "
          f"{sum(len(o) for o in args.objects)} objects)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
