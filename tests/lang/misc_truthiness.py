for v in [0, 1, -1, 0.0, 0.1, "", "0", [], [0], (), {}, {0: 0}, set(), None, range(0), range(1)]:
    print(repr(v), "T" if v else "F")
