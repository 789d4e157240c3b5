import array
for tc, vals in [('b',[128,-129]),('B',[-1,256]),('h',[2**15,-2**15-1]),('H',[-1,2**16]),('i',[2**31,-2**31-1]),('I',[-1,2**32]),('l',[2**63,-2**63-1]),('L',[-1,2**64]),('q',[2**63]),('Q',[-1,2**64])]:
    for v in vals:
        try: array.array(tc,[v])
        except Exception as e: print(tc, v, type(e).__name__, e)
for bad in [lambda: array.array('i',[1.5]), lambda: array.array('z'), lambda: array.array('f',['x']), lambda: array.array('i','abc'), lambda: array.array('u',[1]), lambda: array.array('i',[1]).pop(5), lambda: array.array('i',[1]).remove(3), lambda: array.array('i',[1]).index(3), lambda: array.array('i',[1])+array.array('d',[1]), lambda: array.array('i',[1])[3], lambda: array.array('i', b'abc')]:
    try: print(bad())
    except Exception as e: print(type(e).__name__, e)
print(array.array('f',[0.1]), array.array('u','hi'), array.array('d'), array.array('i',[1,2])[::-1], array.typecodes, array.array('b',[1]).itemsize, array.array('I').itemsize, array.array('l').itemsize)
a = array.array('i', range(5))
a.append(10); a.extend([7, 8]); a.insert(0, -1); print(a, len(a), a[2], a[-1], a.pop(), a.count(7), a.index(10), 3 in a, sum(a))
b = a.tobytes(); print(b[:8], array.array('i', b) == a, a.tolist())
a[1] = 42; a[2:4] = array.array('i', [9, 9, 9]); del a[0]; print(a, a + array.array('i', [1]), a * 2 if len(a) < 5 else len(a * 2))
h = array.array('H', [1, 256]); h.byteswap(); print(h)
d = array.array('d', [1.5, 2.25]); print(d.tobytes(), array.array('d', d.tobytes()), d == array.array('d', [1.5, 2.25]), d < array.array('d', [2.0]))
print(list(array.array('b', b'\x01\xff')), array.array('B', b'\x01\xff'))
