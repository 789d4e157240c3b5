items = [3, 1, 2]
d = {"a": 1}
print(f"{sorted(items)} {sum(items)} {max(items) if items else 0}")
print(f"{d['a']} {len(d)} {'yes' if d else 'no'}")
print(f"{items[-1]:>3}{items[0]:>3}")
a, b = 5, 7
print(f"{a} + {b} = {a + b}")
print(f"{a=}" if False else f"a={a}")
