# expect: RecursionError SyntaxError MemoryError
# The parser and the compiler on deeply nested source.
N = 100000
srcs = {
    "parens": "(" * N + "1" + ")" * N,
    "lists": "[" * N + "]" * N,
    "unary": "-" * N + "1",
    "not": "not " * N + "1",
    "binop chain": "+".join(["1"] * N),
    "power chain": "**".join(["1"] * N),
    "calls": "f(" * N + ")" * N,
    "subscripts": "a" + "[0]" * N,
    "attributes": "a" + ".b" * N,
    "lambdas": "lambda: " * N + "1",
    "ternary": "1 if 1 else " * N + "1",
    "dicts": "{1:" * N + "1" + "}" * N,
}
for name, src in srcs.items():
    try:
        exec("def _f():\n    return " + src)
        print(name, "compiled")
    except (RecursionError, SyntaxError, MemoryError) as e:
        print(name, type(e).__name__)
exec("(" * N + ")" * N)
