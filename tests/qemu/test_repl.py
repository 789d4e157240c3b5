"""MicroPython-style REPL conventions, the raw REPL, soft reset, Ctrl-C with threads, the timeline,
the trace export round trip and a 2 x 2 sweep. Guests run with CPUS=2."""
import json
import pathlib
import re
import subprocess
import sys
import time

import pytest

from conftest import KERNEL, ROOT

sys.path.insert(0, str(ROOT / "qemu"))
import tollbooth  # noqa: E402


def tollbooth_pexpect():
    import pexpect
    return pexpect


@pytest.fixture
def board():
    made = []

    def make(**kw):
        b = tollbooth.Board(KERNEL, cpus=kw.pop("cpus", 2), timeout=kw.pop("timeout", 40), **kw)
        made.append(b)
        return b

    yield make
    for b in made:
        b.close()


def line(b, text, timeout=30):
    """Type a line at >>> and return the output up to the next prompt."""
    b.child.send(text.encode() + b"\r")
    b.child.expect_exact(b">>> ", timeout=timeout)
    return tollbooth._norm(b.child.before).decode("utf-8", "replace")


def test_control_keys(board):
    b = board()
    # Ctrl-B: banner again
    b.child.send(b"\x02")
    b.child.expect_exact(b"Ctrl-A raw REPL")
    b.child.expect_exact(b">>> ")
    # continuation prompt and a block
    b.child.send(b"def f(x):\r")
    b.child.expect_exact(b"... ")
    b.child.send(b"    return x * 2\r\r")
    b.child.expect_exact(b">>> ")
    assert "42" in line(b, "f(21)")
    # history: up arrow recalls f(21)
    b.child.send(b"\x1b[A\r")
    b.child.expect_exact(b"42")
    b.child.expect_exact(b">>> ")
    # Ctrl-E paste mode, Ctrl-D runs it
    b.child.send(b"\x05")
    b.child.expect_exact(b"paste mode")
    b.child.send(b"for i in range(3):\r    print('pasted', i)\r\x04")
    b.child.expect_exact(b"pasted 2")
    b.child.expect_exact(b">>> ")
    # Ctrl-E then Ctrl-C cancels
    b.child.send(b"\x05print('never')\r\x03")
    b.child.expect_exact(b">>> ")
    # Ctrl-C at the prompt abandons the line
    b.child.send(b"print('nope')\x03")
    b.child.expect_exact(b">>> ")
    # Ctrl-D soft reset: fresh interpreter (f is gone), the kernel keeps running
    b.child.send(b"\x04")
    b.child.expect_exact(b"soft reboot")
    b.child.expect_exact(b">>> ")
    assert "NameError" in line(b, "f")
    # Ctrl-C interrupts a running program
    b.child.send(b"while True: pass\r\r")
    time.sleep(0.5)
    b.child.send(b"\x03")
    b.child.expect_exact(b"KeyboardInterrupt", timeout=15)
    b.child.expect_exact(b">>> ")
    # Ctrl-A raw REPL, Ctrl-B back
    b.enter_raw()
    b.child.send(b"\x02")
    b.child.expect_exact(b">>> ")


def test_raw_repl_output_errors_and_soft_reset(board):
    b = board()
    b.enter_raw()
    out, err = b.exec_raw("print('hello raw')\nx = 41\n")
    assert out == "hello raw\n" and err == ""
    out, err = b.exec_raw("print(x + 1)\n1/0\n")
    assert out == "42\n"
    assert "ZeroDivisionError" in err and "Traceback" in err
    out, err = b.exec_raw("def broken(:\n")
    assert "SyntaxError" in err
    assert b.last_status(err) == 1                   # the SyntaxError
    out, err = b.exec_raw("import sys\nprint('bye')\nsys.exit(3)\n")
    assert out == "bye\n" and err == ""             # quiet, as MicroPython's raw REPL
    assert b.last_status(err) == 3                   # the host tool still gets the code
    out, err = b.exec_raw("print('fine')\n")
    assert b.last_status(err) == 0
    # Ctrl-D at the empty raw prompt: soft reset, x is gone
    b.child.send(b"\x04")
    b.child.expect_exact(b"soft reboot")
    b.child.expect_exact(b"raw REPL; CTRL-B to exit")
    b.child.expect_exact(b">")
    out, err = b.exec_raw("print(x)\n")
    assert "NameError" in err
    # Ctrl-C while a raw program runs: KeyboardInterrupt in the error part, prompt back
    b.child.send(b"while True:\n    pass\n\x04")
    b.child.expect_exact(b"OK")
    time.sleep(0.5)
    b.child.send(b"\x03")
    b._pending = b""
    out = b._read_until_eot(20, None)
    err = b._read_until_eot(20, None)
    assert b"KeyboardInterrupt" in err, err
    b._expect_pending(b">", 20)
    # raw-paste request is refused so tools fall back
    b.child.send(b"\x05A\x01")
    b.child.expect_exact(b"R\x00")
    b.child.send(b"\x03")
    b.child.expect_exact(b">")


def test_raw_repl_64k_program(board):
    b = board()
    b.enter_raw()
    lines = ["total = 0"]
    while sum(len(x) + 1 for x in lines) < 64 * 1024:
        i = len(lines)
        lines.append("total += %d  # padding padding padding padding padding padding %06d" % (i, i))
    lines.append("print('lines', %d, 'total', total)" % (len(lines) - 1))
    src = "\n".join(lines) + "\n"
    assert len(src) >= 64 * 1024
    n = len(lines) - 2
    out, err = b.exec_raw(src, timeout=90)
    assert err == "", err
    assert out == "lines %d total %d\n" % (n, n * (n + 1) // 2), out
    # and a binary-junk program is an error, not a hang
    out, err = b.exec_raw("\x00\x07\x7f\xff\xfe junk \x10\n")
    assert err
    out, err = b.exec_raw("print('alive')\n")
    assert out == "alive\n"
    # the same program pasted in friendly paste mode (echoed, "=== " per line)
    b.child.send(b"\x02")
    b.child.expect_exact(b">>> ")
    b.child.send(b"\x05")
    b.child.expect_exact(b"paste mode")
    # (the guest echoes every character: read while sending, as a terminal does)
    data = src.replace("\n", "\r").encode() + b"\x04"
    acc = bytearray()

    def drain(t):
        try:
            while True:
                acc.extend(b.child.read_nonblocking(65536, timeout=t))
        except (tollbooth_pexpect().TIMEOUT, tollbooth_pexpect().EOF):
            pass
    for i in range(0, len(data), 512):
        b.child.send(data[i:i + 512])
        drain(0.01)
    want = ("lines %d total %d" % (n, n * (n + 1) // 2)).encode()
    deadline = time.monotonic() + 90
    while want not in acc and time.monotonic() < deadline:
        drain(0.5)
    assert want in acc, bytes(acc[-300:])


def test_input_while_program_runs_is_not_lost(board):
    b = board()
    b.enter_raw()
    b.child.send(b"import time\ntime.sleep(1.5)\nprint(repr(input()))\x04")
    b.child.expect_exact(b"OK")
    b.child.send(b"typed while sleeping " + b"y" * 3000 + b"\r")
    out = b._read_until_eot(30, None)
    assert ("'typed while sleeping " + "y" * 3000 + "'") in tollbooth._norm(out).decode(), out[-200:]


SPIN4 = """import threading
def spin():
    while True:
        pass
ts = [threading.Thread(target=spin) for i in range(4)]
for t in ts:
    t.start()
"""


def test_ctrl_c_stops_four_spinning_threads(board):
    b = board()
    b.child.send(b"\x05" + SPIN4.replace("\n", "\r").encode() + b"\x04")
    b.child.expect_exact(b">>> ")
    assert "5" in line(b, "threading.active_count()")
    b.child.send(b"while True: pass\r\r")
    time.sleep(0.5)
    b.child.send(b"\x03")
    b.child.expect_exact(b"KeyboardInterrupt", timeout=20)
    b.child.expect_exact(b">>> ", timeout=20)
    out = line(b, "threading.active_count()")
    assert re.search(r"^1$", out, re.M), out
    # threads left spinning in the background: Ctrl-C on an empty line stops them
    b.child.send(b"\x05" + SPIN4.replace("\n", "\r").encode() + b"\x04")
    b.child.expect_exact(b">>> ")
    b.child.send(b"\x03")
    b.child.expect_exact(b"stopped 4 background thread(s)", timeout=20)
    b.child.expect_exact(b">>> ")
    out = line(b, "threading.active_count()")
    assert re.search(r"^1$", out, re.M), out


def test_soft_reset_with_threads_running(board):
    b = board()
    b.child.send(b"\x05" + SPIN4.replace("\n", "\r").encode() +
                 b"import time\rdef sleeper():\r    time.sleep(100)\r"
                 b"threading.Thread(target=sleeper).start()\r\x04")
    b.child.expect_exact(b">>> ")
    b.child.send(b"\x04")
    b.child.expect_exact(b"soft reboot", timeout=20)
    b.child.expect_exact(b">>> ")
    out = line(b, "import threading; threading.active_count()")
    assert re.search(r"^1$", out, re.M), out
    assert "NameError" in line(b, "spin")


COUNTDOWN2 = """import threading
def count(n):
    while n > 0:
        n -= 1
ts = [threading.Thread(target=count, args=(300000,)) for i in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print('done')
"""


def test_timeline_shape(board):
    b = board()
    b.enter_raw()
    out, err = b.exec_raw(COUNTDOWN2, timeout=90)
    assert out == "done\n" and err == ""
    out, err = b.exec_raw("import kernel\nkernel.timeline(width=72)\n")
    assert err == "", err
    rows = out.splitlines()
    assert rows[0].startswith("timeline: "), out
    assert "legend:" in out and "switches" in out
    bars = [r for r in rows if "|" in r]
    assert len(bars) >= 1 + 3 + 1 + 2   # axis, >= 3 threads, GIL holder, cpu0/cpu1
    for r in bars:
        assert len(r) <= 72, (len(r), r)
    thread_rows = [r for r in bars if re.match(r"^[A-L] ", r)]
    assert len(thread_rows) >= 3
    assert any("#" in r for r in thread_rows)
    assert any("-" in r.split("|")[1] for r in thread_rows)


def test_trace_round_trip(board, tmp_path):
    b = board()
    b.enter_raw()
    out, err = b.exec_raw(COUNTDOWN2, timeout=90)
    assert err == ""
    tl, err = b.exec_raw("import kernel\nkernel.timeline()\n")
    dump, err = b.exec_raw("import kernel\nkernel.trace_dump()\n", timeout=60)
    assert err == ""
    info = tollbooth.export(dump, tmp_path / "tr", quiet=True)
    hdr = re.search(r"BEGIN TOLLBOOTH TRACE v1 .*?events=(\d+)", dump)
    data = json.loads((tmp_path / "tr.json").read_text())
    counts = data["otherData"]["event_counts"]
    assert sum(counts.values()) == int(hdr.group(1)) == info["summary"]["events"]
    # the guest's own reading of the same window agrees with the host's
    m = re.search(r"switches (\d+), drop requests (\d+), forced switches (\d+), failed wake-ups (\d+)", tl)
    s = info["summary"]
    assert (int(m.group(1)), int(m.group(2)), int(m.group(3)), int(m.group(4))) == \
        (s["switches"], s["drop_requests"], s["forced_switches"], s["failed_wakeups"])
    assert s["max_simultaneous_holders"] == 1
    tracks = {e["tid"] for e in data["traceEvents"] if e.get("ph") == "X" and e["pid"] == 1}
    assert len(tracks) >= 3
    assert (tmp_path / "tr.png").exists()


def test_tool_run_and_sweep(tmp_path):
    prog = tmp_path / "prog.py"
    prog.write_text("import sys, threading, time\n"
                    "n = int(sys.argv[1]) if len(sys.argv) > 1 else 1\n"
                    "def count(k):\n    while k > 0:\n        k -= 1\n"
                    "ts = [threading.Thread(target=count, args=(100000 // n,)) for i in range(n)]\n"
                    "t0 = time.perf_counter()\n"
                    "for t in ts: t.start()\n"
                    "for t in ts: t.join()\n"
                    "print('RESULT threads=%d seconds=%.4f' % (n, time.perf_counter() - t0))\n"
                    "sys.exit(0 if n < 9 else 4)\n")
    tool = [sys.executable, str(ROOT / "qemu" / "tollbooth.py"), "--kernel", str(KERNEL)]
    r = subprocess.run(tool + ["run", str(prog), "9", "--timeout", "60"], capture_output=True,
                       text=True, timeout=120)
    assert r.returncode == 4, r.stdout + r.stderr
    assert "RESULT threads=9" in r.stdout
    r = subprocess.run(tool + ["sweep", str(prog), "--gil", "new,old", "--threads", "1,2",
                               "--cpus", "2", "--out", str(tmp_path / "sw"), "-j", "2",
                               "--timeout", "60"], capture_output=True, text=True, timeout=240)
    assert r.returncode == 0, r.stdout + r.stderr
    rows = (tmp_path / "sw" / "sweep.csv").read_text().splitlines()
    assert len(rows) == 1 + 4
    assert "r_seconds" in rows[0] and "t_switches" in rows[0]
    assert (tmp_path / "sw" / "sweep.png").exists()


def test_pyboard_byte_sequence_over_tcp():
    """SERIAL_TCP=PORT: the exact bytes MicroPython's pyboard.py exchanges (enter_raw_repl with
    soft reset, exec, follow), with exact \\r\\n (no host tty in between)."""
    import os
    import socket
    port = 45000 + os.getpid() % 1000
    p = tollbooth.popen(KERNEL, cpus=2, console=("tcp", port), stdin=subprocess.DEVNULL,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        s = None
        for i in range(100):
            try:
                s = socket.create_connection(("localhost", port), timeout=20)
                break
            except OSError:
                time.sleep(0.1)
        assert s is not None
        buf = bytearray()

        def until(tok):
            while tok not in buf:
                d = s.recv(4096)
                assert d, "connection closed"
                buf.extend(d)
            i = buf.index(tok) + len(tok)
            r = bytes(buf[:i])
            del buf[:i]
            return r

        until(b">>> ")
        s.sendall(b"\r\x03\x03")
        s.sendall(b"\r\x01")
        until(b"raw REPL; CTRL-B to exit\r\n>")
        s.sendall(b"\x04")
        until(b"soft reboot\r\n")
        until(b"raw REPL; CTRL-B to exit\r\n")
        until(b">")
        s.sendall(b"print(6 * 7)")
        s.sendall(b"\x04")
        assert until(b"OK") == b"OK"
        assert until(b"\x04") == b"42\r\n\x04"
        assert until(b"\x04") == b"\x04"
        assert until(b">") == b">"
        s.sendall(b"\r\x02")
        until(b">>> ")
        s.close()
    finally:
        import signal
        os.killpg(p.pid, signal.SIGKILL)     # QEMU: the process group this test started
        p.wait(timeout=10)
