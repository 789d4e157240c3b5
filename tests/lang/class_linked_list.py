class LinkedList:
    class _Node:
        def __init__(self, v, nxt):
            self.v, self.nxt = v, nxt
    def __init__(self):
        self.head = None
        self.n = 0
    def push(self, v):
        self.head = LinkedList._Node(v, self.head)
        self.n += 1
    def __iter__(self):
        cur = self.head
        while cur is not None:
            yield cur.v
            cur = cur.nxt
    def __len__(self):
        return self.n
    def __repr__(self):
        return "LL[" + ", ".join(map(repr, self)) + "]"
ll = LinkedList()
for i in range(5):
    ll.push(i)
print(ll, len(ll), list(ll), 3 in ll)
