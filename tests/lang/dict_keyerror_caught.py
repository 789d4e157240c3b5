d = {"a": 1}
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    del d["nope"]
except KeyError as e:
    print("caught", e)
