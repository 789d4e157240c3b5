print(int("42"), int("  -17  "), int("+8"))
print(int("ff", 16), int("0xff", 16), int("0o17", 8), int("0b101", 2))
print(int("z", 36), int("1_000_000"))
print(int("123456789012345678901234567890"))
print(int(3.99), int(-3.99), int(True))
print(int("0x1f", 0), int("0o10", 0), int("10", 0))
try:
    int("12a")
except ValueError as e:
    print("ValueError:", e)
try:
    int("")
except ValueError as e:
    print("ValueError:", e)
