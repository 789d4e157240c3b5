#!/usr/bin/env python3
"""tests/bench/kernel_bench.py — kernel figures (a benchmark, not a test).

  boot-to-banner wall time (host clock, QEMU start -> banner line), CPUS=1,2,4
  host CPU used by an idle guest (idle vCPUs must sleep in WFI)
  the guest's `bench` command: spinlock, context switch, wake-up latency, sleep accuracy (guest time)
"""
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "qemu"))
import tollbooth  # noqa: E402  (the launcher)

KERNEL = str(ROOT / "build" / "kernel.elf")


def spawn(cpus):
    """QEMU itself on a pexpect pty (no shell in between: g.pid is QEMU's pid)."""
    return tollbooth.spawn(KERNEL, cpus=cpus, timeout=60, encoding="utf-8", codec_errors="replace")


def boot_time(cpus, runs=5):
    times = []
    for _ in range(runs):
        t0 = time.monotonic()
        g = spawn(cpus)
        try:
            g.expect_exact("cores online (cortex-a15")
            times.append(time.monotonic() - t0)
        finally:
            g.terminate(force=True)
    return statistics.median(times), min(times)


def proc_cpu_seconds(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    tck = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tck


def idle_cpu(cpus=4, seconds=5.0):
    g = spawn(cpus)
    try:
        g.expect_exact(">>> ")
        time.sleep(1.0)
        pid = g.pid
        c0, t0 = proc_cpu_seconds(pid), time.monotonic()
        time.sleep(seconds)
        c1, t1 = proc_cpu_seconds(pid), time.monotonic()
        return 100.0 * (c1 - c0) / (t1 - t0)
    finally:
        g.terminate(force=True)


def guest_bench(cpus):
    g = spawn(cpus)
    try:
        g.expect_exact(">>> ")
        g.send("import kernel; kernel.shell('bench')\r")
        g.expect_exact("bench: done", timeout=300)
        return [l.strip() for l in g.before.splitlines() if l.startswith("bench:")]
    finally:
        g.terminate(force=True)


def guest_bytecodes():
    """The VM's bytecodes per second in the guest on one core (tests/bench/guest_bytecodes.py)."""
    r = tollbooth.run_batch(ROOT / "tests/bench/guest_bytecodes.py", KERNEL, cpus=1, timeout=120)
    out = r.out.decode("utf-8", "replace")
    return [l.strip() for l in out.splitlines() if l.startswith("RESULT")]


def main():
    if not os.path.exists(KERNEL):
        subprocess.run(["make", "-C", str(ROOT), "build/kernel.elf"], check=True)
    print(f"host: {os.cpu_count()} cores; {tollbooth.qemu_version()}")
    for cpus in (1, 2, 4):
        med, best = boot_time(cpus)
        print(f"boot-to-banner CPUS={cpus}: median {med*1000:.0f} ms, best {best*1000:.0f} ms (wall, incl. QEMU start)")
    pct = idle_cpu(4)
    if pct is not None:
        print(f"idle guest, CPUS=4: QEMU uses {pct:.1f}% of one host core")
    for line in guest_bytecodes():
        print(f"guest VM, CPUS=1, countdown: {line}")
    for cpus in (2, 4):
        print(f"guest bench, CPUS={cpus}:")
        for line in guest_bench(cpus):
            print("  " + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
