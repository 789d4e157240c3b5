# expect: MemoryError
# A format width of 10**12 - 1 (and int/float/str, f-strings, str.format, printf-style): the
# padding is reserved before it is written, so this is a MemoryError at once, as in CPython,
# instead of filling the heap one fill character at a time (11 s on the plain host build).
# Not in tests/lang: CPython's MemoryError depends on the machine refusing a 1 TB allocation.
for f in [lambda: format(1, "999999999999d"), lambda: format(1.5, "<999999999999"),
          lambda: format('ab', ">999999999999"), lambda: f"{7:^999999999999}",
          lambda: "{:0999999999999,d}".format(5), lambda: "%999999999999d" % 3,
          lambda: "%.999999999d" % 3, lambda: format(1.5, "0999999999999,.2f")]:
    try:
        f()
        print("no error")
    except MemoryError:
        print("MemoryError")
format(1, "999999999999d")
