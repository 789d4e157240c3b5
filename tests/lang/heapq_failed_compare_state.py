# heapq keeps the list a permutation of its items at every comparison (the C heapq's swaps), so
# a comparison that raises halfway leaves it as CPython leaves it; results as before.
import heapq, random
rg = random.Random(3)
for trial in range(200):
    data = [rg.randrange(50) for _ in range(rg.randrange(12))]
    h = list(data); heapq.heapify(h)
    out = [heapq.heappop(h) for _ in range(len(h) // 2)]
    heapq.heappush(h, rg.randrange(50)); r = heapq.heapreplace(h, 7) if h else None
    p = heapq.heappushpop(h, 25)
    assert out == sorted(data)[:len(out)]
    if trial < 5: print(h, out, r, p, heapq.nlargest(3, data), heapq.nsmallest(2, data), list(heapq.merge(sorted(data), [1, 60])))
for hq in ([10, -4, 12, [1], 3], [5, 1, [0], 2, 9, 4], [3, 'x', 1, 2]):
    for op in ('heapify', 'heappop', 'push', 'replace'):
        h = list(hq)
        try:
            if op == 'heapify': heapq.heapify(h)
            elif op == 'heappop': heapq.heappop(h)
            elif op == 'push': heapq.heappush(h, 0)
            else: heapq.heapreplace(h, 11)
        except TypeError as e:
            print(op, 'TypeError', e)
        print(op, h)
print(heapq._heapify_max([3, 1, 4, 1, 5, 9, 2, 6]) if hasattr(heapq, '_heapify_max') else None)
