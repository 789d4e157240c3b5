"""Smoke: the tree builds, boots and runs Python on the guest and on the host. Always graded
(every `make grade LAB=...` includes it): a handout tree must pass it."""
import pytest

from conftest import guest_run, host_run


@pytest.mark.lab("smoke")
@pytest.mark.points(5)
def test_guest_boots_and_runs_python(console):
    st, out = guest_run(console, "print('answer', 6 * 7)\nimport sys\nsys.exit(0)\n", cpus=2, timeout=60)
    assert st == 0, out
    assert "2/2 cores online" in out and "answer 42" in out, out


@pytest.mark.lab("smoke")
@pytest.mark.points(5)
def test_host_tollpy_runs_threads(console):
    code = ("import _thread, time\nr = []\n_thread.start_new_thread(lambda: r.append(6 * 7), ())\n"
            "t0 = time.time()\nwhile not r and time.time() - t0 < 10:\n    time.sleep(0.01)\nprint('answer', r)\n")
    st, out = host_run(console, code)
    assert st == 0 and "answer [42]" in out, out
