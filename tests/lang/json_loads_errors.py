import json, sys
for s in ['[1,2', '{"a" 1}', '{"a":1,}', '[1,]', '"abc', '"a\\qb"', '"\\u12"', '[1] x', '', '{1:2}', 'nul', '"a\nb"', '[1 2]', '{"a":1 "b":2}', '\ufeff[]', '-', '01', '1.', '1e', '[-Infinity, NaN]', '{"a":{"b":[1,2,{"c":null}]}}', '  "x"  ', '"\\ud83d\\ude00"', '1.5e3', '-0', '"\\/"', 'true false', '[\n1,\n2,\n}']:
    try:
        print(repr(s), '->', repr(json.loads(s)))
    except json.JSONDecodeError as e:
        print(repr(s), 'ERR', e, e.msg, e.pos, e.lineno, e.colno)
try:
    json.loads(5)
except TypeError as e: print(e)
print(json.loads(b'[1,"\xc3\xa9"]'))
