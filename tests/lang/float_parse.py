print(float("3.5"), float("  -2.25 "), float("1e3"), float("inf"), float("-Infinity"))
print(float("nan"), float(".5"), float("5."), float(10))
try:
    float("abc")
except ValueError as e:
    print(e)
