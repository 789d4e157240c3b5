"""The trace rings keep the last N events a core: when a run outgrows them, kernel.timeline() and
the trace export say which stretch they show and count what they do not, by kind, so that what
is shown plus what is not adds up to the GIL's own counters (kernel.stats()); a ring chosen
large enough at boot (TRACE_EVENTS=N) keeps the whole run."""
import re
import subprocess
import sys

from conftest import KERNEL, ROOT

sys.path.insert(0, str(ROOT / "qemu"))
import tollbooth  # noqa: E402

# two threads contending under `old`, started together (an Event, so the second is already
# waiting for the GIL while the first counts, whatever the host's load): a battle round, hence a
# release and a take, every check interval: a few thousand GIL events a core. Failed wake-ups
# may or may not happen (a waiter that a release wakes finds the GIL retaken only if it runs on
# the other core in time), so the checks below hold for any count of them, zero included.
CONTEND = """import threading
go = threading.Event()
def count(n):
    go.wait()
    while n > 0:
        n -= 1
ts = [threading.Thread(target=count, args=(60000,)) for i in range(2)]
for t in ts:
    t.start()
go.set()
for t in ts:
    t.join()
print('done')
"""

WRAP = re.compile(r"timeline: the trace rings \(([\d,]+) events a core\) wrapped: showing the last "
                  r"[\d.]+ ms of [\d.]+ ms; ([\d,]+) earlier failed wake-ups, ([\d,]+) drop requests, "
                  r"([\d,]+) forced switches, ([\d,]+) GIL takes not shown \(([\d,]+) events in all\)")
SUMMARY = re.compile(r"switches (\d+), drop requests (\d+), forced switches (\d+), failed wake-ups (\d+)")


def num(s):
    return int(s.replace(",", ""))


def run_and_read(trace_events, tmp_path):
    b = tollbooth.Board(KERNEL, cpus=2, gil="old", timeout=60,
                        kargs=("TRACE_EVENTS=%d" % trace_events,))
    try:
        b.enter_raw()
        out, err = b.exec_raw("import kernel\nkernel.reset_stats()\n")
        assert err == "", err
        out, err = b.exec_raw(CONTEND, timeout=120)
        assert out == "done\n" and err == "", (out, err)
        tl, err = b.exec_raw("import kernel\nkernel.timeline()\n")
        assert err == "", err
        dump, err = b.exec_raw("import kernel\nkernel.trace_dump()\n", timeout=120)
        assert err == "", err
        st, err = b.exec_raw("import kernel\ns = kernel.stats()\n"
                             "print(s['failed_wakeups'], s['drop_requests'])\n")
        assert err == "", err
    finally:
        b.close()
    failed, drops = (int(x) for x in st.split())
    info = tollbooth.export(dump, tmp_path / "tr", quiet=True)
    return tl, dump, info, failed, drops


def test_small_ring_says_what_it_does_not_show(tmp_path):
    tl, dump, info, failed, drops = run_and_read(1024, tmp_path)
    m = WRAP.search(tl)
    assert m, tl
    assert num(m.group(1)) == 1024
    s = SUMMARY.search(tl)
    shown_failed, shown_drops = int(s.group(4)), int(s.group(2))
    # what is shown plus what is not = what the GIL counted
    assert num(m.group(5)) > 0                  # the ring did overwrite GIL takes
    assert shown_failed + num(m.group(2)) == failed, (tl, failed)
    assert shown_drops + num(m.group(3)) == drops
    assert num(m.group(6)) > 0
    assert "TRACE_EVENTS=" in tl
    # the export says the same: its header's counts, the host's summary and note
    hdr = re.search(r"BEGIN TOLLBOOTH TRACE v1 (.*?)-----", dump).group(1)
    assert "ring=1024" in hdr and "notshown=none" not in hdr, hdr
    s = info["summary"]
    assert s["failed_wakeups"] + s["not_shown_failed_wakeups"] == failed
    assert s["shown_ms"] < s["run_ms"]
    assert s["not_shown_events"] > 0
    note = tollbooth.coverage_note(dict(kv.split("=", 1) for kv in hdr.split()))
    assert note and "wrapped: showing the last" in note and "failed wake-ups" in note


def test_big_ring_keeps_the_whole_run(tmp_path):
    tl, dump, info, failed, drops = run_and_read(262144, tmp_path)
    assert "wrapped" not in tl, tl
    s = SUMMARY.search(tl)
    assert int(s.group(4)) == failed and int(s.group(2)) == drops
    hdr = re.search(r"BEGIN TOLLBOOTH TRACE v1 (.*?)-----", dump).group(1)
    assert "ring=262144" in hdr and "notshown=none" in hdr, hdr
    assert info["summary"]["failed_wakeups"] == failed
    assert info["summary"]["not_shown_events"] == 0
    assert tollbooth.coverage_note(dict(kv.split("=", 1) for kv in hdr.split())) is None


def test_launcher_passes_trace_events(tmp_path):
    """tollbooth.py run --trace-events N boots with rings of N events (the summary's note when a
    run outgrows them); an out-of-range N is refused before boot."""
    prog = tmp_path / "contend.py"
    prog.write_text(CONTEND)
    tool = [sys.executable, str(ROOT / "qemu" / "tollbooth.py"), "--kernel", str(KERNEL)]
    r = subprocess.run(tool + ["run", str(prog), "--gil", "old", "--trace", str(tmp_path / "t"),
                               "--trace-events", "1024"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "the trace rings (1,024 events a core) wrapped: showing the last" in r.stdout, r.stdout
    r = subprocess.run(tool + ["run", str(prog), "--trace-events", "12"], capture_output=True,
                       text=True, timeout=60)
    assert r.returncode == 2 and "trace events a core must be" in r.stderr
