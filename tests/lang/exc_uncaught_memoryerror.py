print("allocating")
x = [0] * (10 ** 18)
print(len(x))
