# expect: UnicodeEncodeError ok
print("\ud800")
