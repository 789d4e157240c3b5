# expect: MemoryError OverflowError
s = "x"
while True:
    s = s + s
