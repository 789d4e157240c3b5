"""tests/test_handout.py — `make test-labs` (part of `make test`): the handout property of every
lab (labs/*/README.md). For each lab, `labs/handout.py` writes a student tree (reusing the
objects of LABS_BUILD, so only the stubbed files recompile); the tree must build (guest kernel
and host tollpy), and ONE grader run over every lab there (`grade.py` without --lab) must give:
0 points for every test of the stubbed lab (and of the labs graded on its solution:
STUB_ALSO_ZEROES), full marks for every other lab (still solved in that tree), and full marks
for the smoke part. The verdicts are exact: the graded tests decide
from counters and event order (tests/grade/), so this holds on every run, idle or loaded.
"""
import json
import os
import pathlib
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[1]
BUILD = pathlib.Path(os.environ.get("LABS_BUILD", ROOT / "build"))
# Labs whose graded tests run on another lab's solution: stubbing the key also takes the
# listed labs to 0 (labs/boot's gdb script stops in new_take's drop request, which the gil stub,
# Python 2's GIL, never sends). The check asserts those zeros too.
STUB_ALSO_ZEROES = {"gil": ["boot"]}
# Stubs that break the guest kernel itself: the waitq stub is the racy sleep (the waiter unlocks,
# then queues), so on its handout ANY kernel wait may lose its wake-up, and a guest run of another
# lab can hang when the host preempts a vCPU inside that window (seen under a busy loop on every
# core: the `new` GIL countdown in the guest, exit 124). There the other labs' guest tests are
# reported but their verdict is not asserted; their host tests and the stubbed lab's zeros
# (forced through the window by a hook, so exact) are.
STUB_BREAKS_GUEST = {"waitq"}
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
    g = subprocess.run([sys.executable, "tests/grade/grade.py", "--json", str(j)],
                       cwd=str(out), env=env, capture_output=True, text=True, timeout=900)
    assert j.exists(), g.stdout[-4000:] + g.stderr[-2000:]
    res = json.loads(j.read_text())
    zeroed = [lab] + STUB_ALSO_ZEROES.get(lab, [])
    mine = [t for t in res["tests"] if t["lab"] in zeroed]
    assert mine and {t["lab"] for t in mine} == set(zeroed), f"no graded tests for {zeroed}"
    assert all(t["earned"] == 0 for t in mine), \
        f"the stub of {lab} earns points: {[t['test'] for t in mine if t['earned']]}\n{g.stdout[-3000:]}"
    # every other part (the smoke checks and every other lab, all still solved here) keeps full marks
    others = {name: v for name, v in res["labs"].items() if name not in zeroed}
    assert "smoke" in others and set(LABS) - set(zeroed) <= set(others), others
    asserted = [t for t in res["tests"] if t["lab"] not in zeroed
                and not (lab in STUB_BREAKS_GUEST and t["guest"])]
    short = [t["test"] for t in asserted if t["earned"] != t["points"]]
    assert not short, f"tests below full marks on the {lab} handout: {short}\n{g.stdout[-3000:]}"
    assert g.returncode == 1, g.stdout[-2000:]
