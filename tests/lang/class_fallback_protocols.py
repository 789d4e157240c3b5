class L:
    def __len__(self):
        return 0
class I:
    def __iter__(self):
        return iter([1, 2, 3])
class S:
    def __repr__(self):
        return "only-repr"
print(bool(L()), 2 in I(), 9 in I(), str(S()), f"{S()}", list(I()))
print(sum(I()), sorted(I(), reverse=True), dict.fromkeys(I()))
