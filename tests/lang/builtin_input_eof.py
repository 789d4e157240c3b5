try:
    line = input()
    print("read", repr(line))
except EOFError as e:
    print("EOFError", repr(str(e)))
