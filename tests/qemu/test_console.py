"""The Python console: line editing and bad input never overflow or hang; the shell's commands
answer through kernel.shell()."""
import time


def test_help_unknown_and_editing(guest):
    g = guest(cpus=2)
    g.boot()
    out = g.sh("help")
    for c in ("cores off N", "threads", "selftest", "fault [KIND]", "off                power off"):
        assert c in out, out
    out = g.sh("frobnicate now")
    assert "unknown command 'frobnicate'" in out
    # backspace: "prinx<BS>t" is "print"
    out = g.cmd("prinx\x7ft('edited')")
    assert "edited" in out and "Error" not in out, out
    # Ctrl-U kills the line, then a real statement
    # (a redraw repeats the prompt: wait for the output itself)
    g.child.send("garbage\x15print('cl' + 'ean')\r")
    out = g.expect_exact("clean")
    assert "NameError" not in out, out
    g.expect_exact(">>> ")
    # left arrow + insert: three lefts from the end of print('a' + 'c'), then b: 'bc'
    g.child.send("print('a' + 'c')\x1b[D\x1b[D\x1b[Db\r")
    g.expect_exact("abc")
    g.expect_exact(">>> ")
    # Ctrl-C abandons the line
    g.child.send("print('abandoned')\x03")
    g.expect_exact(">>> ")
    out = g.cmd("print('alive')")
    assert "alive" in out and "abandoned\r" not in out


def test_overlong_line(guest):
    g = guest(cpus=2)
    g.boot()
    g.child.send("x" * 5000)
    out = g.cmd("")
    assert "line too long" in out
    out = g.cmd("print('still here')")
    assert "still here" in out


def test_binary_junk(guest):
    g = guest(cpus=2)
    g.boot()
    junk = "".join(chr(c) for c in list(range(0, 32)) if c not in (1, 2, 3, 4, 5, 10, 13, 21, 27, 8, 9, 11))
    g.child.send(junk)
    out = g.cmd("")
    # arrow keys and other escapes are handled, not inserted
    out = g.cmd("print('ok')\x1b[B")
    assert "ok" in out
    out = g.cmd("print('fine')")
    assert "fine" in out


def test_cores_off_on(guest):
    g = guest(cpus=4)
    g.boot()
    out = g.sh("cores off 3")
    assert "3/4 cores online" in out
    out = g.sh("cores")
    assert "core 3: offline" in out
    out = g.sh("cores off 0")
    assert "cannot be taken offline" in out
    out = g.sh("cores on 3")
    assert "4/4 cores online" in out
    out = g.cmd("kernel.cores(1)")
    assert "1" in out
    out = g.cmd("kernel.cores(4)")
    assert "4" in out


def test_ctrl_c_interrupts_sleep(guest):
    g = guest(cpus=2)
    g.boot()
    g.cmd("import time")
    g.child.send("time.sleep(60)\r")
    g.expect_exact("time.sleep(60)")
    time.sleep(0.5)
    g.child.send("\x03")
    g.expect_exact("KeyboardInterrupt", timeout=10)
    g.expect_exact(">>> ")
    out = g.cmd("print('back')")
    assert "back" in out


def test_trace_shows_scheduler_events(guest):
    g = guest(cpus=2)
    g.boot()
    g.sh("selftest preempt", timeout=60)
    out = g.sh("trace 2000")
    assert "switch" in out and "preempt" in out, out


def test_editing_is_by_character(guest):
    """The line is UTF-8: Backspace, Delete, Left/Right act on characters, never on bytes, and
    the cursor moves by display width (a CJK character is two columns, a combining mark none)."""
    g = guest(cpus=2)
    g.boot()
    # "é" is two bytes: one Backspace removes it whole
    out = g.cmd('u = "\u00e9\x7fe"')
    assert "Error" not in out, out
    assert "True" in g.cmd('u == "e"')
    # Left over a wide character and Backspace: "a中b" -> Left x2 (over " and b), BS removes 中
    out = g.cmd('w = "a\u4e2db"\x1b[D\x1b[D\x7f')
    assert "Error" not in out, out
    assert "True" in g.cmd('w == "ab"')
    # Delete removes one character: "xé", Left x2, Delete
    out = g.cmd('d = "x\u00e9"\x1b[D\x1b[D\x1b[3~')
    assert "Error" not in out, out
    assert "True" in g.cmd('d == "x"')
    # a base letter and its combining mark are stepped over together
    out = g.cmd('c = "e\u0301x"\x1b[D\x1b[D\x1b[Dy')
    assert "Error" not in out, out
    assert "True" in g.cmd('c == "ye\u0301x"')
    # the screen: Left over 中 moves two columns; an insertion before it redraws from the line's
    # start (5 columns back) and puts the cursor back before 中" (3 columns, 4 bytes)
    g.child.send('m = "\u4e2d"\x1b[D\x1b[D')
    g.expect_exact("\x1b[2D")
    g.child.send("x\r")
    out = g.expect_exact(">>> ")
    assert '\x1b[5Dm = "x\u4e2d"\x1b[K\x1b[3D' in out, repr(out)
    assert "True" in g.cmd('m == "x\u4e2d"')


def test_input_uses_the_line_editor(guest):
    g = guest(cpus=2)
    g.boot()
    g.child.send('x = input("abc: ")\r')
    g.expect_exact("abc: ")
    g.child.send("hello wrld")
    g.expect_exact("hello wrld")            # echoed as typed
    g.child.send("\x1b[D\x1b[D\x1b[Do\r")
    out = g.expect_exact(">>> ").replace("\r\n", "\n")
    assert out.endswith("\n"), repr(out)    # Enter ends the line: the prompt starts a new one
    assert "'hello world'" in g.cmd("x")
    # Backspace over a two-byte character, as at the prompt
    g.child.send("y = input()\r")
    g.child.send("caf\u00e9\x7fe\r")
    g.expect_exact(">>> ")
    assert "True" in g.cmd("y == 'cafe'")
    # Ctrl-D on an empty line: EOFError; Ctrl-C: KeyboardInterrupt
    g.child.send("input('eof? ')\r")
    g.expect_exact("eof? ")
    g.child.send("\x04")
    out = g.expect_exact(">>> ")
    assert "EOFError" in out, out
    g.child.send("input('intr? ')\r")
    g.expect_exact("intr? ")
    g.child.send("abc\x03")
    out = g.expect_exact(">>> ")
    assert "KeyboardInterrupt" in out, out
    assert "alive" in g.cmd("print('alive')")


def test_first_screen_is_true(guest):
    """What the banner and help() tell a student to type works as typed, in a fresh console
    (nothing imported beforehand): help(), the modules it names, its "Start here" lines."""
    import re
    from conftest import banner, PROMPT
    g = guest(cpus=2)
    g.expect_exact(banner(2))
    first = g.expect_exact(PROMPT)
    assert "help()" in first, first
    for call in re.findall(r'"([^"]*\))"', first):       # what the banner quotes, e.g. demos.list()
        out = g.cmd(call)
        assert "Error" not in out, (call, out)
    out = g.cmd("help()").replace("\r", "")
    assert "demos" in out and "kernel.timeline()" in out and "Ctrl-C" in out, out
    assert "Error" not in out, out
    # every module the guide names imports
    mods = re.search(r"Modules:.*?\n\n", out, re.S).group(0)
    names = set(re.findall(r"^  (\w+) ", mods, re.M))
    names |= set(re.search(r"also:([^\n]*(?:\n {10}[^\n]*)*)", mods).group(1).split())
    assert {"demos", "kernel", "sys", "threading", "time"} <= names, names
    for name in sorted(names):
        r = g.cmd("import %s" % name)
        assert "Error" not in r, (name, r)
    # the "Start here" lines run as typed (in a fresh console: soft reset first)
    start = re.findall(r"^    (\S.*)$", out.split("Start here")[1].split("\n\n")[0], re.M)
    assert start
    g.child.send("\x04")
    g.expect_exact("soft reboot")
    g.expect_exact(PROMPT)
    for line in start:
        r = g.cmd(line, timeout=120)
        assert "Error" not in r, (line, r)
    assert "timeline:" in r
    # help(obj): the interpreter's (interp/lib/pydoc.py): the signature, then the docstring
    g.child.send('def f(n, sleepy=True):\r    "Counts the sheep."\r\r')
    g.expect_exact(PROMPT)
    out = g.cmd("help(f)").replace("\r", "")
    assert "f(n, sleepy=True)\n    Counts the sheep." in out, out
    out = g.cmd("help(help)")
    assert "Error" not in out, out
    # still there after a soft reset (a new interpreter)
    g.child.send("\x04")
    g.expect_exact("soft reboot")
    g.expect_exact(PROMPT)
    assert "Start here" in g.cmd("help()")
def test_auto_indent(guest):
    """A "... " line starts with the previous line's indentation, 4 spaces more after a ':'
    (MicroPython's REPL does the same); Enter on a line of only that indentation ends the block;
    Backspace takes the indentation back; a pasted line with its own indentation keeps only its own."""
    g = guest(cpus=1)
    g.boot()
    c = g.child
    c.send("for i in range(2):\r")
    c.expect_exact("...     ")
    c.send("print('row', i)\r")
    c.expect_exact("...     ")
    c.send("\r")
    c.expect_exact("row 0")
    c.expect_exact("row 1")
    c.expect_exact(">>> ")
    # nested: 8 spaces after the second ':'; Backspace x4 dedents to the `if`'s level
    c.send("def f(n):\r")
    c.expect_exact("...     ")
    c.send("if n:\r")
    c.expect_exact("...         ")
    c.send("return 'yes'\r")
    c.expect_exact("...         ")
    c.send("\x7f\x7f\x7f\x7freturn 'no'\r")
    c.expect_exact("...     ")
    c.send("\r")
    c.expect_exact(">>> ")
    out = g.cmd("print(f(1), f(0))")
    assert "yes no" in out, out
    # pasted (the lines carry their own indentation): not indented twice
    c.send("if True:\r    a = 1\r    b = 2\r\r")
    c.expect_exact(">>> ")
    out = g.cmd("print(a + b)")
    assert "3" in out and "Error" not in out, out
