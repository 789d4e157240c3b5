print("a" * True, "a" * False + "|", [0] * True, 3 * "ab")
print("abc" in "xxabcxx", "" in "abc", "abc".find(""), "ABC".lower().upper())
print("Hello"[1:100], "Hello"[-100:2], "x".join([]) == "")
print(str(b"bytes"), str(1e-10), str(-1e100))
