"""Lab policy: your own GIL policy in the `prio` slot (interp/gil_prio.c) must beat `new` on the
convoy (bpo-7946): 1 ms sleeps next to CPU-bound threads. Generous bounds: the median operation
under your policy at most 60% of `new`'s in the same run (ours: ~20-35% on the host), and no
CPU-bound thread starves."""
import pytest

from conftest import host_run, results
import progs


@pytest.mark.lab("policy")
@pytest.mark.points(15)
def test_convoy_beats_new(console):
    st, out = host_run(console, progs.convoy(["new", "prio"], ops=100), timeout=120)
    r = results(out)
    assert st == 0 and r.get("new_finished") == 1 and r.get("prio_finished") == 1, out
    assert r["prio_median_ms"] <= 0.6 * r["new_median_ms"], f"not better than new: {r}"


@pytest.mark.lab("policy")
@pytest.mark.points(5)
def test_two_spinners_progress_and_io_fast(console):
    st, out = host_run(console, progs.convoy(["prio"], ops=60, spinners=2), timeout=120)
    r = results(out)
    assert st == 0 and r.get("prio_finished") == 1, out
    assert r["prio_spins_min"] > 0, f"a CPU-bound thread starved: {r}"
    assert r["prio_median_ms"] <= 1 + 0.6 * r["switch_interval_ms"], f"I/O thread still convoyed: {r}"
