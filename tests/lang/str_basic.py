s = "hello"
print(s, len(s), s + " world", s * 3, "-" * 10)
print(s[0], s[-1], s[1:3], s[:2], s[3:], s[::-1], s[::2], s[-3:-1])
print("ell" in s, "xyz" not in s, s == "hello", s < "help", "a" < "b" < "c")
print("abc" * 0, "" + "", repr(""))
