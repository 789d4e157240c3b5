# expect: RecursionError
class N:
    def __init__(self):
        self.child = N()
N()
