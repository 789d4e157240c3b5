# expect: RecursionError SyntaxError IndentationError MemoryError
# Deeply nested statements (if blocks), as source text.
N = 3000
src = "".join(" " * i + "if 1:\n" for i in range(N)) + " " * N + "pass\n"
try:
    exec(src)
    print("ran")
except (RecursionError, SyntaxError, MemoryError) as e:
    print(type(e).__name__)
src = "".join(" " * i + "def f():\n" for i in range(N)) + " " * N + "pass\n"
exec(src)
