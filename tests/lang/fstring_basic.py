name = "world"
n = 42
x = 3.14159
print(f"hello {name}!")
print(f"{n} {n + 1} {n * 2} {name.upper()} {len(name)}")
print(f"{x:.2f} {n:>8} {n:<8}| {n:^8}| {n:08d}")
print(f"{{literal}} {n}")
print(f"{'nested'} {[1, 2][0]} {dict(a=1)['a']}")
