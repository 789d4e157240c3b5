"""Console shell: line editing and bad input never overflow or hang; commands answer."""


def test_help_unknown_and_editing(guest):
    g = guest(cpus=2)
    g.boot()
    out = g.cmd("help")
    for c in ("cores off N", "threads", "selftest", "fault [KIND]", "off                power off"):
        assert c in out, out
    out = g.cmd("frobnicate now")
    assert "unknown command 'frobnicate'" in out
    # backspace: "helq<BS>p" is "help"
    out = g.cmd("helq\x7fp")
    assert "commands:" in out
    # Ctrl-U kills the line, then a real command
    out = g.cmd("garbage\x15echo clean")
    assert "clean" in out and "unknown command" not in out
    # Ctrl-C abandons the line
    g.child.send("echo abandoned\x03")
    g.expect_exact("^C")
    g.expect_exact("tollbooth> ")
    out = g.cmd("echo alive")
    assert "alive" in out


def test_overlong_line(guest):
    g = guest(cpus=2)
    g.boot()
    g.child.send("x" * 2000)
    out = g.cmd("")
    assert "line too long" in out
    out = g.cmd("echo still here")
    assert "still here" in out


def test_binary_junk(guest):
    g = guest(cpus=2)
    g.boot()
    junk = "".join(chr(c) for c in list(range(0, 32)) if c not in (3, 10, 13, 21, 27, 8))
    junk += "\x7f\x80\x9f\xff\xfe" + "abc"
    g.child.send(junk)
    out = g.cmd("")
    assert "non-printable" in out
    # arrow keys are swallowed quietly
    out = g.cmd("echo \x1b[Aok")
    assert "ok" in out
    out = g.cmd("echo fine")
    assert "fine" in out


def test_cores_off_on(guest):
    g = guest(cpus=4)
    g.boot()
    out = g.cmd("cores off 3")
    assert "3/4 cores online" in out
    out = g.cmd("cores")
    assert "core 3: offline" in out
    out = g.cmd("cores off 0")
    assert "cannot be taken offline" in out
    out = g.cmd("cores on 3")
    assert "4/4 cores online" in out
    out = g.cmd("cores 1")
    assert "1/4 cores online" in out
    out = g.cmd("cores 4")
    assert "4/4 cores online" in out
    out = g.cmd("cores off banana")
    assert "not a core number" in out


def test_ctrl_c_interrupts_sleep(guest):
    g = guest(cpus=2)
    g.boot()
    g.child.send("sleep 60000\r")
    g.expect_exact("sleep 60000")
    import time
    time.sleep(0.5)
    g.child.send("\x03")
    g.expect_exact("sleep: interrupted", timeout=10)
    g.expect_exact("tollbooth> ")
    out = g.cmd("echo back")
    assert "back" in out


def test_trace_shows_scheduler_events(guest):
    g = guest(cpus=2)
    g.boot()
    g.cmd("selftest preempt", timeout=60)
    out = g.cmd("trace 50")
    assert "switch" in out and "preempt" in out, out
