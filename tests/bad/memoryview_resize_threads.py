# expect: ok
# Free-threaded (the `none` policy): threads resize a bytearray while others take memoryviews
# of it, read and write through them, and release one shared view under each other's feet.
# A resize while a view exists must fail with BufferError (never move the buffer a view
# points into); a released view must raise ValueError; nothing may crash or read freed memory.
import sys
import threading

sys.setgilpolicy("none")
ba = bytearray(b"abcdefgh" * 8)
counts = {"grown": 0, "refused": 0, "released": 0}
N = 40000

def resizer():
    for i in range(N):
        try:
            ba.extend(b"0123456789abcdef")
            del ba[-16:]
            ba.append(1)
            ba.pop()
            counts["grown"] += 1
        except BufferError:
            counts["refused"] += 1
        except IndexError:
            pass

def viewer():
    for i in range(N):
        with memoryview(ba) as m:
            n = len(m)
            m[0] = 65
            m[n - 1] = 66
            part = bytes(m[1:n:3])
            assert len(part) == len(range(1, n, 3))
            sub = m[2:6]
            sub[0] = 67
            sub.release()

shared = [None]

def releaser():
    # a shared view that exists for a stretch, is used by two threads, and is released by
    # either of them while the other may be using it; between stretches the bytearray may grow
    for i in range(N):
        if i % 40 == 0:
            shared[0] = memoryview(ba)
        v = shared[0]
        if v is None:
            continue
        try:
            v[0]
            v.tobytes()
            v[1] = 68
        except ValueError:
            counts["released"] += 1
        if i % 40 == 20:
            v.release()
            shared[0] = None

threads = [threading.Thread(target=f) for f in (resizer, resizer, viewer, viewer, releaser, releaser)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if shared[0] is not None:
    shared[0].release()
ba.extend(b"end")          # every view is released: resizing works again
print("done", len(ba) >= 64 + 3)
