class Node:
    def __init__(self, v):
        self.v = v
        self.other = None
total = 0
for i in range(20000):
    a = Node(i)
    b = Node(i + 1)
    a.other = b
    b.other = a
    total += a.other.v
print(total)
big = [[i] * 10 for i in range(1000)]
del big
print("done")
