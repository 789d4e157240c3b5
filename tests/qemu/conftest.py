"""tests/qemu/conftest.py — boot Tollbooth under QEMU with pexpect; every guest is killed at the end.

Fixture `guest(cpus=2, script=None, exit=False, timeout=60, env=None)` returns a Guest whose
`cmd(line)` sends a line of Python and returns the output up to the next `>>> ` prompt, and
`sh(command)` runs a kernel shell command through `kernel.shell(...)` (boot() imports kernel).
"""
import os
import pathlib
import subprocess

import signal

import pexpect
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
KERNEL = pathlib.Path(os.environ.get("TOLLBOOTH_KERNEL", ROOT / "build" / "kernel.elf"))
RUN = ROOT / "qemu" / "run.sh"
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


class Guest:
    def __init__(self, cpus=2, script=None, exit=False, timeout=60, extra_env=None):
        env = dict(os.environ)
        env.update(CPUS=str(cpus), CONSOLE_MUX="0", TIMEOUT=str(timeout))
        if script is not None:
            env["SCRIPT"] = str(script)
        if exit:
            env["EXIT"] = "1"
        env.update(extra_env or {})
        self.child = pexpect.spawn("/bin/bash", [str(RUN), str(KERNEL)], env=env, cwd=str(ROOT),
                                   encoding="utf-8", codec_errors="replace", timeout=30)
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
    """Run qemu/run.sh in batch mode; returns (status, output)."""
    script = tmp_path / "script.txt"
    script.write_text(text)
    env = dict(os.environ)
    env.update(CPUS=str(cpus), CONSOLE_MUX="0", TIMEOUT=str(timeout), SCRIPT=str(script), EXIT="1")
    env.update(extra_env or {})
    p = subprocess.run(["/bin/bash", str(RUN), str(KERNEL)], env=env, cwd=str(ROOT),
                       stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                       timeout=timeout + 30)
    return p.returncode, p.stdout.decode("utf-8", "replace").replace("\r\n", "\n")
