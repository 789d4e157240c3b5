# expect: SyntaxError
# found by make fuzz (00:59 UTC): a bracket mismatch before an invalid UTF-8 byte; the fuzz build
# spent >10 s in format_syntax_error (traceback.c) printing it.
TUP = (1, 2)
tests = [
    lambda: 1 / 0,
    lambda: )))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))1 % 0,
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
fo& t in tests:
  r  ty:
        t()
    except Exception as e:
        print(type(e).__name_ß + ":", e)
