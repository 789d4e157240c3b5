"""heapq: binary min-heaps on plain lists (Tollbooth's frozen module; CPython 3.11's algorithms,
results and exceptions: heap[k] <= heap[2*k+1] and heap[k] <= heap[2*k+2]).

The functions are Python code: a heap shared between threads needs a lock around each call
(queue.PriorityQueue holds one).
"""

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge',
           'nlargest', 'nsmallest', 'heappushpop']


def _check(heap, name):
    if not isinstance(heap, list):
        raise TypeError("%s() argument 1 must be list, not %s" % (name, type(heap).__name__))


def heappush(heap, item):
    """Push item onto heap, maintaining the heap invariant."""
    _check(heap, 'heappush')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    """Pop the smallest item off the heap, maintaining the heap invariant."""
    _check(heap, 'heappop')
    if not heap:
        raise IndexError("index out of range")
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup(heap, 0)
        return returnitem
    return lastelt


def heapreplace(heap, item):
    """Pop and return the smallest item, then push item (the heap must not be empty)."""
    _check(heap, 'heapreplace')
    if not heap:
        raise IndexError("index out of range")
    returnitem = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return returnitem


def heappushpop(heap, item):
    """Push item, then pop and return the smallest item; faster than the two calls."""
    _check(heap, 'heappushpop')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    """Transform list into a heap, in place, in O(len(x)) time."""
    _check(x, 'heapify')
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup(x, i)


def _heappop_max(heap):
    lastelt = heap.pop()
    if heap:
        returnitem = heap[0]
        heap[0] = lastelt
        _siftup_max(heap, 0)
        return returnitem
    return lastelt


def _heapify_max(x):
    n = len(x)
    for i in reversed(range(n // 2)):
        _siftup_max(x, i)


# The sifts swap two items per step, as CPython's C heapq does: the list is a permutation of its
# items at every comparison, so one that raises (an int against a list) leaves it as CPython's.

# _siftdown: the item at pos moves up towards startpos while it is smaller than its parent.
def _siftdown(heap, startpos, pos):
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        if not heap[pos] < heap[parentpos]:
            break
        heap[parentpos], heap[pos] = heap[pos], heap[parentpos]
        pos = parentpos


# _siftup: move the smaller child up until a leaf, then sift the item down (Knuth's
# bottom-up variant, as CPython's heapq: fewer comparisons on average).
def _siftup(heap, pos):
    endpos = len(heap)
    startpos = pos
    limit = endpos >> 1
    while pos < limit:
        childpos = 2 * pos + 1
        if childpos + 1 < endpos and not heap[childpos] < heap[childpos + 1]:
            childpos += 1
        heap[pos], heap[childpos] = heap[childpos], heap[pos]
        pos = childpos
    _siftdown(heap, startpos, pos)


def _siftdown_max(heap, startpos, pos):
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        if not heap[parentpos] < heap[pos]:
            break
        heap[parentpos], heap[pos] = heap[pos], heap[parentpos]
        pos = parentpos


def _siftup_max(heap, pos):
    endpos = len(heap)
    startpos = pos
    limit = endpos >> 1
    while pos < limit:
        childpos = 2 * pos + 1
        if childpos + 1 < endpos and not heap[childpos + 1] < heap[childpos]:
            childpos += 1
        heap[pos], heap[childpos] = heap[childpos], heap[pos]
        pos = childpos
    _siftdown_max(heap, startpos, pos)


def merge(*iterables, key=None, reverse=False):
    """Merge sorted inputs into one sorted iterator (a generator)."""
    h = []
    order = -1 if reverse else 1
    for n, it in enumerate(map(iter, iterables)):
        for value in it:
            h.append([_Key(value if key is None else key(value), order), n, value, it])
            break
    heapify(h)
    while h:
        top = h[0]
        yield top[2]
        nxt = _MISSING
        for nxt in top[3]:
            break
        if nxt is _MISSING:
            heappop(h)
        else:
            top[0] = _Key(nxt if key is None else key(nxt), order)
            top[2] = nxt
            heapreplace(h, top)


_MISSING = object()


class _Key:
    # orders by k, reversed when order is -1 (merge(reverse=True) on a min-heap)
    __slots__ = ('k', 'order')

    def __init__(self, k, order):
        self.k = k
        self.order = order

    def __lt__(self, other):
        if self.order == 1:
            return self.k < other.k
        return other.k < self.k

    def __eq__(self, other):
        return not self.k < other.k and not other.k < self.k


def nsmallest(n, iterable, key=None):
    """The n smallest items of iterable (sorted(iterable, key=key)[:n])."""
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    """The n largest items of iterable (sorted(iterable, key=key, reverse=True)[:n])."""
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]
