"""tests/grade/conftest.py — the lab grader's pytest plugin and helpers.

Graded tests are ordinary pytest tests on the QEMU harness of `make test` (tests/qemu/conftest.py:
Guest, run_batch — imported, not copied) and on the host tollpy. Each carries
    @pytest.mark.lab("gil")      the part (a lab, or "smoke" for the always-on boot checks)
    @pytest.mark.points(10)      what it is worth
This plugin prints each test with its points, each part's subtotal and `Score: N/M`, writes
GRADE_JSON if set, and when a test fails keeps the console output of its runs in
GRADE_DIR/<test>.log (default build/grade/) and names the file.
Environment (set by tests/grade/grade.py): GRADE_LAB (comma list; empty = every lab),
GRADE_KERNEL, GRADE_TOLLPY, GRADE_DIR, GRADE_JSON.
"""
import importlib.util
import json
import os
import pathlib
import re
import subprocess
import tempfile

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
GRADE_DIR = pathlib.Path(os.environ.get("GRADE_DIR", ROOT / "build" / "grade"))
KERNEL = pathlib.Path(os.environ.get("GRADE_KERNEL", ROOT / "build" / "kernel.elf"))
TOLLPY = pathlib.Path(os.environ.get("GRADE_TOLLPY", ROOT / "build" / "host" / "tollpy"))

# The QEMU harness of tests/qemu (one harness): loaded under another module name so pytest does
# not take it for this directory's conftest; its kernel path is pointed at GRADE_KERNEL.
_spec = importlib.util.spec_from_file_location("qemu_harness", ROOT / "tests" / "qemu" / "conftest.py")
qemu = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(qemu)
qemu.KERNEL = KERNEL
hard_timeout = qemu.hard_timeout          # the harness's SIGALRM guard, for every graded test


class Console:
    """What a test saw: every run's command, status and output, kept if the test fails."""
    def __init__(self):
        self.parts = []
        self.guest = False      # the test booted the guest kernel (recorded in the JSON)

    def add(self, title, status, text):
        self.parts.append(f"===== {title} (exit status {status})\n{text}\n")

    def text(self):
        return "".join(self.parts)


@pytest.fixture
def console(request):
    c = Console()
    request.node._grade_console = c
    return c


def guest_run(console, code, cpus=2, timeout=90, gil=None):
    """Run Python `code` in the guest (batch mode, EXIT=1); returns (status, output)."""
    env = {"GIL": gil} if gil else {}
    console.guest = True
    with tempfile.TemporaryDirectory() as d:
        # timeout: the launcher's hang guard (status 124, QEMU killed)
        st, out = qemu.run_batch(code, cpus=cpus, timeout=timeout, extra_env=env,
                                 tmp_path=pathlib.Path(d))
    console.add(f"guest CPUS={cpus}{' GIL=' + gil if gil else ''}: batch run of {KERNEL} with\n{code}",
                st, out)
    return st, out


def host_run(console, code, timeout=60, env=None):
    """Run Python `code` with the host tollpy; returns (status, output)."""
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
        f.write(code)
        path = f.name
    try:
        e = dict(os.environ)
        e.update(env or {})
        p = subprocess.run([str(TOLLPY), path], capture_output=True, text=True, timeout=timeout,
                           env=e, cwd=str(ROOT))
        st, out = p.returncode, p.stdout + p.stderr
    except subprocess.TimeoutExpired as ex:
        st, out = 124, f"(timed out after {timeout} s)\n{ex.stdout or ''}"
    finally:
        os.unlink(path)
    console.add(f"host: {TOLLPY} with\n{code}", st, out)
    return st, out


def results(out):
    """The `RESULT key value` lines a graded program prints, as a dict of floats/strings."""
    r = {}
    for m in re.finditer(r"^RESULT (\S+) (\S+)", out, re.M):
        try:
            r[m.group(1)] = float(m.group(2))
        except ValueError:
            r[m.group(1)] = m.group(2)
    return r


# ---- the plugin ---------------------------------------------------------------------------
_records = []


def pytest_configure(config):
    config.addinivalue_line("markers", "points(n): what the test is worth")
    config.addinivalue_line("markers", "lab(name): the lab (part) the test belongs to")


def _meta(item):
    lab = item.get_closest_marker("lab")
    pts = item.get_closest_marker("points")
    return (lab.args[0] if lab else "?"), (pts.args[0] if pts else 0)


def pytest_collection_modifyitems(config, items):
    want = [x for x in os.environ.get("GRADE_LAB", "").split(",") if x]
    if not want:
        return
    keep = [i for i in items if _meta(i)[0] in want or _meta(i)[0] == "smoke"]
    config.hook.pytest_deselected(items=[i for i in items if i not in keep])
    items[:] = keep


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.when == "call" or (rep.when == "setup" and not rep.passed):
        lab, pts = _meta(item)
        passed = rep.passed
        log = None
        if not passed:
            GRADE_DIR.mkdir(parents=True, exist_ok=True)
            log = GRADE_DIR / (re.sub(r"[^A-Za-z0-9_.-]", "_", item.name) + ".log")
            c = getattr(item, "_grade_console", None)
            body = c.text() if c and c.parts else "(no console output recorded)\n"
            log.write_text(f"{item.nodeid}\n{rep.longreprtext}\n\n{body}")
        c = getattr(item, "_grade_console", None)
        _records.append({"test": item.name, "nodeid": item.nodeid, "lab": lab, "points": pts,
                         "earned": pts if passed else 0, "passed": passed,
                         "guest": bool(c and c.guest),
                         "log": str(log) if log else None})


def pytest_terminal_summary(terminalreporter):
    w = terminalreporter.write_line
    w("")
    w("=" * 72)
    labs = []
    for r in _records:
        if r["lab"] not in labs:
            labs.append(r["lab"])
    total = earned = 0
    for lab in labs:
        rs = [r for r in _records if r["lab"] == lab]
        for r in rs:
            w(f"  {lab:9} {r['test']:48} {'OK  ' if r['passed'] else 'FAIL'} "
              f"{r['earned']:3}/{r['points']}")
            if r["log"]:
                w(f"            console output kept in {os.path.relpath(r['log'], ROOT)}")
        e, m = sum(r["earned"] for r in rs), sum(r["points"] for r in rs)
        w(f"  {lab}: {e}/{m}")
        total += m
        earned += e
    w(f"Score: {earned}/{total}")
    if os.environ.get("GRADE_JSON"):
        with open(os.environ["GRADE_JSON"], "w") as f:
            json.dump({"score": earned, "max": total,
                       "labs": {lab: {"earned": sum(r["earned"] for r in _records if r["lab"] == lab),
                                      "max": sum(r["points"] for r in _records if r["lab"] == lab)}
                                for lab in labs},
                       "tests": _records}, f, indent=1)
        if not os.environ.get("GRADE_JSON_QUIET"):
            w(f"results written to {os.environ['GRADE_JSON']}")
