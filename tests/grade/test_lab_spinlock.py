"""Lab spinlock: a ticket lock with WFE/SEV (kernel/ticketlock.c), graded by `selftest ticket`
on 2 cores: mutual exclusion + ticket accounting, then FIFO service (fairness)."""
import pytest

from conftest import guest_run
import progs

_cache = {}


def run(console):
    if "out" not in _cache:
        _cache["out"] = guest_run(console, progs.selftest("ticket"), cpus=2, timeout=90)
    else:
        console.add("(same guest run as the previous test)", _cache["out"][0], _cache["out"][1])
    return _cache["out"][1]


@pytest.mark.lab("spinlock")
@pytest.mark.points(10)
def test_ticket_mutual_exclusion(console):
    out = run(console)
    assert "ticket exclusion: PASS" in out, out


@pytest.mark.lab("spinlock")
@pytest.mark.points(10)
def test_ticket_fairness(console):
    out = run(console)
    assert "ticket fairness: PASS" in out, out
