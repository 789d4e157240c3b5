s = {3, 1, 2}
s.add(4)
s.add(1)
print(sorted(s), len(s), 2 in s, 9 in s)
s.remove(4)
s.discard(99)
print(sorted(s))
print(set(), set([1, 1, 2]), set("aab") == {"a", "b"})
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
