# check: traceback
def parse(items):
    return list(map(lambda s: int(s) * 2, items))
print(parse(["1", "2"]))
print(parse(["3", "x"]))
