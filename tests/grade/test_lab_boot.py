"""Lab boot (Lab 0): gdb on the guest. labs/boot/wakeup.gdb must stop at a failed wake-up: the
grader boots the guest halted with a gdb stub (as `make gdb`), running two CPU-bound threads
under the `old` GIL (no lab's solution: this lab is handed out first, with every solution
removed), and runs the student's script with gdb-multiarch in batch mode."""
import os
import shutil
import socket
import subprocess
import time

import pytest

from conftest import GRADE_DIR, KERNEL, ROOT, qemu
import progs


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


@pytest.mark.lab("boot")
@pytest.mark.points(10)
@pytest.mark.skipif(not shutil.which("gdb-multiarch"), reason="gdb-multiarch missing")
def test_gdb_script_stops_at_failed_wakeup(console, tmp_path):
    port = free_port()
    script = tmp_path / "two_threads.py"
    script.write_text(progs.countdown("old", 2000000, limit=50))
    gdbinit = tmp_path / "gdbinit"
    gdbinit.write_text(f"set confirm off\nset pagination off\nset architecture arm\nfile {KERNEL}\n"
                       f"target remote localhost:{port}\n")
    # halted with a gdb stub, as `make gdb`; killed below with its process group
    console.guest = True
    q = qemu.tollbooth.popen(KERNEL, cpus=2, script=script, exit=True, gdb_port=port,
                             stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
    try:
        for _ in range(600):       # wait for QEMU's gdb stub (60 s: a hang guard, not a verdict)
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        try:
            g = subprocess.run(["gdb-multiarch", "-q", "-batch", "-x", str(gdbinit),
                                "-x", str(ROOT / "labs" / "boot" / "wakeup.gdb"), "-ex", "kill"],
                               cwd=str(ROOT), capture_output=True, text=True,
                               timeout=90)   # hang guard: without a failed wake-up gdb waits for ever
            out = g.stdout + g.stderr
        except subprocess.TimeoutExpired as e:
            out = f"(gdb timed out)\n{e.stdout or ''}"
    finally:
        os.killpg(q.pid, 9)
        qout = q.communicate(timeout=10)[0].decode("utf-8", "replace")
    console.add("gdb-multiarch -batch -x labs/boot/wakeup.gdb", 0, out)
    console.add("guest console", q.returncode, qout)
    assert "gil_note_failed_wakeup (" in out and "Breakpoint 1" in out, out
    assert "old_take" in out, "the backtrace should show the waiter in old_take:\n" + out
