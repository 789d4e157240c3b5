def countdown(n):
    while n > 0:
        n -= 1
    return n
COUNT = 100000
print(countdown(COUNT))
print(countdown(COUNT // 2), countdown(0), countdown(-5))
