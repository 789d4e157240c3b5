print("power")
x = 2.0 ** 10000
print(x)
