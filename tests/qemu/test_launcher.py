"""The launcher's own behaviour (qemu/tollbooth.py, qemu/run.sh, qemu/gdb.sh) as a student meets
it: ARGS split as a shell splits it, batch tracebacks naming the script, `sys.exit(N)` quiet at
the raw REPL yet the host tool's status, `convert LOG` writing beside the log, sweep.png's axis
and legend, and QEMU ending quietly when a host tool closes the console with SIGTERM."""
import base64
import binascii
import os
import signal
import struct
import subprocess
import sys
import time

from conftest import KERNEL, ROOT, tollbooth

TOOL = [sys.executable, str(ROOT / "qemu" / "tollbooth.py"), "--kernel", str(KERNEL)]


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
