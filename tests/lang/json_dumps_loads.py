import json
print(json.loads('"\\ud83d\\u12"') if False else '')
for s in ['"\\ud83d\\u12zz"', '"\\ud83d\\ude0"', '"\\ud83dx"', '"\\udc00"', '"\\u00e9\\n"']:
    try: print(ascii(json.loads(s)))
    except ValueError as e: print(e)
data = {"name": "Ada", "tags": ["x", "y"], "n": 3, "f": 1.5, "none": None, "t": True, "nested": {"b": [], "a": {}}, "é": "ünï 😀\x7f\x01"}
print(json.dumps(data))
print(json.dumps(data, ensure_ascii=False))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps(data, indent="\t"))
print(json.dumps(data, indent=0))
print(json.dumps([1, [2, [3]]], separators=(',', ':')))
print(json.dumps({1: 2, 2.5: 3, True: 4, None: 5, False: 6}))
print(json.dumps((1, 2)), json.dumps("x"), json.dumps(None), json.dumps(1e100), json.dumps(float('nan')), json.dumps(-float('inf')))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent=4, separators=(', ', ': ')))
print(json.dumps(set([1]), default=list))
class P:
    def __init__(s): s.x = 1
print(json.dumps(P(), default=lambda o: o.__dict__))
for bad in [lambda: json.dumps({(1,2): 3}), lambda: json.dumps(P()), lambda: json.dumps(float('inf'), allow_nan=False)]:
    try: bad()
    except (TypeError, ValueError) as e: print(type(e).__name__, e)
l = []; l.append(l)
try: json.dumps(l)
except ValueError as e: print(e)
d = {}; d['a'] = d
try: json.dumps(d)
except ValueError as e: print(e)
print(json.dumps({(1,2): 3, 'a': 1}, skipkeys=True))
print(json.loads('{"a": 1.25, "b": [1, 2]}', parse_float=str, parse_int=lambda x: int(x) * 10))
print(json.loads('{"a": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p))
print(json.loads('{"x": {"y": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads(json.dumps(data)) == data)
print(json.JSONEncoder(indent=1).encode([1]), json.JSONDecoder().decode('[2]'))
print(json.JSONDecoder().raw_decode('[1] tail'))
e = json.JSONDecodeError('m', 'ab\ncd', 4); print(e, e.args, isinstance(e, ValueError))
print(json.dumps([1.0, -0.0, 0.1, 1e-7, 123456789012345678901234567890]))
