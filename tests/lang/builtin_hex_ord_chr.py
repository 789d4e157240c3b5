print(hex(255), hex(-1), hex(0), hex(2 ** 64))
print(ord("A"), ord("a"), ord("\n"), ord("€"), chr(65), chr(0x20AC), chr(10) == "\n")
print("".join(chr(ord(c) + 1) for c in "HAL"))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
