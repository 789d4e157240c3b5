import re
tests = [
    (r'a+', 'caaat'), (r'(a)(b)?', 'ac'), (r'(?P<x>\d+)-(?P<y>\d+)', 'tel 12-345'),
    (r'^\w+$', 'hello'), (r'colou?r', 'my color'), (r'a.c', 'a\nc abc'), (r'(?s)a.c', 'a\nc'),
    (r'\bfoo\b', 'a foo b'), (r'[^a-c]+', 'abcdef'), (r'(a|ab)(c|bcd)(d*)', 'abcd'),
    (r'x*', 'xxy'), (r'(?i)HeLLo', 'say hello'), (r'a{2,3}', 'aaaa'), (r'a{2,3}?', 'aaaa'),
    (r'<.*?>', '<a><b>'), (r'<.*>', '<a><b>'), (r'(\w+)\s\1', 'hello hello world'),
    (r'(?<=\$)\d+', 'cost $42'), (r'(?<!\$)\b\d+', 'cost $42 or 17'), (r'\d+(?=px)', '12em 34px'),
    (r'\d+(?!px)', '34px'), (r'(?:ab)+', 'ababab'), (r'(ab)+', 'ababab'), (r'[\d.]+', 'v1.25b'),
    (r'\s+', 'a \t\n b'), (r'[a-z]+@[a-z]+\.com', 'mail bob@example.com now'), (r'(a*)*b', 'aab'),
    (r'(a*)+$', 'aaa'), (r'(?m)^\w', 'ab\ncd'), (r'\w$', 'ab\ncd\n'), (r'(?m)\w$', 'ab\ncd'),
    (r'\Aab', 'ab'), (r'ab\Z', 'ab\n'), (r'(?x) a b  # comment', 'ab'), (r'[]a]', ']'),
    (r'[a\-z]', '-'), (r'\x41\u00e9', 'Aé'), (r'(?>a+)b', 'aaab'), (r'a++b', 'aab'),
    (r'(a)?(?(1)b|c)', 'c'), (r'(?i)[a-z]+', 'ABC'), (r'é+', 'ééé'), (r'\w+', 'naïve café'),
    (r'(?P<a>a)(?P=a)', 'aa'), (r'', 'abc'), (r'$', 'abc'), (r'a|', 'b'),
]
for p, s in tests:
    m = re.search(p, s)
    print(repr(p), m, m.groups() if m else None, m.groupdict() if m else None, m.lastindex if m else None)
print(re.findall(r'\d+', 'a1b22c333'), re.findall(r'(\w)(\d)', 'a1 b2'), re.findall(r'(\w)=', 'a= b='))
print(re.findall(r'x*', 'axxb'), re.findall(r'\b', 'ab cd'), re.findall('', 'abc'))
print(re.sub(r'\d', '#', 'a1b22'), re.sub(r'(\w+) (\w+)', r'\2 \1', 'hello world'), re.subn('a', 'b', 'aaa', 2))
print(re.sub(r'x*', '-', 'abxd'), re.sub(r'(?P<w>\w+)', r'<\g<w>>', 'hi there'), re.sub('a', lambda m: m.group().upper(), 'banana'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'), re.sub('a', r'\n', 'xax') == 'x\nx')
print(re.split(r'\W+', 'Words, words, words.'), re.split(r'(\W+)', 'Words, words, words.'), re.split(r'\W+', 'Words, words, words.', 1))
print(re.split(r'x*', 'axbc'), re.split(r'(a)|b', 'xaybz'), re.split(',', 'a,b,,c'))
print([m.span() for m in re.finditer(r'\w+', 'ab cd  ef')], [m.group(1) for m in re.finditer(r'(\d)', 'a1b2')])
p = re.compile(r'(?P<first>\w+) (?P<last>\w+)', re.I)
m = p.match('Jane Doe x')
print(p, p.groups, p.groupindex, p.flags, m, m.group(0, 1, 2), m['first'], m.start(2), m.end(), m.span('last'), m.expand(r'\2, \1'))
print(re.compile('a', re.M | re.S), re.compile(b'a+'), re.compile(b'[a-z]+').findall(b'ab12cd'))
print(re.fullmatch(r'\d+', '123'), re.fullmatch(r'\d+', '123a'), re.match('b', 'ab'), re.compile('b').match('ab', 1))
print(re.escape('a.b*c (1+1)'), re.escape(b'a.b'), re.compile(r'\d').search('ab12', 0, 3))
print(re.match(r'(a)(b)(c)', 'abc').regs, re.match(r'(?:(a)|b)+', 'ab').groups(), re.match(r'(a)|(b)', 'b').lastindex)
print(re.match(r'((a)b)', 'ab').lastindex, re.match(r'(?P<x>a)(?P<y>b)', 'ab').lastgroup)
for bad in ['(', ')', 'a**', '*', '[a', '\\q', '(?P<1>a)', '(?P=n)', r'(?<=a+)b', 'a{3,2}', r'\3(a)', '(?z)', 'x(?i)y', '[z-a]', '(?P<a>x)(?P<a>y)', '(a\n(b', '\\', r'\x4', '(?<x>a)']:
    try:
        re.compile(bad)
        print('ok', bad)
    except re.error as e:
        print('error', repr(bad), '|', e, '|', e.msg, e.pos, e.lineno, e.colno)
for bad in [lambda: re.sub('(a)', r'\2', 'a'), lambda: re.sub('a', r'\q', 'a'), lambda: re.match('a', b'a'), lambda: re.match(b'a', 'a'), lambda: re.match('(a)', 'a').group(3), lambda: re.sub('(?P<a>x)', r'\g<b>', 'x')]:
    try: print(bad())
    except (re.error, TypeError, IndexError) as e: print(type(e).__name__, e)
