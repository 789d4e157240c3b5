s = "Hello World ßx"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize())
print("hello world".title(), "HELLO".capitalize(), "mIxEd".casefold())
print("abc".isupper(), "ABC".isupper(), "abc".islower(), "Title Case".istitle())
