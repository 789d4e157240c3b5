# CPython 3.11 refuses a backslash anywhere in an f-string expression, inside its string literals
# too; a # inside them is fine.
try:
    exec(compile("f\x27{bytearray(b\"a\\\x27\")!r}\x27", "<s>", "eval"))
except SyntaxError as e:
    print(e.msg)
x = "q"
print(f"{x!r}", f"{'#'}", f"{'a' + 'b'}")
