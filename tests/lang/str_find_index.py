s = "hello world hello"
print(s.find("o"), s.find("o", 5), s.find("z"), s.rfind("hello"), s.rfind("z"))
print(s.index("world"), s.rindex("l"))
print(s.find("l", 3, 4), s.find(""), s.find("hello", 1))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError:", e)
