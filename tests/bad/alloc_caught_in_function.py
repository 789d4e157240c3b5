# expect: ok
def fill():
    d = {}
    i = 0
    while True:
        d[i] = str(i) * 10
        i += 1
try:
    fill()
except MemoryError:
    print("caught")
print("after", sum(range(1000)))
