TUP = (1, 2)
tests = [
    lambda: 1 / 0,
    lambda: 1 % 0,
    lambda: [1][5],
    lambda: {}["a"],
    lambda: None.foo,
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: int("q"),
    lambda: undefined_name,
    lambda: [].pop(),
    lambda: len(5),
    lambda: TUP(),
    lambda: "abc".nope,
    lambda: float("x"),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__ + ":", e)
