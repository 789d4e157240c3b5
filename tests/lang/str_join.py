print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"))
print(" ".join(str(i) for i in range(5)))
print(", ".join(map(str, [1, 2, 3])))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
