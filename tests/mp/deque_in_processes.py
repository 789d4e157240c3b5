# collections.deque used inside worker processes that import it first (the C type is static and
# shared by every interpreter: readied once and made immortal before a second one exists)
import multiprocessing as mp
def work(n):
    from collections import deque
    d = deque()
    for i in range(n):
        d.append(i)
        d.appendleft(-i)
    s = 0
    while d:
        s += d.pop() + d.popleft()
    return (n, s, len(d))
if __name__ == "__main__":
    with mp.Pool(4) as p:
        print(p.map(work, [5000] * 8))
