# expect: MemoryError
x = []
while True:
    x.append("abcdefgh" * 16)
