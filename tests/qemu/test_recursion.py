"""Deep recursion in a guest program ends in RecursionError (or completes), never in a kernel panic.

The console thread has a 64 KiB stack with a guard page below it. Before the C-stack budget
(c_stack_check, interp/objects/object.c) and the trashcan in obj_dealloc (interp/core/mem.c), a limit of 10,000
let the traceback's dealloc recurse into the guard page, and dropping 2,000 nested generator
expressions did too (both KERNEL PANIC, status 101). Each test decides from the exit status
(1 = a Python exception, 0 = success, 101 = panic) and the exact lines the program printed.
"""
from conftest import run_batch

PANIC_STATUS = 101


def program_lines(out):
    """The program's output: the lines after the boot banner, traceback frames left out."""
    lines = out.split("\n")
    for i, line in enumerate(lines):
        if line.startswith("Tollbooth: ") and "cores online" in line:
            lines = lines[i + 1:]
            break
    return [l for l in lines if l.strip() and not l.startswith("  ")]


def check(status, out, want_status, want_lines):
    assert "KERNEL PANIC" not in out, out[-3000:]
    assert status == want_status, out[-3000:]
    assert program_lines(out)[:len(want_lines)] == want_lines, out[-3000:]


def test_plain_recursion_with_a_high_limit(tmp_path):
    st, out = run_batch(
        "import sys\n"
        "sys.setrecursionlimit(10000)\n"
        "def f(n):\n"
        "    return f(n + 1)\n"
        "f(0)\n", timeout=60, tmp_path=tmp_path)
    check(st, out, 1, ["Traceback (most recent call last):",
                       "RecursionError: maximum recursion depth exceeded"])


def test_recursion_in_except_handlers_with_a_high_limit(tmp_path):
    """A 10,000-long __context__ chain of exceptions with tracebacks: printed, then freed."""
    st, out = run_batch(
        "import sys\n"
        "sys.setrecursionlimit(10000)\n"
        "def f(n):\n"
        "    try:\n"
        "        raise ValueError(n)\n"
        "    except ValueError:\n"
        "        return f(n + 1)\n"
        "f(0)\n", timeout=60, tmp_path=tmp_path)
    check(st, out, 1, ["Traceback (most recent call last):"])
    assert program_lines(out)[-1] == "RecursionError: maximum recursion depth exceeded", out[-3000:]


def test_nested_generator_expressions_dropped(tmp_path):
    st, out = run_batch(
        "g = iter([1])\n"
        "for i in range(2000):\n"
        "    g = (x for x in g)\n"
        "del g\n"
        "print('freed')\n", timeout=60, tmp_path=tmp_path)
    check(st, out, 0, ["freed"])


C_PATHS = """
import sys
sys.setrecursionlimit(100000)
class R:
    def __repr__(self):
        return repr(self)
def nest(make, n=20000):
    x = iter([1])
    for i in range(n):
        x = make(x)
    return x
def yf(g):
    yield from g
lst = nest(lambda x: [x])
for name, fn in [("repr", lambda: repr(R())),
                 ("map", lambda: next(nest(lambda x: map(abs, x)))),
                 ("zip", lambda: next(nest(zip))),
                 ("genexpr", lambda: next(nest(lambda x: (y for y in x)))),
                 ("yield from", lambda: next(nest(yf))),
                 ("list repr", lambda: repr(lst)),
                 ("list compare", lambda: lst == [lst]),
                 ("compile", lambda: exec("-" * 20000 + "1"))]:
    try:
        fn()
        print(name, "no error")
    except RecursionError:
        print(name, "RecursionError")
del lst
print("freed")
def f(n):
    return f(n + 1)
f(0)
"""


def test_c_recursion_paths_with_a_high_limit(tmp_path):
    st, out = run_batch(C_PATHS, timeout=90, tmp_path=tmp_path)
    check(st, out, 1, ["repr RecursionError", "map RecursionError", "zip RecursionError",
                       "genexpr RecursionError", "yield from RecursionError",
                       "list repr RecursionError", "list compare RecursionError",
                       "compile RecursionError", "freed", "Traceback (most recent call last):",
                       "RecursionError: maximum recursion depth exceeded"])


THREADS_AND_CHAINS = """
import threading, sys
sys.setrecursionlimit(100000)
print(threading.stack_size())
try:
    threading.stack_size(1000)
except ValueError:
    print("ValueError")
class R:
    def __repr__(self):
        return repr(self)
out = []
def body():
    try:
        repr(R())
    except RecursionError:
        out.append("RecursionError")
for size in (0, 32768, 256 * 1024):
    threading.stack_size(size)
    t = threading.Thread(target=body)
    t.start()
    t.join()
    print(threading.stack_size(), out)
    del out[:]
class C:
    pass
def inst(x):
    c = C()
    c.next = x
    return c
def gen(x):
    yield x
def started(x):
    g = gen(x)
    next(g)
    return g
for name, make in [("list", lambda x: [x]), ("tuple", lambda x: (x,)), ("dict", lambda x: {0: x}),
                   ("instance", inst), ("started generator", started),
                   ("cell", lambda x: (lambda: x)), ("map", lambda x: map(abs, [x]))]:
    x = None
    for i in range(20000):
        x = make(x)
    del x
    print(name, "freed")
"""


def test_thread_stacks_and_deep_chains_freed(tmp_path):
    st, out = run_batch(THREADS_AND_CHAINS, timeout=90, tmp_path=tmp_path)
    check(st, out, 0, ["0", "ValueError", "0 ['RecursionError']", "32768 ['RecursionError']",
                       "262144 ['RecursionError']", "list freed", "tuple freed", "dict freed",
                       "instance freed", "started generator freed", "cell freed", "map freed"])
