# return/break/continue leaving try, finally, with and except blocks, in loops: the value stack
# must come out at the same depth every time round (a pending return value is dropped when a
# finally body overrides the return with break/continue).
import sys


def ret_continue(n):
    count = 0
    for i in range(n):
        try:
            return i
        finally:
            count += 1
            continue
    return ("done", count)


def ret_break():
    for i in range(10):
        try:
            return i
        finally:
            break
    return "broke"


def ret_continue_while(n):
    i = 0
    while i < n:
        i += 1
        try:
            return i
        finally:
            if i < n:
                continue
    return ("end", i)


def ret_override():
    try:
        return 1
    finally:
        return 2


def nested_finally(n):
    out = []
    for i in range(n):
        try:
            try:
                return i
            finally:
                out.append("inner%d" % i)
        finally:
            out.append("outer%d" % i)
            if i % 2 == 0:
                continue
            break
    return out


class CM:
    def __init__(self, log, name):
        self.log, self.name = log, name

    def __enter__(self):
        self.log.append("enter " + self.name)
        return self

    def __exit__(self, *exc):
        self.log.append("exit " + self.name)
        return False


def with_in_loop(n):
    log = []
    for i in range(n):
        with CM(log, str(i)):
            try:
                return i
            finally:
                if i < n - 1:
                    continue
    return log


def with_finally_outside(n):
    log = []
    for i in range(n):
        try:
            with CM(log, str(i)):
                return i
        finally:
            continue
    return log


def except_handler(n):
    hits = 0
    for i in range(n):
        try:
            raise ValueError(i)
        except ValueError as e:
            hits += 1
            try:
                return e
            finally:
                continue
    return ("handled", hits)


def finally_during_exception(n):
    seen = 0
    for i in range(n):
        try:
            raise KeyError(i)
        finally:
            seen += 1
            continue
    return ("swallowed", seen, sys.exc_info())


def break_in_finally_during_exception():
    for i in range(5):
        try:
            1 / 0
        finally:
            break
    return ("broke", i, sys.exc_info())


def gen(n):
    for i in range(n):
        try:
            yield i
        finally:
            pass


def for_over_generator(n):
    total = 0
    for v in gen(n):
        try:
            return v
        finally:
            total += v
            continue
    return ("total", total)


def nested_loops(n):
    acc = []
    for i in range(n):
        for j in range(n):
            try:
                try:
                    return (i, j)
                finally:
                    if j == 1:
                        break
            finally:
                acc.append((i, j))
                continue
    return acc


def return_in_finally_of_return_in_loop(n):
    for i in range(n):
        try:
            return "body"
        finally:
            try:
                return "finally"
            finally:
                if i < n - 1:
                    continue
    return "loop end"


def deep(n):
    # many iterations: a leaked stack slot per iteration would overflow the frame's stack
    x = 0
    for i in range(n):
        try:
            try:
                return i
            finally:
                x += 1
        finally:
            continue
    return x


print(ret_continue(3000))
print(ret_break())
print(ret_continue_while(3000))
print(ret_override())
print(nested_finally(4))
print(with_in_loop(3))
print(with_finally_outside(3))
print(except_handler(1000))
print(finally_during_exception(1000))
print(break_in_finally_during_exception())
print(for_over_generator(1000))
print(nested_loops(3))
print(return_in_finally_of_return_in_loop(3))
print(return_in_finally_of_return_in_loop(1))
print(deep(3000))
print([ret_continue(3) for _ in range(3)])


# generators: a yield (or yield from) inside the finally body that a return is running
def gen_yield_in_finally(n):
    for i in range(n):
        try:
            return i
        finally:
            yield "fin%d" % i
            continue
print(list(gen_yield_in_finally(3)))
def h():
    try:
        return 1
    finally:
        x = yield 2
        print("got", x)
it = h(); print(next(it))
try:
    it.send(5)
except StopIteration as e:
    print("stop", e.value)
def k():
    for i in range(3):
        with open_cm() as c:
            try:
                return i
            finally:
                yield from range(2)
                if i < 2: continue
class open_cm:
    def __enter__(self): return self
    def __exit__(self, *a): print("exit"); return False
print(list(k()))
def m():
    for i in range(3):
        try:
            return [j for j in range(i)]
        finally:
            if i < 2:
                continue
print(m())
