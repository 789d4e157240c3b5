for ch in "abc":
    print(ch, ord(ch))
print(sorted("banana"), list("hi"), tuple("ok"), set("aa") == {"a"})
print("a" < "B", "abc" < "abd", "ab" < "abc", "Z" < "a", "" < "a")
print(max("hello"), min("hello"), "apple" > "Apple")
