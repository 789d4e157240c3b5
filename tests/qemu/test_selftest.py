"""Kernel self-tests: spinlock counter, lost updates, 1,000 threads, sleeps, wait queues,
preemption, hotplug."""


def test_selftest_all_2cpus(guest):
    g = guest(cpus=2)
    g.boot()
    out = g.sh("selftest", timeout=120)
    assert "selftest spin: PASS 4000000/4000000" in out, out
    assert "lost updates" in out
    assert "selftest: 11/11 passed" in out, out


def test_selftest_spin_and_hotplug_4cpus(guest):
    g = guest(cpus=4)
    g.boot()
    out = g.sh("selftest spin", timeout=120)
    assert "PASS 4000000/4000000 increments with the lock, 4 threads on 4 cores" in out, out
    out = g.sh("selftest hotplug", timeout=60)
    assert "selftest hotplug: PASS" in out, out
