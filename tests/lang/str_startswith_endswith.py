s = "tollbooth.py"
print(s.startswith("toll"), s.startswith("booth"), s.endswith(".py"), s.endswith(("x", "py")))
print(s.startswith(("a", "t")), s.startswith("booth", 4), s.endswith("", 3))
print("".startswith(""), "a".endswith("ab"))
