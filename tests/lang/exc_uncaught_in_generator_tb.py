# check: traceback
def numbers():
    yield 1
    yield 2 / 0
total = 0
for n in numbers():
    total += n
