"""Lab gil: the `new` policy (interp/gil/gil_new.c), graded by its mechanism, never its speed (every
figure below is a count from gil.stats()/gil.threads() or an order of trace events):
  - a waiter sends a drop request only after one of its timed waits (the switch interval)
    expired with no switch meanwhile: every drop request is counted "after expiry", none
    "immediate";
  - forced switching: after each drop request the holder drops at its next check point and the
    next take is by another thread (trace order drop_request(B->A), drop(A), take(B));
  - no GIL battle: no failed wake-ups;
  - the convoy (bpo-7946) made exact (tests/grade/progs.py convoy): a return from I/O finds
    the GIL held by a spinner that drops only on request, so each such return needs a
    timed-wait expiry and then its drop request, never an immediate one;
  - the same counters on the guest (QEMU, 2 cores).
A stub that is Python 2's GIL sends no drop requests at all, so it fails every test on every run."""
import pytest

from conftest import guest_run, host_run, results
import progs

_cache = {}


def host_countdown(console):
    """One host countdown run (2 threads, 5 ms interval) shared by the two countdown tests."""
    if "countdown" not in _cache:
        _cache["countdown"] = host_run(console, progs.countdown("new", 6000000), timeout=120)
    else:
        console.add("(same host run as the previous test)", *_cache["countdown"])
    st, out = _cache["countdown"]
    r = results(out)
    assert st == 0 and r.get("finished") == 1, out
    return r


@pytest.mark.lab("gil")
@pytest.mark.points(10)
def test_countdown_drop_requests_only_after_expiry(console):
    r = host_countdown(console)
    assert r["drop_requests"] > 0, f"no drop requests: {r}"
    assert r["drop_requests_immediate"] == 0, f"drop requests sent before a timed wait expired: {r}"
    assert r["drop_requests_after_expiry"] == r["drop_requests"], r
    assert r["timed_wait_expiries"] >= r["drop_requests"], r


@pytest.mark.lab("gil")
@pytest.mark.points(10)
def test_countdown_forced_switching_no_battle(console):
    r = host_countdown(console)
    assert r["forced_switches"] > 0, f"no forced switches: {r}"
    # every drop request to a countdown thread is followed by its drop and another's take; those
    # to the main thread (which only waits for the workers) are not judged (progs.py)
    assert r["forced_order_ok"] + r["drop_requests_to_main"] == r["drop_requests"] and \
        r["forced_order_bad"] == 0, \
        f"a drop request not followed by drop(holder), take(another thread) in the trace: {r}"
    assert r["failed_wakeups"] == 0, f"failed wake-ups (the old GIL's battle): {r}"
    assert r["violations"] == 0, r


@pytest.mark.lab("gil")
@pytest.mark.points(10)
def test_convoy_paced_by_drop_requests(console):
    st, out = host_run(console, progs.convoy("new", ops=30, interval=0.005), timeout=120)
    r = results(out)
    assert st == 0 and r.get("finished") == 1, out
    n = r["ops"]
    c = r["io_io_takes_contended"]
    assert r["io_ops_done"] == n, f"the I/O thread did not finish its operations: {r}"
    # Every return from I/O finds the spinner holding the GIL, except when the spinner itself,
    # forced off and waiting, timed out and asked the I/O thread to drop before it blocked (a
    # loaded host can make that happen): then that operation does not block at all. Hence the
    # counts below are per contended return, and at least one return must be contended.
    assert c >= 1, f"no return from I/O found the GIL held: {r}"
    assert r["io_io_takes_expired"] == c and r["io_io_takes_requested_at_once"] == 0, \
        f"each contended return must wait for a timed wait to expire: {r}"
    assert r["io_drop_requests_after_expiry"] >= c and r["io_drop_requests_immediate"] == 0, \
        f"a drop request per contended return, after the expiry: {r}"
    assert r["spin_forced_drops_total"] >= c, f"the holder drops at each request: {r}"
    assert r["io_forced_order_bad"] == 0 and r["io_forced_order_ok"] >= r["io_drop_requests_after_expiry"], \
        f"trace: drop_request, drop(holder), take(I/O thread) per request: {r}"


@pytest.mark.lab("gil")
@pytest.mark.points(10)
def test_guest_countdown_2cpus(console):
    st, out = guest_run(console, progs.countdown("new", 300000, poll=0.05), cpus=2, timeout=120)
    r = results(out)
    assert r.get("finished") == 1, out
    assert r["drop_requests"] > 0 and r["forced_switches"] > 0, f"guest: {r}"
    assert r["drop_requests_immediate"] == 0, f"guest: drop requests before any expiry: {r}"
    assert r["drop_requests_after_expiry"] == r["drop_requests"], f"guest: {r}"
    assert r["failed_wakeups"] == 0 and r["violations"] == 0, f"guest: {r}"
