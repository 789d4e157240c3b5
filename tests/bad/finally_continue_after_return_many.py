# expect: ok
# every `return` is overridden by the finally body's `continue`: the pending return value must be
# dropped each time round, not left on the value stack (which would grow past the frame)
def f(n):
    i = 0
    while i < n:
        i += 1
        try:
            try:
                return i
            finally:
                if i % 2:
                    continue
        finally:
            continue
    return i


assert f(200000) == 200000
