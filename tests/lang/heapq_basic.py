# heapq: push/pop order, heapify, replace/pushpop, merge, nlargest/nsmallest, errors
import heapq
h = []
for x in [5, 1, 8, 3, 9, 2, 7, 3]:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(len(h))])
data = [9, 4, 7, 1, 0, 3, 3, 8, 2]
heapq.heapify(data)
print(data, data[0])
print(heapq.heapreplace(data, 5), data)
print(heapq.heappushpop(data, -1), heapq.heappushpop(data, 6), data)
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 9])))
print(list(heapq.merge(['a', 'cc'], ['bb', 'd'], key=len)))
print(list(heapq.merge([7, 4, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge([(1, 'x')], [(1, 'y')], key=lambda t: t[0])))
print(heapq.nlargest(3, [4, 1, 8, 8, 2]), heapq.nsmallest(2, [4, 1, 8, 2]))
print(heapq.nlargest(2, ['aa', 'b', 'ccc'], key=len), heapq.nsmallest(0, [1]), heapq.nlargest(5, [3, 1]))
tasks = []
heapq.heappush(tasks, (2, 'write'))
heapq.heappush(tasks, (1, 'read'))
heapq.heappush(tasks, (3, 'close'))
while tasks:
    print(heapq.heappop(tasks))
for fn in (heapq.heappop, heapq.heapreplace):
    try:
        fn([]) if fn is heapq.heappop else fn([], 1)
    except IndexError as e:
        print("IndexError", e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print("TypeError", e)
try:
    heapq.heappush([1], 'a')
except TypeError as e:
    print("TypeError", e)
# a larger deterministic sort through the heap
seq = [(i * 7919) % 1000 for i in range(500)]
h = []
for v in seq:
    heapq.heappush(h, v)
out = [heapq.heappop(h) for _ in range(len(h))]
print(out == sorted(seq), out[:5], out[-3:])
