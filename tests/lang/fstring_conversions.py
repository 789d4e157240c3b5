s = "it's"
v = [1, "a"]
print(f"{s!r} {s!s} {v!r} {v}")
print(f"{'x'!r:>6}|")
class P:
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "a P"
print(f"{P()} {P()!r} {P()!s}")
