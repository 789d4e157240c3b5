for n in range(-2, 3):
    print(n, "pos" if n > 0 else "zero" if n == 0 else "neg")
a = [1, 2] if True else []
print(a, (lambda x: x if x else "empty")(""))
print(1 if 0 else 2 if 0 else 3)
