# expect: MemoryError
parts = ["y" * 1000]
while True:
    parts = parts + parts
