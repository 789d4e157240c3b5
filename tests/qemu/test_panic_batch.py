"""Panic report and exit statuses: panic (101), batch success (0), error (1), exit N, timeout (124)."""
from conftest import run_batch

PANIC_STATUS = 101


def test_panic_command_reports_and_exits(guest):
    g = guest(cpus=2)
    g.boot()
    g.child.send("kernel.shell('panic because')\r")
    g.expect_exact("KERNEL PANIC: deliberate panic from the shell (because)")
    g.expect_exact("cpu ")
    g.expect_exact("thread 'console'")
    g.expect("pc +[0-9a-f]{8}")
    g.expect_exact("backtrace")
    assert g.wait_exit() == PANIC_STATUS


def test_fault_command_data_abort(guest):
    g = guest(cpus=2)
    g.boot()
    g.child.send("kernel.shell('fault')\r")
    g.expect_exact("KERNEL PANIC: data abort")
    g.expect_exact("NULL pointer dereference")
    assert g.wait_exit() == PANIC_STATUS


def test_batch_success(tmp_path):
    st, out = run_batch("print('one')\nprint('two')\n", tmp_path=tmp_path)
    assert st == 0, out
    assert "one\ntwo\n" in out


def test_batch_explicit_exit(tmp_path):
    st, out = run_batch("import sys\nprint('before')\nsys.exit(7)\nprint('after')\n", tmp_path=tmp_path)
    assert st == 7, out
    assert "before" in out and "after" not in out


def test_batch_error(tmp_path):
    st, out = run_batch("print('x')\nno_such_name\nprint('after')\n", tmp_path=tmp_path)
    assert st == 1, out
    assert "NameError" in out and "after" not in out


def test_batch_panic(tmp_path):
    st, out = run_batch("import kernel\nkernel.shell('panic scripted')\n", tmp_path=tmp_path)
    assert st == PANIC_STATUS, out
    assert "KERNEL PANIC" in out


def test_batch_timeout(tmp_path):
    st, out = run_batch("import time\ntime.sleep(600)\n", timeout=3, tmp_path=tmp_path)
    assert st == 124, out


def test_batch_bootargs(tmp_path):
    st, out = run_batch("import kernel, sys\nkernel.shell('args')\nprint('argv', sys.argv)\n", tmp_path=tmp_path, extra_env={"GIL": "new", "ARGS": "a b"})
    assert st == 0, out
    assert "GIL=new" in out and "ARGS=a b" in out
    assert "argv ['script.txt', 'a', 'b']" in out


def test_invariant_double_take(tmp_path):
    st, out = run_batch("import kernel\nkernel.shell('fault double')\n", tmp_path=tmp_path)
    assert st == PANIC_STATUS, out
    assert "spinlock 'fault-demo' taken twice on cpu" in out
    assert "backtrace:" in out and "shell_run_line" in out


def test_invariant_release_by_other_core(tmp_path):
    st, out = run_batch("import kernel\nkernel.shell('fault other')\n", tmp_path=tmp_path)
    assert st == PANIC_STATUS, out
    assert "released by cpu 1 thread 'releaser' but held by cpu 0 thread 'console'" in out


def test_invariant_sleep_holding_lock(tmp_path):
    st, out = run_batch("import kernel\nkernel.shell('fault sleep')\n", tmp_path=tmp_path)
    assert st == PANIC_STATUS, out
    assert "sleeps on cpu" in out and "holding spinlock 'fault-demo'" in out


def test_undefined_instruction(tmp_path):
    st, out = run_batch("import kernel\nkernel.shell('fault undef')\n", tmp_path=tmp_path)
    assert st == PANIC_STATUS, out
    assert "undefined instruction" in out


def test_thread_stack_overflow_hits_guard_page(tmp_path):
    st, out = run_batch("import kernel\nkernel.shell('fault stack')\n", tmp_path=tmp_path)
    assert st == PANIC_STATUS, out
    assert "guard page: stack overflow in thread 'overflow'" in out


def test_launcher_rejects_bad_cpus(tmp_path):
    st, out = run_batch("print(1)\n", cpus=9, tmp_path=tmp_path)
    assert st == 2 and "CPUS must be 1..8" in out, out
