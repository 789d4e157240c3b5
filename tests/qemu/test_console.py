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
