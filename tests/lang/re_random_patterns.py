# Random patterns from a small alphabet: compile errors (message and position), search spans,
# findall and split must all be CPython's.
import re, random
random.seed(11)
alphabet = list('ab()[]{}*+?|^$.\\-,:=!<>Sdwb0123 ') + ['(?', '(?P<n>', '(?P=n)', '(?:', '(?=', '(?<=', '(?!', '(?<!', '\\1', '{2,3}', '[^', '*?', '(?i)']
texts = ['', 'a', 'ab', 'aab-b', 'ba:AB 01\n', 'abba' * 3]
for i in range(600):
    p = ''.join(random.choice(alphabet) for _ in range(random.randint(1, 9)))
    try:
        c = re.compile(p)
    except re.error as e:
        print(i, repr(p), 'error', e)
        continue
    except Exception as e:
        print(i, repr(p), 'EXC', type(e).__name__)
        continue
    out = []
    for t in texts:
        m = c.search(t)
        out.append((m.span() if m else None, c.findall(t), c.split(t)))
    print(i, repr(p), out)
