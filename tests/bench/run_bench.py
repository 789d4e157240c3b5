#!/usr/bin/python3
"""tests/bench/run_bench.py — tollpy against its peers, side by side in one run (`make bench`).

Each benchmark `tests/bench/NAME.py` runs with build/host/tollpy and /usr/bin/python3 (CPython
3.11), and `NAME.lua` (if present) with lua5.4. Best of --repeat (default 3) wall-clock runs,
the peers interleaved round by round,
each run's stdout must match CPython's (a wrong answer is reported, not timed as a win).
Prints a table with times and the ratios tollpy/CPython and tollpy/Lua, and writes
build/bench/results.csv and build/bench/results.md. If tests/bench/kernel_bench.sh exists
(the kernel's and the guest's figures) it runs too and its output is appended to the
markdown file. Stdlib only.

    /usr/bin/python3 tests/bench/run_bench.py [--tollpy PATH] [--repeat 3] [NAME ...]

The project's speed goal is tollpy <= 0.8x CPython's time on each benchmark. Timings on the
shared 2-core dev machines are noisy: quote ratios, not absolute seconds.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT = os.path.join(REPO, "build/bench")
BENCHES = ["countdown", "fib", "workload", "bigint"]
TIMEOUT = 300


def timed(cmd):
    """Best-effort single run: (seconds, stdout, error-or-None)."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=TIMEOUT,
                           cwd=REPO)
    except subprocess.TimeoutExpired:
        return None, b"", f"timeout {TIMEOUT}s"
    except OSError as e:
        return None, b"", str(e)
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        tail = p.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        return None, p.stdout, f"status {p.returncode}: {tail[0]}"
    return dt, p.stdout, None


def best_of(cmd, n, expect=None):
    best, err = None, None
    for _ in range(n):
        dt, out, e = timed(cmd)
        if e:
            return None, e
        if expect is not None and out != expect:
            return None, "wrong output: " + out.decode("utf-8", "replace").strip()[:60]
        best = dt if best is None else min(best, dt)
    return best, err


def fmt_t(t):
    return "-" if t is None else f"{t:.3f}"


def fmt_r(a, b):
    return "-" if a is None or b is None or b == 0 else f"{a / b:.2f}x"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("names", nargs="*", default=BENCHES)
    ap.add_argument("--tollpy", default=os.path.join(REPO, "build/host/tollpy"))
    ap.add_argument("--python", default="/usr/bin/python3")
    ap.add_argument("--lua", default=shutil.which("lua5.4") or "lua5.4")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()

    os.makedirs(OUT, exist_ok=True)
    have_tollpy = os.access(a.tollpy, os.X_OK)
    have_lua = shutil.which(a.lua) is not None
    rows = []
    notes = []
    for name in a.names:
        py = os.path.join(HERE, name + ".py")
        lua = os.path.join(HERE, name + ".lua")
        # CPython first: its output is the reference answer for the others.
        ok_out = subprocess.run([a.python, py], stdout=subprocess.PIPE, cwd=REPO).stdout
        impls = {"cpython": [a.python, py]}
        if have_tollpy:
            impls["tollpy"] = [a.tollpy, py]
        if have_lua and os.path.exists(lua):
            impls["lua"] = [a.lua, lua]
        # Interleave the peers in every round so load on the shared machine hits all alike.
        best = {k: None for k in impls}
        dead = set()
        for _ in range(a.repeat):
            for k, cmd in impls.items():
                if k in dead:
                    continue
                t, e = best_of(cmd, 1, ok_out)
                if e:
                    notes.append(f"{name}: {k} {e}")
                    dead.add(k)
                    best[k] = None
                    continue
                best[k] = t if best[k] is None else min(best[k], t)
        t_cpy, t_tp, t_lua = best.get("cpython"), best.get("tollpy"), best.get("lua")
        rows.append((name, t_tp, t_cpy, t_lua))
        print(f"  {name:<10} tollpy {fmt_t(t_tp):>8}  cpython {fmt_t(t_cpy):>8}  "
              f"lua {fmt_t(t_lua):>8}", flush=True)

    hdr = ["benchmark", "tollpy s", "cpython s", "lua5.4 s", "tollpy/cpython", "tollpy/lua"]
    table = [[n, fmt_t(tp), fmt_t(cp), fmt_t(lu), fmt_r(tp, cp), fmt_r(tp, lu)]
             for n, tp, cp, lu in rows]
    widths = [max(len(str(r[i])) for r in [hdr] + table) for i in range(len(hdr))]
    print()
    print("  ".join(h.ljust(w) for h, w in zip(hdr, widths)))
    for r in table:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    if not have_tollpy:
        notes.append(f"{a.tollpy} not built: tollpy column empty")
    for n in notes:
        print("note:", n)

    with open(os.path.join(OUT, "results.csv"), "w") as f:
        f.write("benchmark,tollpy_s,cpython_s,lua_s,tollpy_over_cpython,tollpy_over_lua\n")
        for n, tp, cp, lu in rows:
            f.write(",".join([n, fmt_t(tp), fmt_t(cp), fmt_t(lu), fmt_r(tp, cp).rstrip("x"),
                              fmt_r(tp, lu).rstrip("x")]).replace(",-", ",") + "\n")
    md = [f"Best of {a.repeat}, wall clock, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())},"
          f" {os.cpu_count()} host cores. Goal: tollpy/cpython <= 0.80x.", "",
          "| " + " | ".join(hdr) + " |", "|" + "---|" * len(hdr)]
    md += ["| " + " | ".join(r) + " |" for r in table]
    if notes:
        md += [""] + [f"- {n}" for n in notes]

    kb = os.path.join(HERE, "kernel_bench.sh")
    if os.path.exists(kb):
        print("\nrunning tests/bench/kernel_bench.sh (guest figures)")
        try:
            p = subprocess.run(["bash", kb], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                               cwd=REPO, timeout=900)
            kout = p.stdout.decode("utf-8", "replace")
            status = p.returncode
        except subprocess.TimeoutExpired:
            kout, status = "(timed out after 900 s)\n", 124
        print(kout, end="")
        md += ["", f"## Guest (tests/bench/kernel_bench.sh, status {status})", "", "```",
               kout.rstrip(), "```"]
    with open(os.path.join(OUT, "results.md"), "w") as f:
        f.write("\n".join(md) + "\n")
    print(f"\nwrote {os.path.relpath(OUT, REPO)}/results.csv and results.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
