"""A fault in interpreter code ends that Python program, never the kernel (kernel/trap.h,
interp/gil/gil_unsafe.c's guest section): under every GIL policy a data abort, prefetch abort,
undefined instruction, an overflow into the thread's own stack guard page, or any of these while
an interpreter spinlock is held (it is force-released), in the main thread
or in a `_thread` thread, is reported (kind, pc with its symbol, address, backtrace, which Python
thread) and the program ends: a batch run (EXIT=1) with status 1, never 101 (panic) or 124
(hang); at the console the interpreter is abandoned and a fresh `>>>` comes back, again and
again. The faults are planted with the test hook kernel._fault_in_interpreter(kind), whose
faulting instruction is in interp/. A fault in kernel code (the shell's `fault` command) still
panics. Verdicts come from statuses and output only."""
import shutil

import pytest

import tollbooth

from conftest import PROMPT, run_batch

POLICIES = ["new", "none"]
KINDS = {   # kind -> (what the kernel reports, the function named at the pc)
    "null": ("data abort", "k_fault_in_interpreter"),
    "undef": ("undefined instruction", "k_fault_in_interpreter"),
    "prefetch": ("prefetch abort", None),        # pc 0: no symbol; the backtrace names the caller
    "stack": ("data abort", "fault_recurse"),
    "locked": ("data abort", "k_fault_in_interpreter"),   # an interpreter spinlock held: released
}
CONTAINED = "*** fault in interpreter code, contained: "


def check_report(out, kind, where):
    what, sym = KINDS[kind]
    assert "KERNEL PANIC" not in out, out[-3000:]
    assert CONTAINED + what in out, out[-3000:]
    line = out[out.index(CONTAINED):].split("\n")[0]
    if sym:
        assert sym in line, line
    assert "backtrace: " in out and "k_fault_in_interpreter" in out.split("backtrace: ")[1], out[-3000:]
    if kind in ("null", "locked"):
        assert "(NULL pointer dereference)" in out, out[-3000:]
    if kind == "locked":
        assert "1 interpreter spinlock(s) held: released" in out, out[-3000:]
    if kind == "stack":
        assert "guard page, stack overflow in thread" in out, out[-3000:]
        assert "(C stack overflow)" in out, out[-3000:]
    assert "tollpy: the interpreter crashed: " + what in out, out[-3000:]
    assert where in out, out[-3000:]


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("kind", sorted(KINDS))
def test_batch_fault_in_main_thread_ends_program_with_status_1(tmp_path, policy, kind):
    prog = (f'import kernel, sys\nprint("policy", sys.getgilpolicy())\n'
            f'kernel._fault_in_interpreter("{kind}")\nprint("not reached")\n')
    st, out = run_batch(prog, cpus=2, timeout=60, tmp_path=tmp_path, extra_env={"GIL": policy})
    assert st == 1, (st, out[-3000:])
    assert "policy " + policy in out, out[-3000:]
    assert "not reached" not in out, out[-3000:]
    check_report(out, kind, f"in the main thread, GIL policy {policy}; program ended (status 1)")


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("kind", ["null", "stack", "locked"])
def test_batch_fault_in_a_thread_ends_program_with_status_1(tmp_path, policy, kind):
    # the main thread sleeps in short slices, so it runs on whether or not the crash stops it;
    # "main done" must not appear: the program ends at the crash
    prog = ('import kernel, _thread, time\n'
            f'_thread.start_new_thread(kernel._fault_in_interpreter, ("{kind}",))\n'
            'for i in range(3000):\n    time.sleep(0.01)\nprint("main done")\n')
    st, out = run_batch(prog, cpus=2, timeout=90, tmp_path=tmp_path, extra_env={"GIL": policy})
    assert st == 1, (st, out[-3000:])
    assert "main done" not in out, out[-3000:]
    check_report(out, kind, f"in Python thread ")
    assert f"GIL policy {policy}; program ended (status 1)" in out, out[-3000:]


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("cmd,what", [("fault null", "data abort"), ("fault undef", "undefined instruction"),
                                      ("fault stack", "data abort")])
def test_fault_in_kernel_code_still_panics(tmp_path, policy, cmd, what):
    st, out = run_batch(f'import kernel\nkernel.shell("{cmd}")\nprint("not reached")\n',
                        cpus=2, timeout=60, tmp_path=tmp_path, extra_env={"GIL": policy})
    assert st == 101, (st, out[-3000:])
    assert "KERNEL PANIC: " + what in out, out[-3000:]
    assert CONTAINED not in out, out[-3000:]


def expect_fresh_prompt(g, policy):
    out = g.cmd("print(6*7)")
    assert "42" in out.replace("\r", "").split("\n"), out
    out = g.cmd("import sys; print(sys.getgilpolicy())")
    assert policy in out.replace("\r", "").split("\n"), out


@pytest.mark.parametrize("policy", POLICIES)
def test_console_survives_repeated_faults_in_main_thread(guest, policy):
    g = guest(cpus=2, extra_env={"GIL": policy})
    g.boot()
    # each one after a recovery; the second "locked" takes the spinlock the first one held
    for kind in ["null", "undef", "prefetch", "stack", "locked", "locked", "null"]:
        g.cmd("x = 'old interpreter'")
        out = g.cmd(f'kernel._fault_in_interpreter("{kind}")', timeout=60)
        check_report(out, kind, f"in the main thread, GIL policy {policy}; the interpreter is abandoned")
        assert "fresh one made" in out, out[-3000:]
        expect_fresh_prompt(g, policy)
        out = g.cmd("print(x)")                                   # a fresh interpreter indeed
        assert "NameError" in out, out
        g.cmd("import kernel")
    g.kill()


@pytest.mark.parametrize("policy", POLICIES)
def test_console_survives_fault_in_a_thread(guest, policy):
    g = guest(cpus=2, extra_env={"GIL": policy})
    g.boot()
    for attempt in range(2):
        g.cmd("import kernel, _thread, time")
        # the main thread waits for a lock the crashed thread never releases: the crash must wake it
        out = g.cmd('l = _thread.allocate_lock(); l.acquire(); '
                    '_thread.start_new_thread(kernel._fault_in_interpreter, ("null",)); l.acquire()',
                    timeout=60)
        check_report(out, "null", "in Python thread ")
        assert "RuntimeError: interpreter reset: a thread of this program crashed" in out, out[-3000:]
        assert "interpreter crashed: the interpreter is abandoned" in out, out[-3000:]
        expect_fresh_prompt(g, policy)
    g.kill()


def test_script_crash_then_console(guest, tmp_path):
    """A script followed by the console (no EXIT=1): the crash gives the console, not power-off."""
    script = tmp_path / "s.py"
    script.write_text('import kernel\nkernel._fault_in_interpreter("null")\nprint("not reached")\n')
    g = guest(cpus=2, script=script)
    out = g.expect_exact(PROMPT, timeout=60)
    out = out.replace("\r\n", "\n")
    check_report(out, "null", "in the main thread, GIL policy new; the interpreter is abandoned")
    assert "not reached" not in out
    expect_fresh_prompt(g, "new")
    g.kill()


CRASH_BODY = ('import __main__, kernel\n__main__.entered.set()\n__main__.proceed.wait()\n'
              'kernel._fault_in_interpreter("null")\nVALUE = 1\n')


def python_threads(g):
    """The kernel's threads that run Python (named 'py'), from the shell's thread list."""
    out = g.cmd("kernel.shell('threads')")
    return [line for line in out.split("\n") if line.split()[1:2] == ["py"]]


@pytest.mark.skipif(not (shutil.which("mkfs.fat") and shutil.which("mcopy")),
                    reason="dosfstools/mtools missing (qemu/deps.sh)")
@pytest.mark.parametrize("policy", POLICIES)
def test_import_waiters_end_when_the_importing_thread_crashes(guest, tmp_path, policy):
    """A thread crashes inside a module's body while the main thread and a second thread wait for
    that module (interp/runtime/import.c): the owner never finishes its import, and its crash
    resets the interpreter, so both waits end. The main thread's ends in the reset's RuntimeError
    and the console comes back; the second thread's end is read from the kernel's thread list
    (polled: a waiter notices the reset at its next nap; one that never ends fails the test).
    Which waiter reaches its import before the crash is timing; the verdict is not (a late one
    meets the reset as well)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    (folder / "crash_body.py").write_text(CRASH_BODY)
    image = tollbooth.make_disk_image(folder, tmp_path / "disk.img", 16)
    g = guest(cpus=2, extra_env={"GIL": policy}, disk=str(image))
    g.boot()
    g.cmd("import _thread, threading, time")
    g.cmd("entered = threading.Event(); proceed = threading.Event()")
    g.cmd("def importer():\n  import crash_body\n")
    g.cmd("def waiter():\n  import crash_body\n")
    g.cmd("def release():\n  time.sleep(0.2)\n  proceed.set()\n")
    out = g.cmd("_thread.start_new_thread(importer, ()); entered.wait(); "
                "_thread.start_new_thread(waiter, ()); _thread.start_new_thread(release, ()); "
                "import crash_body", timeout=60)
    check_report(out, "null", "in Python thread ")
    assert "RuntimeError: interpreter reset: a thread of this program crashed" in out, out[-3000:]
    assert "interpreter crashed: the interpreter is abandoned" in out, out[-3000:]
    expect_fresh_prompt(g, policy)
    g.cmd("import kernel, time")
    for _ in range(100):
        left = python_threads(g)
        if not left:
            break
        g.cmd("time.sleep(0.1)")
    assert not left, left
    g.kill()


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("where", ["main", "thread"])
def test_abandoned_interpreter_sockets_are_closed(guest, policy, where):
    """An interpreter abandoned after a crash never runs its objects' finalizers; its sockets are
    closed for it (port_close_tagged), as a process's descriptors are at its exit. Seen
    from the fresh interpreter: the listener's port binds again at once (it would stay
    EADDRINUSE with the listener leaked, taking connections nobody serves), and the kernel's
    socket count is back where it was before."""
    g = guest(cpus=2, extra_env={"GIL": policy})
    g.boot()
    g.cmd("import socket, _thread, kernel")
    before = g.cmd("print('live', socket._stats()['sockets'])")
    g.cmd("srv = socket.socket(); srv.bind(('0.0.0.0', 7070)); srv.listen(4)")
    g.cmd("u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(('0.0.0.0', 7071))")
    if where == "main":
        out = g.cmd('kernel._fault_in_interpreter("null")', timeout=60)
        check_report(out, "null", f"in the main thread, GIL policy {policy}; the interpreter is abandoned")
    else:
        out = g.cmd('l = _thread.allocate_lock(); l.acquire(); '
                    '_thread.start_new_thread(kernel._fault_in_interpreter, ("null",)); l.acquire()',
                    timeout=60)
        check_report(out, "null", "in Python thread ")
    assert "fresh one made" in out, out[-3000:]
    expect_fresh_prompt(g, policy)
    g.cmd("import socket, kernel")
    out = g.cmd("s = socket.socket(); s.bind(('0.0.0.0', 7070)); s.listen(4); "
                "v = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); v.bind(('0.0.0.0', 7071)); "
                "print('rebound', s.getsockname()[1], v.getsockname()[1]); s.close(); v.close()")
    assert "rebound 7070 7071" in out, out
    after = g.cmd("print('live', socket._stats()['sockets'])")
    assert before.split("live")[-1].split() == after.split("live")[-1].split(), (before, after)
    g.kill()


FILL_FILES = ("def fill():\n"
              "  fs = []\n"
              "  while True:\n"
              "    try: fs.append(open('/f%d.txt' % len(fs), 'w'))\n"
              "    except OSError as e: print('full at', len(fs), e.errno); return fs\n")
FILL_AND_SHOW = "fs = fill(); print('fds', *[f.fileno() for f in fs])"


@pytest.mark.parametrize("policy", POLICIES)
def test_abandoned_interpreter_files_are_closed(guest, tmp_path, policy):
    """The guest port's descriptor table is fixed (ports/guest/port_file.c). An interpreter that
    fills it and crashes is abandoned without its file objects' finalizers; its descriptors are
    closed for it (port_close_tagged). Seen from the fresh interpreter: the table fills to the
    same count again (a leak would leave it full: EMFILE at the first open), and none of the new
    descriptors has the number of an old one (each carries its slot's generation, so a thread of
    the abandoned interpreter still holding one gets EBADF, never the new file)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    (folder / "README.txt").write_text("scratch disk\n")
    image = tollbooth.make_disk_image(folder, tmp_path / "disk.img", 16)
    g = guest(cpus=2, extra_env={"GIL": policy}, disk=str(image))
    g.boot()
    g.cmd("import kernel")
    g.cmd(FILL_FILES)
    first = g.cmd(FILL_AND_SHOW)
    assert "full at" in first, first
    count = first.split("full at")[1].split()[0]
    assert int(count) >= 8, first
    old = set(first.split("fds")[-1].split()[:int(count)])
    out = g.cmd('kernel._fault_in_interpreter("null")', timeout=60)
    check_report(out, "null", f"in the main thread, GIL policy {policy}; the interpreter is abandoned")
    expect_fresh_prompt(g, policy)
    g.cmd(FILL_FILES)
    again = g.cmd(FILL_AND_SHOW)
    assert "full at " + count + " " in again, (first, again)
    new = set(again.split("fds")[-1].split()[:int(count)])
    assert len(new) == int(count) and not (old & new), (old, new)
    g.cmd("_ = [f.close() for f in fs]")
    g.kill()
