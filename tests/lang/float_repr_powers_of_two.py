# repr(float) is the shortest string that reads back, also at powers of two, where the interval
# that reads back is lopsided (the next double below is half as far as the one above):
# 2.0 ** 305 is 6.518515124270356e+91 (17 digits were printed before).
import math
print(repr(2.0 ** 305), float(2 ** 305), 2.0 ** -1020, 2.0 ** 1000)
odd = []
for e in range(-1074, 1024):
    v = 2.0 ** e
    r = repr(v)
    assert float(r) == v
    if len(r.replace('-', '').split('e')[0].replace('.', '').strip('0')) >= 16:
        odd.append(r)
print(len(odd), odd[:12])
print([repr(math.nextafter(2.0 ** e, 0)) for e in (305, -1020, 64, 1)])
