# tests/bad/gen_hostile.py — writes the big hostile inputs into the directory given as argv[1]
# (build/tests/bad/, called by tests/runner.py bad). Generated rather than committed because
# they are large: 10,000-deep nesting of every kind, huge literals, very long lines.
# Each file's first line is an `# expect:` comment naming the accepted outcomes.
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "build/tests/bad"
os.makedirs(out, exist_ok=True)
N = 10000


def w(name, expect, body):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(f"# expect: {expect}\n{body}\n")


# Deep nesting: an interpreter may parse it (ok) or refuse it with a Python exception; never crash.
DEEP = "ok SyntaxError RecursionError MemoryError IndentationError"
w("deep_parens.py", DEEP, "x = " + "(" * N + "1" + ")" * N + "\nprint(x)")
w("deep_lists.py", DEEP, "x = " + "[" * N + "]" * N + "\nprint(len(x))")
w("deep_dicts.py", DEEP, "x = " + "{1: " * N + "1" + "}" * N + "\nprint(len(x))")
w("deep_tuples.py", DEEP, "x = " + "(1, " * N + ")" * N + "\nprint(len(x))")
w("deep_calls.py", DEEP, "def f(x):\n    return x\nprint(" + "f(" * N + "1" + ")" * N + ")")
w("deep_unary_minus.py", DEEP, "x = " + "-" * N + "1\nprint(x)")
w("deep_not.py", DEEP, "x = " + "not " * N + "True\nprint(x)")
w("deep_attr_chain.py", DEEP + " AttributeError",
  "class O:\n    pass\no = O()\no.a = o\nprint(o" + ".a" * N + " is o)")
w("deep_subscript.py", DEEP, "x = [0]\nx[0] = x\nprint(x" + "[0]" * N + " is x)")
w("deep_binop_chain.py", DEEP, "x = " + " + ".join(["1"] * (N * 10)) + "\nprint(x)")
w("deep_power_chain.py", DEEP, "x = " + "1 ** " * N + "1\nprint(x)")
w("deep_lambda.py", DEEP, "f = " + "lambda: " * N + "1\nprint(callable(f))")
w("deep_if_blocks.py", DEEP + " ok",
  "".join(" " * i + "if True:\n" for i in range(N)) + " " * N + "print('deep')")
w("deep_func_defs.py", DEEP,
  "".join(" " * i + f"def f{i}():\n" for i in range(N)) + " " * N + "pass\nprint('defined')")
w("deep_fstring.py", DEEP, "x = " + "f'{" * 50 + "1" + "}'" * 50 + "\nprint(x)")
w("deep_genexpr.py", DEEP, "x = " + "sum(" * N + "[1]" + ")" * N + "\nprint(x)")
w("deep_brackets_unclosed.py", "SyntaxError RecursionError MemoryError", "x = " + "([{" * N)
w("deep_comprehension.py", DEEP,
  "x = " + "[" * 200 + "1" + " for _ in [0]]" * 200 + "\nprint(x)")

# Runtime recursion at depth that overflows a C stack if the VM recurses in C per call.
w("deep_runtime_repr.py", "RecursionError ok",
  "x = []\nfor i in range(" + str(N * 10) + "):\n    x = [x]\nprint(len(repr(x)))")
w("deep_runtime_eq.py", "RecursionError ok",
  "a = []\nb = []\nfor i in range(" + str(N * 10) + "):\n    a = [a]\n    b = [b]\nprint(a == b)")
w("deep_runtime_del.py", "ok MemoryError",
  "x = None\nfor i in range(" + str(N * 100) + "):\n    x = [x]\ndel x\nprint('freed')")
w("deep_runtime_dict_del.py", "ok MemoryError",
  "d = {}\nfor i in range(" + str(N * 100) + "):\n    d = {'k': d}\nd = None\nprint('freed')")

# Huge literals.
w("huge_int_literal.py", "ok SyntaxError ValueError MemoryError",
  "x = " + "7" * 100000 + "\nprint(x % 1000)")
w("huge_int_literal_print.py", "ok SyntaxError ValueError MemoryError",
  "x = " + "9" * 100000 + "\nprint(x)")
w("huge_float_literal.py", "ok SyntaxError", "x = 1" + "0" * 5000 + ".0\nprint(x)")
w("huge_hex_literal.py", "ok SyntaxError ValueError MemoryError",
  "x = 0x" + "f" * 100000 + "\nprint(x.bit_length())")
w("huge_str_literal.py", "ok MemoryError",
  "s = '" + "abc" * 1000000 + "'\nprint(len(s))")
w("huge_many_lines.py", "ok MemoryError",
  "".join(f"v{i} = {i}\n" for i in range(200000)) + "print(v199999)")
w("huge_long_line.py", "ok MemoryError SyntaxError RecursionError", "x = 1" + " + 1" * 200000 + "\nprint(x)")
w("huge_many_args.py", "ok MemoryError SyntaxError",
  "def f(*a):\n    return len(a)\nprint(f(" + ", ".join(["1"] * 100000) + "))")
w("huge_many_locals.py", "ok MemoryError SyntaxError",
  "def f():\n" + "".join(f"    v{i} = {i}\n" for i in range(70000)) + "    return v69999\nprint(f())")
w("huge_many_consts.py", "ok MemoryError SyntaxError",
  "x = [" + ", ".join(f"{i}.5" for i in range(100000)) + "]\nprint(len(x))")
w("huge_identifier.py", "ok MemoryError SyntaxError", "a" * 100000 + " = 1\nprint('ok')")
w("huge_string_escape_run.py", "ok MemoryError", "s = '" + "\\x41" * 200000 + "'\nprint(len(s))")
w("huge_unterminated_long_string.py", "SyntaxError MemoryError", "s = '" + "z" * 1000000)
print(f"gen_hostile: wrote {len(os.listdir(out))} files into {out}")
