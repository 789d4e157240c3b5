"""tests/test_handout.py — `make test-labs` (part of `make test`): the handout property of every
lab (labs/*/README.md). For each lab, `labs/handout.py` writes a student tree (reusing the
objects of LABS_BUILD, so only the stubbed files recompile); the tree must build (guest kernel
and host tollpy), and its grader must give 0 points for every one of the lab's tests while the
smoke part (guest boots and runs Python, host tollpy runs a thread) passes, and one other lab
(OTHER) still gets full marks there. Under ~4 minutes:
the stubs fail fast (bounded waits everywhere) and nothing else is graded on the handout trees."""
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUILD = pathlib.Path(os.environ.get("LABS_BUILD", ROOT / "build"))
# Which other lab is re-graded on each handout tree (it must not depend on the stubbed code).
OTHER = {"boot": "waitq", "spinlock": "waitq", "waitq": "spinlock", "gil": "spinlock", "policy": "gil"}
LABS = sorted(p.name for p in (ROOT / "labs").iterdir() if (p / "README.md").exists())


def test_markers_well_formed():
    p = subprocess.run([sys.executable, str(ROOT / "labs" / "handout.py"), "--check"],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stdout + p.stderr
    listed = subprocess.run([sys.executable, str(ROOT / "labs" / "handout.py"), "--list"],
                            capture_output=True, text=True, timeout=60).stdout
    have = {line.split()[0] for line in listed.splitlines() if line.strip()}
    assert set(LABS) <= have, f"labs without a solution region: {set(LABS) - have}"
    assert len(LABS) >= 5, LABS


@pytest.mark.parametrize("lab", LABS)
def test_handout_builds_boots_and_scores_zero(lab, tmp_path):
    out = tmp_path / lab
    p = subprocess.run([sys.executable, str(ROOT / "labs" / "handout.py"), "--lab", lab,
                        "--out", str(out), "--cache", "--cache-from", str(BUILD)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "BUILD")}
    b = subprocess.run(["make", "-s", "BUILD=build", "build/kernel.elf", "build/host/tollpy"],
                       cwd=str(out), env=env, capture_output=True, text=True, timeout=400)
    assert b.returncode == 0, f"handout tree for {lab} does not build:\n{b.stdout[-3000:]}{b.stderr[-3000:]}"
    j = tmp_path / "grade.json"
    g = subprocess.run([sys.executable, "tests/grade/grade.py", "--lab", lab, "--json", str(j)],
                       cwd=str(out), env=env, capture_output=True, text=True, timeout=400)
    assert j.exists(), g.stdout[-4000:] + g.stderr[-2000:]
    res = json.loads(j.read_text())
    mine = [t for t in res["tests"] if t["lab"] == lab]
    smoke = [t for t in res["tests"] if t["lab"] == "smoke"]
    assert mine, f"no graded tests for {lab}"
    assert all(t["earned"] == 0 for t in mine), \
        f"the stub of {lab} earns points: {[t['test'] for t in mine if t['earned']]}\n{g.stdout[-3000:]}"
    assert smoke and all(t["passed"] for t in smoke), f"smoke fails on the {lab} handout:\n{g.stdout[-3000:]}"
    assert g.returncode == 1, g.stdout[-2000:]
    # ... and another lab, still solved in this tree, keeps full marks (one, to stay cheap)
    other = OTHER.get(lab)
    if other in LABS:
        j2 = tmp_path / "grade2.json"
        g2 = subprocess.run([sys.executable, "tests/grade/grade.py", "--lab", other, "--json", str(j2)],
                            cwd=str(out), env=env, capture_output=True, text=True, timeout=400)
        assert g2.returncode == 0, f"lab {other} no longer passes in the {lab} handout:\n{g2.stdout[-3000:]}"
