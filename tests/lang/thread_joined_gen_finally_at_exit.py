# A suspended generator's finally runs when the main module's globals are released at exit,
# as in CPython ("END" then "gen closing"), also right after a thread was joined: the thread is
# marked exiting before join() can return (threading's bootstrap, _thread._mark_exiting) and the
# exit code waits for it to unregister (gil_wait_exiting_threads) instead of skipping the
# release while it is still registered. Found by tests/fuzz/diff_fuzz.py (seed 4, program 5649).
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
