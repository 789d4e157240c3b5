# check: traceback
def check(n):
    assert n > 0, f"n must be positive, got {n}"
    return n
check(5)
print("ok so far")
check(-1)
