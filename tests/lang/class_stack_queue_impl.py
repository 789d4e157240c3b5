class Stack:
    def __init__(self):
        self._d = []
    def push(self, x):
        self._d.append(x)
    def pop(self):
        if not self._d:
            raise IndexError("pop from empty stack")
        return self._d.pop()
    def __len__(self):
        return len(self._d)
def balanced(s):
    st = Stack()
    pairs = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            if not len(st) or st.pop() != pairs[ch]:
                return False
    return len(st) == 0
for s in ["()", "([]{})", "(]", "((", ""]:
    print(repr(s), balanced(s))
