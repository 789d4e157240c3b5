print(format(3.5, ".2f"), format(42, ">5"), format("s", "^5"), format(1e6, ","))
print(format(123, ""), format(0.1), format(True), format(None))
print(format(10, "b"), format(-10, "x"), format(1234.5, "e"))
