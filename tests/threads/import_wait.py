# A module whose body is still running in one thread, imported by a second thread: the second
# waits until the body is done and sees every name, as CPython's per-module import locks make it
# (without the wait it got the half-made module: AttributeError). The first thread's import is held
# inside the module's body until the second thread has started its own import; how often the
# second actually reaches the import before the body ends depends on timing, the verdict never.
import os
import sys
import threading
import time

sys.dont_write_bytecode = True     # CPython: no __pycache__ left in the directory removed below
entered = threading.Event()
proceed = threading.Event()
second_started = threading.Event()
d = "/tmp/tollpy_import_wait_%d" % os.getpid()
os.mkdir(d)
with open(d + "/slow_body.py", "w") as f:
    f.write("import __main__\n__main__.entered.set()\n__main__.proceed.wait()\nVALUE = 42\n")
sys.path.insert(0, d)
res = []


def first():
    import slow_body
    res.append(("first", slow_body.VALUE))


def second():
    second_started.set()
    import slow_body
    res.append(("second", slow_body.VALUE))


t1 = threading.Thread(target=first)
t1.start()
entered.wait()
t2 = threading.Thread(target=second)
t2.start()
second_started.wait()
time.sleep(0.05)
proceed.set()
t1.join()
t2.join()
print(sorted(res))
os.remove(d + "/slow_body.py")
os.rmdir(d)
