print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("ab".ljust(5)), repr("ab".rjust(5, "0")))
print("42".zfill(5), "-42".zfill(5), "abc".zfill(2))
print(repr("x".center(4)), repr("xy".center(5)))
