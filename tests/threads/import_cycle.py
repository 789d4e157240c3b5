# Three threads, three modules, each body importing the next: cyc_a imports cyc_b, cyc_b imports
# cyc_c, cyc_c imports cyc_a. Each thread starts one import, and each body waits until all three
# bodies have begun before its nested import, so every nested import finds its module still
# being run by another thread: thread 1 waits for 2, 2 for 3, and 3 would wait for 1. The last of
# them must see the cycle through the chain of waiters and take the partial module, as CPython's
# per-module import locks do (importlib._bootstrap._ModuleLock.has_deadlock); a check of the
# direct owner alone finds no cycle there, and the three wait for ever (the runner's hang guard).
import os
import sys
import threading

sys.dont_write_bytecode = True     # CPython: no __pycache__ left in the directory removed below
entered = {name: threading.Event() for name in "abc"}
d = "/tmp/tollpy_import_cycle_%d" % os.getpid()
os.mkdir(d)
for me, nxt in [("a", "b"), ("b", "c"), ("c", "a")]:
    with open("%s/cyc_%s.py" % (d, me), "w") as f:
        f.write("import __main__\n__main__.entered[%r].set()\n"
                "for e in __main__.entered.values():\n    e.wait()\n"
                "import cyc_%s\nDONE = True\n" % (me, nxt))
sys.path.insert(0, d)
done = []


def importer(name):
    __import__("cyc_" + name)
    done.append(name)


ts = [threading.Thread(target=importer, args=(n,)) for n in "abc"]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(done), all(getattr(sys.modules["cyc_" + n], "DONE", False) for n in "abc"))
for n in "abc":
    os.remove("%s/cyc_%s.py" % (d, n))
os.rmdir(d)
