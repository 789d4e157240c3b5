# expect: SyntaxError
s = "\N{NO SUCH CHARACTER NAME}"
