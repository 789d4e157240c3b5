# array('l')/array('L') hold C longs: 8 bytes each on a 64-bit host, in tobytes/frombytes too.
import array
for tc in 'lLqQiI':
    ar = array.array(tc, [1, 2, 3])
    b = ar.tobytes()
    ar.frombytes(bytes(ar.itemsize * 2))
    print(tc, ar.itemsize, len(b), b[:9], ar, ar.tolist())
    try:
        ar.frombytes(b'\x01\x02\x03')
    except ValueError as e:
        print('ValueError', e)
ar = array.array('L', [2 ** 64 - 1])
print(ar.tobytes(), array.array('l', [-1]).tobytes())
