import sys
print(type(sys.argv).__name__, sys.maxsize == 2 ** 63 - 1 or sys.maxsize == 2 ** 31 - 1)
sys.stdout.write("written\n")
print(len(sys.argv) >= 1)
print("limit ok" if sys.getrecursionlimit() >= 100 else "low")
