# A suspended generator's finally runs when the main module's globals are released at exit,
# as in CPython ("END" then "gen closing"). tollpy skips that release while another thread is
# still registered with the GIL (interp.c, tollpy_run_module: gil_thread_count(in) <= 1), and a
# thread that join() has just returned from may still be in its C exit path: then "gen closing"
# is never printed. Found by tests/fuzz/diff_fuzz.py (seed 4, program 5649); on the 2-core dev
# machine 1 run in 6 missed the line. Not in tests/lang until fixed: it fails only sometimes.
import threading
def work():
    pass
t = threading.Thread(target=work)
t.start()
t.join()
def gen():
    try:
        yield 1
    finally:
        print('gen closing')
g = gen()
next(g)
print('END')
