# memoryviews of a shared bytearray under every policy, free-threaded included (none-stress runs
# it under ASan+UBSan and TSan): two threads resize the bytearray, two take views of it and
# write through them, two share one view and release it under each other. A resize while a
# view exists fails with BufferError, a released view raises ValueError; the bytes the viewers
# write are the same bytes whatever the interleaving, so the output is CPython's.
import threading

ba = bytearray(b"abcdefgh" * 8)
N = 4000
attempts = []

def resizer():
    tries = 0
    for i in range(N):
        try:
            ba.extend(b"0123456789abcdef")
        except BufferError:
            tries += 1
            continue
        while True:   # shrink back, however long the viewers hold it
            tries += 1
            try:
                del ba[-16:]
                break
            except BufferError:
                pass
    attempts.append(tries >= N)

def viewer():
    for i in range(N):
        with memoryview(ba) as m:
            m[0] = 65
            m[63] = 66
            sub = m[1:8]
            sub[0] = 67
            assert bytes(m[2:8]) == b"cdefgh"
            sub.release()

shared = [None]

def sharer():
    for i in range(N):
        if i % 40 == 0:
            shared[0] = memoryview(ba)
        v = shared[0]
        if v is None:
            continue
        try:
            v[1] = 67
            v.tobytes()
        except ValueError:
            pass
        if i % 40 == 20:
            v.release()
            shared[0] = None

threads = [threading.Thread(target=f) for f in (resizer, resizer, viewer, viewer, sharer, sharer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
if shared[0] is not None:
    shared[0].release()
print(len(ba), bytes(ba[:8]), ba[63], attempts)
ba.extend(b"!")
print(len(ba))
