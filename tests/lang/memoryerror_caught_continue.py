try:
    x = [0] * (10 ** 18)
except MemoryError:
    print("MemoryError caught")
try:
    s = "ab" * (10 ** 17)
except (MemoryError, OverflowError) as e:
    print("caught", type(e).__name__)
y = [1] * 1000
print(len(y), "alive")
