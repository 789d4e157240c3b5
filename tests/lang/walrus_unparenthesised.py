# The walrus operator without parentheses where the grammar allows a named_expression (PEP 572,
# widened in Python 3.10 for subscripts): if/elif/while conditions, displays, comprehensions, calls.
data = [1, 5, 2, 8]
if n := len(data):
    print("n", n)
elif m := 0:
    print(m)
i = 0
while (i := i + 1) < 3:
    print("i", i)
it = iter(data)
while x := next(it, None):
    print("x", x)
print([y := 10, y + 1])
print({z := 4, z * 2} == {4, 8})
print([w := v * 2 for v in data], w)
print(data[j := 1], j)
def f(a): return a
print(f(k := 7), k)
for bad in ["x := 5", "a.b := 1", "if a[0] := 1: pass", "(a, b) := (1, 2)", "print(x for x := 1)"]:
    try:
        exec(bad)
    except SyntaxError as e:
        print("SyntaxError", repr(bad))
