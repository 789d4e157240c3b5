class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
a = Node(1)
b = Node(2)
a.next = b
c = a
print(c is a, a is b, a.next is b, a == b, a == a)
n = a
vals = []
while n:
    vals.append(n.v)
    n = n.next
print(vals)
print(type(a) is Node, type(a) == Node, type(1) is int)
