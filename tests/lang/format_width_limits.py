# Widths and precisions past what fits: "Too many decimal digits in format string" past
# ssize_t, "precision too big" for a float precision past a C int, and printf-style "width too
# big" / "precision too big". None of these allocate. (A width that fits but exceeds memory is a
# MemoryError at once: tests/bad/format_huge_width.py.)
cases = [(1, "99999999999999999999d"), (1.5, "99999999999999999999d"), ('ab', "99999999999999999999"),
         (1, "9223372036854775808"), (1.5, ".999999999999f"), (1.5, ".3000000000e"), (2.5, ".99999999999999999999f"),
         (1, ",999999999999"), ('ab', "999999999999d"), (1.5, "999999999999d")]
for v, sp in cases:
    try:
        print(repr(v), sp, 'ok', len(format(v, sp)))
    except Exception as e:
        print(repr(v), sp, type(e).__name__, e)
for f in [lambda: "{:99999999999999999999}".format(2), lambda: f"{3.5:.3000000000f}",
          lambda: "%99999999999999999999d" % 3, lambda: "%.99999999999999999999d" % 3,
          lambda: "%.999999999999d" % 3, lambda: "%.3000000000f" % 3.0, lambda: "%9223372036854775808s" % 'a',
          lambda: "%*d" % (10**20, 3)]:
    try:
        print('ok', len(f()))
    except Exception as e:
        print(type(e).__name__, e)

# zero padding with grouping sizes its digits from the width (no loop per digit)
for w in range(0, 26):
    print(format(5, f"0{w},d"), format(-123456, f"0{w}_x"), format(1234.5, f"+0{w},.1f"),
          format(7, f"#0{w}_b"), "%0*.*d" % (w, w // 2, 42))
for v in ("inf", "-inf", "nan"):
    for sp in ("010,f", "012_e", "03,f", "=+011,g", "x=09,f"):
        print(repr(format(float(v), sp)))
