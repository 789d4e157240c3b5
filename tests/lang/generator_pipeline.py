def nums(n):
    for i in range(n):
        yield i
def squares(it):
    for x in it:
        yield x * x
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
print(list(evens(squares(nums(20)))))
print(sum(evens(squares(nums(1000)))))
g = squares(nums(3))
print(iter(g) is g)
