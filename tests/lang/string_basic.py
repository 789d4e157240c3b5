# string: constants, capwords, Template (substitute, safe_substitute, $$, ${}, errors with
# line/col), Formatter
import string
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, len(string.printable), repr(string.printable[-6:]))
print(string.capwords('hello   wORLD  foo'), string.capwords('a-b-c', '-'), repr(string.capwords('')))
T = string.Template
t = T('$who likes ${what}; costs $$5 $who')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'x', 'what': 'y'}, what='kw'))
print(t.template, t.get_identifiers(), t.is_valid())
print(T('$a and $b').safe_substitute(a=1), T('bad $ sign').safe_substitute(), T('${a}b').substitute(a='A'))
print(T('$x$y').substitute(x=1, y=2.5), T('no placeholders').substitute(), T('$_a1 $a_b').substitute(_a1=1, a_b=2))
try:
    T('$who and $missing').substitute(who='me')
except KeyError as e:
    print('KeyError', e)
for s in ('bad $', 'x\ny $1', '${a', '$', 'ok\n\n  $@'):
    try:
        T(s).substitute(a=1)
    except ValueError as e:
        print('ValueError', e)
print(T('${a').is_valid(), T('$$').substitute())
class Percent(T):
    delimiter = '%'
print(Percent('%name is %% done').substitute(name='job'))
f = string.Formatter()
print(f.format('{} + {} = {}', 1, 2, 3), f.format('{0}{1}{0}', 'ab', 'cd'), f.format('{name:>6}|{x:.2f}', name='n', x=3.14159))
print(f.format('{0[1]} {p.real} {d[k]}', [5, 6], p=3, d={'k': 'v'}), f.format('{!r} {!s}', 'a', 'b'), f.format('{{}} {:{w}}|', 'z', w=4))
print(list(f.parse('a{0!r:>3}b{}c')))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()
print(Upper().format('{} and {}', 'x', 'y'))
for bad in ('{', '}', '{0} {}'):
    try:
        f.format(bad, 1, 2)
    except ValueError as e:
        print('ValueError', e)
