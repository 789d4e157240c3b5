"""tests/qemu/conftest.py — boot Tollbooth under QEMU with pexpect; every guest is killed at the end.

Guests start through the launcher, qemu/tollbooth.py (spawn, run_batch). Fixture
`guest(cpus=2, script=None, exit=False, timeout=60, extra_env=None)` returns a Guest whose
`cmd(line)` sends a line of Python and returns the output up to the next `>>> ` prompt, and
`sh(command)` runs a kernel shell command through `kernel.shell(...)` (boot() imports kernel).
extra_env takes qemu/run.sh's names for boot options: GIL, ARGS, KARGS.
"""
import os
import pathlib
import subprocess
import sys

import signal

import pexpect
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "qemu"))
import tollbooth  # noqa: E402  (the launcher)

KERNEL = pathlib.Path(os.environ.get("TOLLBOOTH_KERNEL", ROOT / "build" / "kernel.elf"))
PROMPT = ">>> "


def banner(n):
    return f"Tollbooth: {n}/{n} cores online (cortex-a15, 62.5 MHz timer)"


@pytest.fixture(scope="session", autouse=True)
def built_kernel():
    if not KERNEL.exists():
        subprocess.run(["make", "-C", str(ROOT), "build/kernel.elf"], check=True)
    return KERNEL


TEST_TIMEOUT = 150   # seconds; no test may hang (pytest-timeout is not in Debian's base set)


class TestTimeout(Exception):
    pass


@pytest.fixture(autouse=True)
def hard_timeout():
    def fire(signum, frame):
        raise TestTimeout(f"test exceeded {TEST_TIMEOUT}s")
    old = signal.signal(signal.SIGALRM, fire)
    signal.alarm(TEST_TIMEOUT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


def boot_options(extra_env):
    """qemu/run.sh's environment names (GIL, ARGS, KARGS) as the launcher's keyword arguments."""
    e = dict(extra_env or {})
    kw = {"gil": e.pop("GIL", None) or None, "args": e.pop("ARGS", None) or None,
          "kargs": tuple(e.pop("KARGS", "").split())}
    if e:
        raise ValueError("unknown boot options: %s" % " ".join(sorted(e)))
    return kw


class Guest:
    # timeout: the hang guard of a scripted run is the pexpect timeouts here and hard_timeout
    def __init__(self, cpus=2, script=None, exit=False, timeout=60, extra_env=None, disk=None):
        self.child = tollbooth.spawn(KERNEL, cpus=cpus, script=script, exit=exit, timeout=30,
                                     encoding="utf-8", codec_errors="replace", disk=disk,
                                     **boot_options(extra_env))
        self.cpus = cpus

    def expect(self, pattern, timeout=30):
        self.child.expect(pattern, timeout=timeout)
        return self.child.before

    def expect_exact(self, s, timeout=30):
        self.child.expect_exact(s, timeout=timeout)
        return self.child.before

    def boot(self, timeout=30):
        self.expect_exact(banner(self.cpus), timeout)
        self.expect_exact(PROMPT, timeout)
        self.cmd("import kernel")

    def sh(self, command, timeout=30):
        return self.cmd("kernel.shell(%r)" % command, timeout)

    def cmd(self, line, timeout=30):
        self.child.send(line + "\r")
        out = self.expect_exact(PROMPT, timeout)
        return out.replace("\r\n", "\n")

    def wait_exit(self, timeout=30):
        self.child.expect(pexpect.EOF, timeout=timeout)
        self.child.close()
        return self.child.exitstatus

    def kill(self):
        if self.child.isalive():
            self.child.terminate(force=True)


@pytest.fixture
def guest():
    made = []

    def make(**kw):
        g = Guest(**kw)
        made.append(g)
        return g

    yield make
    for g in made:
        g.kill()


def run_batch(text, cpus=2, timeout=60, extra_env=None, tmp_path=None):
    """Run `text` as a batch script (EXIT=1) through the launcher; returns (status, console
    output then QEMU's stderr). timeout is the launcher's hang guard (status 124)."""
    script = tmp_path / "script.txt"
    script.write_text(text)
    r = tollbooth.run_batch(script, KERNEL, cpus=cpus, timeout=timeout, **boot_options(extra_env))
    return r.status, r.text()
