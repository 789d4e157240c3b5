# expect: MemoryError OverflowError
n = 3
while True:
    n = n << n.bit_length()
