data = {"users": [{"name": "a", "tags": ["x", "y"]}, {"name": "b", "tags": []}], "count": 2}
def walk(o, depth=0):
    pad = "  " * depth
    if isinstance(o, dict):
        for k in o:
            print(f"{pad}{k}:")
            walk(o[k], depth + 1)
    elif isinstance(o, list):
        for i, v in enumerate(o):
            print(f"{pad}[{i}]")
            walk(v, depth + 1)
    else:
        print(f"{pad}{o!r}")
walk(data)
