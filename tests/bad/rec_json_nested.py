# expect: RecursionError
# json nested 100,000 deep, both ways: each raises RecursionError (CPython's too), never a crash.
import json
try:
    json.loads("[" * 100000 + "]" * 100000)
except RecursionError:
    print("loads: RecursionError")
x = []
for i in range(100000):
    x = [x]
json.dumps(x)
