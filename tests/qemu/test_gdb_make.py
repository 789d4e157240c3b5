"""`make gdb` (QEMU halted with a gdb stub + generated gdbinit) and `make run` (interactive,
Ctrl-A x leaves QEMU) work end to end."""
import os
import shutil
import socket
import subprocess
import time

import pexpect
import pytest

from conftest import ROOT, banner


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    p = s.getsockname()[1]
    s.close()
    return p


@pytest.mark.skipif(not shutil.which("gdb-multiarch"), reason="gdb-multiarch missing")
def test_make_gdb_one_thread_per_cpu(tmp_path):
    port = free_port()
    env = dict(os.environ, GDBPORT=str(port), CPUS="2", CONSOLE_MUX="0")
    q = subprocess.Popen(["make", "-s", "-o", "build/kernel.elf", "gdb", "CPUS=2"], cwd=str(ROOT), env=env,
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         start_new_session=True)
    try:
        for _ in range(100):
            if (ROOT / "build" / "gdbinit").exists():
                with socket.socket() as s:
                    if s.connect_ex(("127.0.0.1", port)) == 0:
                        break
            time.sleep(0.1)
        # from another directory: the gdbinit names the kernel by its absolute path
        g = subprocess.run(["gdb-multiarch", "-q", "-batch", "-x", str(ROOT / "build" / "gdbinit"),
                            "-ex", "break kmain", "-ex", "continue", "-ex", "info threads",
                            "-ex", "bt", "-ex", "break console_main", "-ex", "continue", "-ex", "bt",
                            "-ex", "kill"], cwd=str(tmp_path), capture_output=True, text=True, timeout=60)
        out = g.stdout + g.stderr
        assert "kmain ()" in out, out
        assert "CPU#0" in out and "CPU#1" in out, out
        # backtraces end at the outermost frame (boot: _start's common_entry; a thread:
        # thread_start), not in a stale return address
        assert "common_entry ()" in out and "in thread_start ()" in out, out
        assert "corrupt stack" not in out and "Backtrace stopped" not in out, out
    finally:
        os.killpg(q.pid, 9)
        q.wait(timeout=10)


def test_make_run_interactive_ctrl_a_x():
    env = dict(os.environ)
    env.pop("CONSOLE_MUX", None)
    # -o: use the kernel as built (others' edits to interp/ must not make this test a rebuild)
    child = pexpect.spawn("make", ["-s", "-o", "build/kernel.elf", "run", "CPUS=2"], cwd=str(ROOT), env=env,
                          encoding="utf-8", codec_errors="replace", timeout=60)
    try:
        child.expect_exact(banner(2))
        child.expect_exact(">>> ")
        child.send("import kernel; kernel.shell('cores')\r")
        child.expect_exact("2/2 cores online")
        child.expect_exact(">>> ")
        child.send("\x01x")          # QEMU's mux: Ctrl-A x quits
        child.expect(pexpect.EOF, timeout=20)
    finally:
        if child.isalive():
            child.terminate(force=True)
