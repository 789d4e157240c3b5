"""Lab waitq: sleep and wake-up without lost wake-ups (kernel/waitq.c sleep_common), graded by
`selftest lostwake`: 20 rounds in which a waker on another core is let into the instant between
"condition checked" and "queued"; a correct wait queue makes it wait for the sleeper."""
import pytest

from conftest import guest_run
import progs


@pytest.mark.lab("waitq")
@pytest.mark.points(15)
def test_no_lost_wakeups_2cpus(console):
    st, out = guest_run(console, progs.selftest("lostwake"), cpus=2, timeout=90)
    assert "lostwake: PASS" in out, out


@pytest.mark.lab("waitq")
@pytest.mark.points(5)
def test_no_lost_wakeups_4cpus(console):
    st, out = guest_run(console, progs.selftest("lostwake"), cpus=4, timeout=90)
    assert "lostwake: PASS" in out, out
