try:
    print("body")
    raise KeyError("k")
finally:
    print("finally printed before traceback")
