# expect: IndentationError SyntaxError
class C:
