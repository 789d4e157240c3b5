"""README.md's "First 10 minutes", run as written: the commands come from the README itself, so
the section cannot drift from what works. In the section, in order:
  ```sh blocks      host commands (the first, `make run CPUS=2`, starts the console)
  ```python blocks  lines starting with `>>> ` are typed at that console
Each console line must come back to the prompt without a traceback; each host command must exit
0 and write the files it names. The only change to the text: `/tmp/` becomes a private directory
(several test runs at once), and /usr/bin comes first on PATH (python3 is Debian's, with pexpect).
"""
import os
import pathlib
import re
import signal
import subprocess

import pexpect
import pytest

from conftest import ROOT, banner

SECTION = "## First 10 minutes"


def blocks():
    """[(kind, [lines])] of the section's fenced blocks, in order: kind "sh" or "python"."""
    text = (ROOT / "README.md").read_text()
    start = text.index(SECTION)
    end = text.find("\n## ", start + len(SECTION))
    sec = text[start:end if end > 0 else len(text)]
    out = []
    for m in re.finditer(r"^[ \t]*```(\w*)[ \t]*\n(.*?)^[ \t]*```[ \t]*$", sec, re.M | re.S):
        lines = [line.strip() for line in m.group(2).splitlines()]
        if m.group(1) == "sh":
            out.append(("sh", [x for x in lines if x and not x.startswith("#")]))
        elif m.group(1) == "python":
            out.append(("python", [x[4:] for x in lines if x.startswith(">>> ")]))
    return out


def host_commands():
    return [c for kind, lines in blocks() if kind == "sh" for c in lines]


def console_lines():
    return [c for kind, lines in blocks() if kind == "python" for c in lines]


def env():
    return dict(os.environ, PATH="/usr/bin:" + os.environ.get("PATH", ""))


def test_section_has_the_steps():
    cmds = host_commands()
    assert cmds[0] == "make run CPUS=2", cmds
    assert any("tollbooth.py run examples/countdown.py" in c for c in cmds), cmds
    assert any("tollbooth.py sweep examples/countdown.py" in c for c in cmds), cmds
    lines = console_lines()
    assert len(lines) >= 10, lines
    # step 5's interval is set under `new` (under `old` it does nothing)
    i = next(i for i, x in enumerate(lines) if "setswitchinterval" in x)
    policy = [x for x in lines[:i + 1] if "setgilpolicy" in x][-1]
    assert 'setgilpolicy("new")' in policy, lines
    # every file the section names exists
    sec = (ROOT / "README.md").read_text().split(SECTION, 1)[1].split("\n## ", 1)[0]
    for path in set(re.findall(r"\b((?:examples|interp|qemu|tests|docs)/[\w./-]+\.\w+)", sec)):
        assert (ROOT / path).exists(), path


def test_console_steps():
    cmds = host_commands()
    child = pexpect.spawn("bash", ["-c", cmds[0]], cwd=str(ROOT), env=env(), encoding="utf-8",
                          codec_errors="replace", timeout=120)
    try:
        child.expect_exact(banner(2))
        child.expect_exact(">>> ")
        seen = []
        for line in console_lines():
            child.send(line + "\r")
            child.expect_exact(">>> ", timeout=120)
            out = child.before.replace("\r\n", "\n")
            seen.append((line, out))
            assert "Traceback" not in out and "Error" not in out, "%s\n%s" % (line, out)
        runs = [out for line, out in seen if line.startswith("demos.run(")]
        assert len(runs) == 4
        # steps 1, 3, 5, 6: the policy each run was under
        for out, pol in zip(runs, ["new", "old", "new", "old"]):
            assert "RESULT demo=countdown threads=2" in out and "policy=%s" % pol in out, out
        timelines = [out for line, out in seen if line == "kernel.timeline()"]
        assert len(timelines) == 4 and all("GIL holder" in t for t in timelines), timelines
        cores = [out for line, out in seen if "kernel.cores(" in line]
        assert cores
    finally:
        child.sendcontrol("a")
        child.send("x")                   # QEMU's mux: Ctrl-A x quits
        child.expect(pexpect.EOF, timeout=30)
        child.close()


@pytest.mark.parametrize("i", range(1, len(host_commands())))
def test_host_step(i, tmp_path):
    cmd = host_commands()[i]
    run = cmd.replace("/tmp/", str(tmp_path) + "/")
    signal.alarm(600)          # a sweep boots a dozen guests: a longer hang guard than conftest's
    p = subprocess.run(["bash", "-c", run], cwd=str(ROOT), env=env(), capture_output=True,
                       text=True, timeout=590, stdin=subprocess.DEVNULL)
    assert p.returncode == 0, "%s\n%s%s" % (cmd, p.stdout[-3000:], p.stderr[-3000:])
    if " run " in cmd:
        assert "RESULT threads=2" in p.stdout and "policy=old" in p.stdout, p.stdout
        assert (tmp_path / "old.json").stat().st_size > 0 and (tmp_path / "old.png").exists()
        assert "failed wake-ups" in p.stdout
    if " sweep " in cmd:
        csv = (tmp_path / "sw" / "sweep.csv").read_text().splitlines()
        assert len(csv) == 1 + 2 * 3 * 2, csv          # policies x threads x cpus
        assert (tmp_path / "sw" / "sweep.png").exists()
        assert "y = r_seconds" in p.stdout, p.stdout
