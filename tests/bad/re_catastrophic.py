# expect: RuntimeError
# Catastrophic regular expressions: without backreferences the failure memo makes them finish
# (CPython's own matcher would run for years); with one, the step budget ends the match in
# RuntimeError. Deep nesting is a re.error, never a C-stack overflow.
import re
print(re.search('(a+)+b', 'a' * 5000 + 'c'))
print(re.match('(x+x+)+y', 'x' * 3000))
print(re.match(r'(a*)*$', 'a' * 5000 + 'b'))
print(re.match('(.*a){20}', 'a' * 1000 + 'b') is not None)
try:
    re.compile('(' * 100000 + ')' * 100000)
except re.error as e:
    print('re.error', e)
print(re.match('(' * 150 + 'a' + ')' * 150, 'a').span())
re.match(r'(a+)+\1b', 'a' * 40 + 'c')
