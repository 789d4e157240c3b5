width = 10
prec = 3
x = 3.14159265
print(f"{x:{width}.{prec}f}|")
print(f"{'hi':>{width}}|")
print(f"{x:{'<' if True else '>'}{width}.2f}|")
for w in (4, 6):
    print(f"[{w:{w}}]")
