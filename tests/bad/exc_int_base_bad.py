# expect: ValueError
int("10", 99)
