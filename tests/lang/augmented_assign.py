x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 50
print(x)
y = 7.0
y /= 2
print(y)
b = 0b1100
b &= 0b1010; b |= 1; b ^= 0b11; b <<= 2; b >>= 1
print(b)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2]
print(alias)
d = {"k": 1}
d["k"] += 10
a = [0, 0]
a[1] -= 5
print(d, a)
class O:
    v = 1
o = O()
o.v += 1
print(o.v, O.v)
