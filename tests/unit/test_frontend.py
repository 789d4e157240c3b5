#!/usr/bin/python3
"""tests/unit/test_frontend.py — checks of the compiler (lexer, parser, compiler, disassembler), stdlib only.

    /usr/bin/python3 tests/unit/test_frontend.py [--tollpy build/host/tollpy]

1. Syntax errors: each snippet below runs under tollpy and under /usr/bin/python3 (CPython 3.11);
   the last stderr line (`SyntaxError: message`) and the reported line number must match.
2. The disassembler: `x = x + 1` in a function shows four instructions (LOAD_FAST, LOAD_CONST,
   BINARY_ADD, STORE_FAST; a thread switch can fall between any two), and a countdown loop has
   exactly one backward jump (the eval-breaker check point).
Exit status 1 on any failure.
"""
import argparse, os, re, subprocess, sys, tempfile

CASES = [
 "x = (",
 "x = )",
 "x = (]",
 "if x:\npass",
 "  x=1",
 "if x:\n    a\n  b",
 "\"abc",
 "'''abc",
 "x = 1abc",
 "x = 012",
 "x = 1 +",
 "def f(:",
 "f() = 1",
 "1 = x",
 "del 1",
 "for 1 in x: pass",
 "1 += 1",
 "return 1",
 "break",
 "x = $",
 "if x\n  pass",
 "print \"hi\"",
 "x = [1, 2 3]",
 "a b",
 "class A\n pass",
 "f(**a, *b)",
 "f(a=1, b)",
 "x = 0x",
 "x = 1_",
 "x=1e",
 "if True:\n\tx=1\n        y=2",
 "nonlocal x",
 "def f():\n  global x\n  x=1\n  global x",
 "def f(a, a): pass",
 "def f(a=1, b): pass",
 "f(x for x in y, 1)",
 "a, *b, *c = d",
 "*a = b",
 "continue",
 "def f():\n  x = 1\n  global x",
 "try:\n  pass\n",
 "x = yield",
 "else",
 "elif",
 "x = {1: 2, 3}",
 "f\"{}\"",
 "f\"{x!z}\"",
 "f\"{\"",
 "f\"}\"",
 "\"\\x4\"",
 "def f():\n    nonlocal y",
 "class C:\n  return 1",
 "x = [i for i in range(3) if]",
 "lambda x=1, y: x",
 "import",
 "from x import",
 "x.1",
 "f(a for a in b for)",
 "(a, b) += 1",
 "None = 1",
 "True = 1",
 "x = 5 if 3",
 "x = not",
 "a = b = ",
 "def f(*): pass",
 "def f(**k, a): pass",
 "with a as 1: pass",
 "x = 0b2",
 "x = 0o8",
 "x = 1.2.3",
 "for x in range(3):\nprint(x)",
 "while True\n  pass",
 "def f()\n  pass",
 "x = \"a\" \"b",
 "x = [1,\n2,\n",
 "foo(",
 "x = {",
 "if 1:\n  x\n else:\n  y",
 "x == 1 = 2",
 "f(x=1, x=2)",
 "del f()",
 "del (a, 1)",
 "x = a.",
 "import a.",
 "assert",
 "raise from x",
 "try:\n  x\nexcept:\n  y\nexcept ValueError:\n  z",
 "x = (yield)",
 "a[1:2:3:4]",
 "@\ndef f(): pass",
 "def f(x):\n  return\n    1",
 "class",
 "x = 1 if 2 else",
 "x = [*a for a in b]",
 "print(*)",
 "f(**)",
 "x = ~",
 "x += yield",
 "(x) = 1",
 "[a, b] = 1, 2",
 "x: int = 1",
 "x.y: int",
 "a, b: int",
 "`x`",
 "x = 1\n\n  y = 2",
 "def f(a, /, b, *, c): pass",
 "def f(/, a): pass",
 "f(*a, **b, c)",
 "x = 09",
 "x = 00",
 "x = 1__0",
 "x = 1e+",
 "x = b'\\xff' + '\u00e9'",
 "b'\u00e9'",
 "x = rb\"\\d\"",
 "u'x' b'y'",
 "x = \"\\N{DASH}\"",
 "global x\nx = 1\nglobal x"
]


def last_line(s):
    lines = [l for l in s.strip().splitlines() if l.strip()]
    return lines[-1] if lines else ''


def lineno(s):
    m = re.findall(r'line (\d+)', s)
    return m[-1] if m else None


def run(cmd, path):
    return subprocess.run(cmd + [path], capture_output=True, text=True, timeout=60)   # hang guard


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--tollpy', default='build/host/tollpy')
    args = ap.parse_args()
    tollpy = [os.path.abspath(args.tollpy)]
    bad = 0
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, 'case.py')
        for c in CASES:
            with open(path, 'w') as f:
                f.write(c)
            a, b = run(tollpy, path), run(['/usr/bin/python3'], path)
            if last_line(a.stderr) != last_line(b.stderr) or lineno(a.stderr) != lineno(b.stderr):
                bad += 1
                print('FAIL %r\n   tollpy: %s (line %s)\n   python: %s (line %s)' % (
                    c, last_line(a.stderr), lineno(a.stderr), last_line(b.stderr), lineno(b.stderr)))
        with open(path, 'w') as f:
            f.write('def f(x):\n    x = x + 1\n    return x\n'
                    'def countdown(n):\n    while n > 0:\n        n -= 1\n')
        out = run(tollpy + ['--dis'], path).stdout
        ops = re.findall(r'\b([A-Z_]{3,})\b', out)
        want = ['LOAD_FAST', 'LOAD_CONST', 'BINARY_ADD', 'STORE_FAST']
        if not any(ops[i:i + 4] == want for i in range(len(ops))):
            bad += 1
            print('FAIL dis: no LOAD_FAST/LOAD_CONST/BINARY_ADD/STORE_FAST sequence\n' + out)
        if len(re.findall(r'JUMP_BACKWARD|POP_JUMP_BACKWARD', out)) != 1:
            bad += 1
            print('FAIL dis: expected exactly one backward jump\n' + out)
    print('[frontend] %d of %d checks failed' % (bad, len(CASES) + 2))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
