# compile(source, filename, mode) gives a code object exec() and eval() run; modes exec, eval
# and single; bytes, bytearray and memoryview sources; the errors CPython raises.
code = compile("x = 6 * 7\ny = x + 1\n", "<made>", "exec")
print(type(code).__name__, code.co_filename, code.co_name)
ns = {}
exec(code, ns)
print(ns["x"], ns["y"])
expr = compile("a * 2 + 1", "expr.py", "eval")
print(eval(expr, {"a": 20}), eval(expr, {"a": 1}), expr.co_filename)
print(exec(compile("1 + 1", "s", "eval")) is None)
single = compile("z = 5", "<single>", "single")
g = {}
exec(single, g)
print(g["z"])
print(eval(compile(b"'from bytes'", "b", "eval")), eval(compile(bytearray(b"3 ** 2"), "ba", "eval")))
exec(compile(memoryview(b"print('from a view')"), "mv", "exec"))
print(eval(bytearray(b"1 + 2")), eval(memoryview(b"[4] * 2")))
exec(bytearray(b"print('exec of a bytearray')"))
try:
    compile(code, "other", "exec")
except TypeError as e:
    print("TypeError", e)
print(eval(compile("x", "", "eval", 0, False, -1), {"x": "flags accepted"}))
f = compile("def f(n):\n    return n * 3\n", "<defs>", "exec")
d = {}
exec(f, d)
print(d["f"](5), d["f"].__code__.co_filename)

try:
    compile("x = (", "broken.py", "exec")
except SyntaxError as e:
    print("SyntaxError", e.filename, e.lineno)
for args in [("1", "f", "bogus"), (1, "f", "exec"), ("1", "f"), ("1", 2, "exec"), ("x = 1", "f", "eval")]:
    try:
        compile(*args)
        print("compiled", args)
    except (TypeError, ValueError, SyntaxError) as e:
        print(type(e).__name__)
compile("1 +", "<input>", "eval")
