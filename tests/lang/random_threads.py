# random's module functions from several threads: every draw comes from one generator, so the
# multiset of all numbers drawn equals a single-threaded run's with the same seed.
import random, threading
random.seed(99)
expect = sorted(random.getrandbits(32) for _ in range(4000))
random.seed(99)
got = []
lock = threading.Lock()
def work():
    mine = [random.getrandbits(32) for _ in range(1000)]
    with lock:
        got.extend(mine)
ts = [threading.Thread(target=work) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(got) == expect, len(got))
r = random.Random(5)
print(r.getstate()[0], len(r.getstate()[1]), r.getstate()[1][-1])
