def tokens(text):
    num = ""
    for ch in text + " ":
        if ch.isdigit():
            num += ch
        else:
            if num:
                yield ("NUM", int(num))
                num = ""
            if ch in "+-*/()":
                yield ("OP", ch)
print(list(tokens("12+3*(45-6)")))
def evaluate(text):
    toks = list(tokens(text))
    pos = 0
    def peek():
        return toks[pos] if pos < len(toks) else (None, None)
    def expr():
        nonlocal pos
        v = term()
        while peek()[1] in ("+", "-"):
            op = toks[pos][1]; pos += 1
            v = v + term() if op == "+" else v - term()
        return v
    def term():
        nonlocal pos
        v = atom()
        while peek()[1] in ("*", "/"):
            op = toks[pos][1]; pos += 1
            v = v * atom() if op == "*" else v // atom()
        return v
    def atom():
        nonlocal pos
        kind, val = toks[pos]; pos += 1
        if val == "(":
            v = expr(); pos += 1
            return v
        return val
    return expr()
print(evaluate("12+3*(45-6)"), evaluate("2*3+4"), evaluate("100/7/2"))
