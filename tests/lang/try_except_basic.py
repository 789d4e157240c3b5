def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError:
        print("div by zero")
        return None
    else:
        print("ok")
        return r
    finally:
        print("finally")
print(div(1, 2))
print(div(1, 0))
try:
    int("x")
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
try:
    [][0]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
