# array.array of typecode 'B' as a bytes-like object: bytes(a), memoryview(a) onto the array's own
# bytes (writes go through; while a view is unreleased the array cannot resize: BufferError);
# searches and comparisons by value as for any typecode.
from array import array
a = array('B', [1, 2, 3, 250])
print(bytes(a), a, a.tolist(), a[1:3], 300 in a, 2.0 in a, a.count(2), a.index(3))
m = memoryview(a)
print(len(m), m[0], m.tobytes(), m.readonly, m.nbytes)
m[0] = 9
print(a, a[0])
try:
    a.append(5)
except BufferError as e:
    print("BufferError")
m.release()
a.append(5); print(a)
print(bytes(array('i', [1, -1])), bytes(array('h', [258])))
print(array('B', [1]) == array('i', [1]), array('B', [1, 2]) < array('B', [1, 3]))
a2 = array('B', b'abc'); a2.remove(98); print(a2, a2 * 2, a2 + a2)
a2.extend([7]); a2.insert(0, 1); print(a2.pop(), a2, list(reversed(a2)))
with memoryview(array('B', b'xyz')) as v:
    print(v[1], bytes(v[::2]))
try:
    array('B', [1]).append(256)
except OverflowError as e:
    print(e)
