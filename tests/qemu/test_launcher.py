"""The launcher, qemu/tollbooth.py (with qemu/run.sh and qemu/gdb.sh), as a student's host tool:
`run` shows all of a program's output; a GIL policy nobody knows is refused before boot
(launcher, qemu/run.sh, the host's TOLLPY_GIL) or, if it reaches the guest anyway, refused there
out loud; ARGS split as a shell splits it, batch tracebacks naming the script, `sys.exit(N)` quiet
at the raw REPL yet the host tool's status, `convert LOG` writing beside the log, sweep.png's axis
and legend, and QEMU ending quietly when a host tool closes the console with SIGTERM.

The reader tests drive Board._read_until_eot with a fake console (no QEMU); the others boot."""
import base64
import binascii
import os
import signal
import struct
import pathlib
import subprocess
import sys
import time

import pytest

from conftest import KERNEL, ROOT

sys.path.insert(0, str(ROOT / "qemu"))
import tollbooth  # noqa: E402

TOOL = [sys.executable, str(ROOT / "qemu" / "tollbooth.py"), "--kernel", str(KERNEL)]
TOLLPY = ROOT / "build" / "host" / "tollpy"


# ---- the raw REPL reader, with a fake console -----------------------------------------------
class FakeChild:
    """What Board uses of a pexpect child: .buffer (read past the last match) and
    read_nonblocking(), which hands out the given chunks one by one."""

    def __init__(self, buffer, chunks):
        import pexpect
        self.buffer = buffer
        self.chunks = list(chunks)
        self.timeout_exc = pexpect.TIMEOUT

    def read_nonblocking(self, size, timeout):
        if not self.chunks:
            raise self.timeout_exc("no more data")
        return self.chunks.pop(0)


def fake_board(buffer, chunks):
    import pexpect
    b = tollbooth.Board.__new__(tollbooth.Board)
    b.pexpect = pexpect
    b.child = FakeChild(buffer, chunks)
    b._pending = b""
    return b


def read(buffer, chunks):
    b = fake_board(buffer, chunks)
    seen = []
    out = b._read_until_eot(5, seen.append)
    return out, "".join(seen), b._pending


def test_reader_streams_output_that_came_with_ok():
    # the guest's "OK" and the program's first lines arrive in one read: expect() keeps the
    # part after "OK" in .buffer, and the stream must show it
    out, seen, rest = read(b"a\r\r\nb\r\r\n", [b"c\r\r\n\x04Traceback\x04>"])
    assert seen == "a\nb\nc\n"
    assert out == b"a\r\r\nb\r\r\nc\r\r\n"
    assert rest == b"Traceback\x04>"


def test_reader_streams_everything_in_one_read():
    out, seen, rest = read(b"hello [1, 2]\r\r\n\x04\x04>", [])
    assert seen == "hello [1, 2]\n"
    assert rest == b"\x04>"


def test_reader_split_line_ends_and_utf8():
    # a \r\r\n and a two-byte character split across reads are shown whole, once
    chunks = [b"x\r", b"\r", b"\ny \xc3", b"\xa9\r\r\n", b"\x04\x04>"]
    out, seen, rest = read(b"", chunks)
    assert seen == "x\ny \u00e9\n", repr(seen)


def test_reader_without_stream_keeps_bytes():
    b = fake_board(b"1\r\r\n", [b"2\x04err\x04>"])
    assert b._read_until_eot(5, None) == b"1\r\r\n2"
    assert b._read_until_eot(5, None) == b"err"


# ---- tollbooth.py run on a real guest ---------------------------------------------------------
def test_run_shows_all_output(tmp_path):
    prog = tmp_path / "abc.py"
    prog.write_text("import sys, time\nprint('a')\nprint('b')\ntime.sleep(0.3)\nprint('c')\n"
                    "print('args', sys.argv)\n")
    r = subprocess.run(TOOL + ["run", str(prog), "x", "y"], capture_output=True, text=True,
                       timeout=240)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == "a\nb\nc\nargs ['abc.py', 'x', 'y']\n", repr(r.stdout)


# ---- unknown GIL policies ----------------------------------------------------------------------
POLICY_LIST = "new, old, prio, none, unsafe"


@pytest.mark.parametrize("cmd", [["run", "PROG", "--gil", "bogus"],
                                 ["run", "PROG", "--gil", "OLD"],
                                 ["boot", "--gil", "bogus"],
                                 ["sweep", "PROG", "--gil", "new,bogus", "--out", "OUT"]])
def test_launcher_refuses_unknown_policy(cmd, tmp_path):
    prog = tmp_path / "p.py"
    prog.write_text("print('ran')\n")
    argv = [str(prog) if a == "PROG" else str(tmp_path / "sw") if a == "OUT" else a for a in cmd]
    r = subprocess.run(TOOL + argv, capture_output=True, text=True, timeout=60)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "unknown GIL policy" in r.stderr and POLICY_LIST in r.stderr, r.stderr
    assert "ran" not in r.stdout


def test_run_sh_refuses_unknown_policy(tmp_path):
    """make run GIL=bogus: qemu/run.sh refuses before QEMU starts."""
    script = tmp_path / "p.py"
    script.write_text("print('ran')\n")
    env = dict(os.environ, GIL="bogus", SCRIPT=str(script), EXIT="1", TIMEOUT="60")
    r = subprocess.run([str(ROOT / "qemu" / "run.sh"), str(KERNEL)], capture_output=True,
                       text=True, env=env, timeout=60, stdin=subprocess.DEVNULL)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "unknown GIL policy 'bogus'" in r.stderr and POLICY_LIST in r.stderr
    assert "ran" not in r.stdout


def test_library_refuses_unknown_policy(tmp_path):
    script = tmp_path / "p.py"
    script.write_text("print('ran')\n")
    r = tollbooth.run_batch(script, KERNEL, gil="bogus")
    assert r.status == 2 and "unknown GIL policy 'bogus'" in r.text()
    r = tollbooth.run_batch(script, KERNEL, kargs=("GIL=OLD",))
    assert r.status == 2 and "unknown GIL policy 'OLD'" in r.text()


def host_tollpy():
    if not TOLLPY.exists():
        subprocess.run(["make", "-C", str(ROOT), "host"], check=True, capture_output=True)
    return str(TOLLPY)


def test_launcher_knows_the_interpreters_policies():
    r = subprocess.run([host_tollpy(), "-c", "import gil; print(' '.join(gil.policies()))"],
                       capture_output=True, text=True, timeout=60)
    assert r.stdout.split() == list(tollbooth.GIL_POLICIES)


@pytest.mark.parametrize("name", ["bogus", "OLD"])
def test_host_tollpy_refuses_unknown_policy(name):
    env = dict(os.environ, TOLLPY_GIL=name)
    r = subprocess.run([host_tollpy(), "-c", "print('ran')"], capture_output=True, text=True,
                       env=env, timeout=60)
    assert r.returncode == 2, r.stdout + r.stderr
    assert "unknown GIL policy '%s'" % name in r.stderr and POLICY_LIST in r.stderr
    assert "ran" not in r.stdout
    env["TOLLPY_GIL"] = "old"
    r = subprocess.run([host_tollpy(), "-c", "import sys; print(sys.getgilpolicy())"],
                       capture_output=True, text=True, env=env, timeout=60)
    assert r.returncode == 0 and r.stdout == "old\n"


def test_guest_refuses_unknown_policy_in_boot_block(tmp_path, monkeypatch):
    """A boot block that still carries a bad GIL= (a launcher that did not check): the guest
    says so, does not run the script (status 2); the console runs under `new`, saying so."""
    monkeypatch.setattr(tollbooth, "GIL_POLICIES", tollbooth.GIL_POLICIES + ("bogus",))
    script = tmp_path / "p.py"
    script.write_text("print('ran')\n")
    r = tollbooth.run_batch(script, KERNEL, gil="bogus", timeout=120)
    out = r.text()
    assert r.status == 2, out
    assert "unknown GIL policy 'bogus' in the boot arguments (%s): refused" % POLICY_LIST in out
    assert "the script is not run" in out and "ran\n" not in out
    child = tollbooth.spawn(KERNEL, cpus=2, gil="bogus", timeout=60, encoding="utf-8",
                            codec_errors="replace")
    try:
        child.expect_exact("unknown GIL policy 'bogus' in the boot arguments")
        child.expect_exact("the console runs under the default policy")
        child.expect_exact("GIL policy new")
        child.expect_exact(">>> ")
    finally:
        child.terminate(force=True)
        child.close(force=True)
        child.launch.close()


# ---- ARGS, tracebacks, sys.exit, convert, sweep, SIGTERM ------------------------------------


def test_args_quoting_and_traceback_file_name(tmp_path):
    script = tmp_path / "args.py"
    script.write_text("import sys\nprint(sys.argv)\ndef f():\n    raise ValueError('boom')\nf()\n")
    r = tollbooth.run_batch(script, KERNEL, cpus=1, timeout=60, args="a 'b c' \"d e\" f\\ g")
    text = r.text()
    assert r.status == 1, text
    assert "['args.py', 'a', 'b c', 'd e', 'f g']" in text, text
    assert 'File "args.py", line 5, in <module>' in text and 'File "args.py", line 4, in f' in text, text
    assert "<script>" not in text
    # unbalanced quotes: refused before boot, with the reason
    r = tollbooth.run_batch(script, KERNEL, cpus=1, timeout=60, args="a 'b")
    assert r.status == 2 and b"No closing quotation" in r.err


def test_run_sys_exit_is_quiet_with_its_status(tmp_path):
    prog = tmp_path / "ex.py"
    prog.write_text("import sys\nprint('bye')\nsys.exit(3)\n")
    r = subprocess.run(TOOL + ["run", str(prog), "--cpus", "1"], capture_output=True, text=True,
                       timeout=120)
    assert r.returncode == 3, r.stdout + r.stderr
    assert "SystemExit" not in r.stdout + r.stderr


def _trace_log(path):
    recs = [(0, 0, 11, 1, 0), (625, 0, 1, 1, 0), (62500, 0, 2, 1, 100), (62600, 0, 12, 1, 0)]
    raw = b"".join(struct.pack("<QHHII", *r) for r in recs)
    b64 = base64.b64encode(raw).decode()
    path.write_text("Tollbooth: 1/1 cores online\n"
                    "-----BEGIN TOLLBOOTH TRACE v1 hz=62500000 cpus=1 online=1 policy=new main=1 "
                    "bytes=%d-----\n%s\n-----END TOLLBOOTH TRACE crc32=%08x-----\n>>> \n"
                    % (len(raw), b64, binascii.crc32(raw) & 0xffffffff))


def test_convert_writes_beside_the_log(tmp_path):
    logs, cwd = tmp_path / "logs", tmp_path / "elsewhere"
    logs.mkdir()
    cwd.mkdir()
    _trace_log(logs / "uart.log")
    r = subprocess.run(TOOL + ["convert", str(logs / "uart.log")], cwd=str(cwd), capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 0, r.stdout + r.stderr
    assert (logs / "uart.json").exists() and (logs / "uart.bin").exists()
    assert os.listdir(cwd) == []
    assert tollbooth.convert_prefix("a/uart") == tollbooth.pathlib.Path("a/uart-trace")
    assert tollbooth.convert_prefix("a/t.json") == tollbooth.pathlib.Path("a/t.json-trace")
    r = subprocess.run(TOOL + ["convert", str(logs / "uart.log"), "--out", str(cwd / "x")],
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0 and (cwd / "x.json").exists()


def test_sweep_plot_axis_and_legend(tmp_path):
    rows = [{"policy": p, "threads": t, "cpus": c, "switch_interval": 0.005, "r_seconds": t * 0.1}
            for p in ("new", "old") for t in (1, 2, 4) for c in (1, 2)]
    series = tollbooth.sweep_series(rows, "r_seconds")
    assert "old, 1 cpu, 0.005s" in series and "new, 2 cpus, 0.005s" in series, list(series)
    script = tollbooth.sweep_script(series, "r_seconds", tmp_path / "s.png", str(tmp_path))
    assert "set xtics (1, 2, 4)" in script        # ticks only at the thread counts swept
    assert "1 cpus" not in script


def test_sigterm_from_a_host_tool_ends_quietly():
    # pyboard.py's exec: device runs the console as a child and ends it with SIGTERM to its
    # process group; QEMU must not print "terminating on signal 15", and the status is 0
    env = dict(os.environ, CONSOLE_MUX="0", CPUS="1")
    p = subprocess.Popen([str(ROOT / "qemu" / "run.sh"), str(KERNEL)], env=env, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        seen = b""
        deadline = time.monotonic() + 60
        while b">>> " not in seen and time.monotonic() < deadline:
            chunk = os.read(p.stdout.fileno(), 4096)
            if not chunk:
                break
            seen += chunk
        assert b">>> " in seen, seen
        os.killpg(p.pid, signal.SIGTERM)
        out, err = p.communicate(timeout=30)
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
            p.wait()
    assert b"terminating on signal" not in err, err
    assert p.returncode == 0, (p.returncode, err)
