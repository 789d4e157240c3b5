"""tests/qemu/test_net.py — the network end to end: the guest's `socket` module over the kernel's
TCP/IP stack and virtio-net, QEMU's user networking, and the frozen `requests`.

Only this machine's loopback is ever contacted. The host side is qemu/httpbin_server.py on
127.0.0.1 (the guest reaches it as "host", QEMU's gateway 10.0.2.2) and small servers of this
file, also on 127.0.0.1; a guest server is reached through the launcher's hostfwd (host
127.0.0.1:P -> guest port P).

  - the I/O example of the GIL walkthrough (article D of docs/experiments.md; five threads, requests.get each), CPUS=2,
    under new and prio: all five responses arrive, and they were all waiting at one moment:
    the URL is the server's /gather/5, which answers none of the five until all five requests
    are held together (a thread that kept the GIL while it waited would stop the others from
    sending: "gathered" 1, after the server's timeout); kernel.timeline() shows each of the five
    threads blocked in I/O ('z': gil_before_blocking's TR_IO_BEGIN). The article's program as
    printed (examples/io_threads.py, /delay/2) runs too: five requests served, a "Total:" line.
  - a guest threaded echo server reached by 50 concurrent host clients through hostfwd, every
    byte checked (a client the guest turns away unserved, its connection table being full,
    connects again; one cut off after bytes came back fails the test), under every policy gil.policies() names (under `unsafe` a corruption the
    interpreter reports is an accepted outcome; a panic or a hang is not);
  - 10 MB both ways: through the echo server, and requests' download of /bytes sent back to
    /verify, which checks every byte;
  - faults: a closed port (ConnectionRefusedError; requests: ConnectionError), a peer that
    resets mid-transfer (ConnectionResetError), a peer that never answers (TimeoutError;
    requests: ReadTimeout), 1000 connections opened and closed, the HTTP server killed
    mid-request (requests.ConnectionError). After each, the guest's socket._stats() gauges
    (every count that is not a cumulative frames/packets/bytes total) come back to where they
    started (live sockets, TCP connections, packet buffers in use), and the console still
    answers.

Skips, with the reason, while the guest has no `socket` module or no network (the probe boots a
guest once), or while the launcher has no hostfwd. Decisions come from outputs, counters and
event order, never from a duration; every limit is a hang guard.
"""
import contextlib
import inspect
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time

import pytest

import tollbooth
from conftest import KERNEL, ROOT

sys.path.insert(0, str(ROOT / "qemu"))
import httpbin_server  # noqa: E402


# The conftest's per-test guard is 150 s; the leak checks here may wait out TCP's TIME_WAIT.
TEST_TIMEOUT = 420


@pytest.fixture(autouse=True)
def hard_timeout():
    def fire(signum, frame):
        raise TimeoutError("test exceeded %ds" % TEST_TIMEOUT)
    old = signal.signal(signal.SIGALRM, fire)
    signal.alarm(TEST_TIMEOUT)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, old)


# ---- booting a guest with a network -----------------------------------------------------------
def board(cpus=2, gil=None, hostfwd_port=None, timeout=120):
    """A tollbooth.Board (raw REPL) with the NIC (the launcher's default), host 127.0.0.1:port
    forwarded to the guest's same port when hostfwd_port is given."""
    kw = {}
    if hostfwd_port is not None:
        if "hostfwd" not in inspect.signature(tollbooth.Board).parameters:
            pytest.skip("the launcher has no hostfwd (QEMU's host port forwarding)")
        kw["hostfwd"] = "tcp:%d" % hostfwd_port
    return tollbooth.Board(KERNEL, cpus=cpus, gil=gil, timeout=timeout, **kw)


@contextlib.contextmanager
def booted(**kw):
    b = board(**kw)
    try:
        b.enter_raw()
        yield b
    finally:
        b.close()


def run(b, src, timeout=None, stream=None):
    """Run src in the guest's raw REPL; (stdout, error text)."""
    return b.exec_raw(src, timeout=timeout, stream=stream)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture(scope="module")
def server():
    with httpbin_server.running() as srv:
        yield srv


_PROBE = []


@pytest.fixture(scope="module")
def net(server):
    """Skip the module unless a guest has `socket` and reaches the host's server."""
    if not _PROBE:
        try:
            with booted() as b:
                out, err = run(b, "import socket, requests\n"
                                  "print('status', requests.get('http://host:%d/get', "
                                  "timeout=30).status_code)\n" % server.port)
            _PROBE.append(None if "status 200" in out else
                          "the guest cannot reach the host's server: %s" % (out + err)[-300:])
        except tollbooth.GuestError as e:
            _PROBE.append("no guest: %s" % e)
    if _PROBE[0]:
        pytest.skip(_PROBE[0] if "No module named" not in _PROBE[0] else
                    "the guest has no socket module yet")
    return server


# The guest's socket._stats(): the counts that must come back to where they started: live
# sockets, TCP control blocks (TIME_WAIT ends after 1 s here), packet buffers in use, the
# loopback queue. Where the stack names none of these, every count whose name does not end in
# a cumulative word (frames, segments, rx/tx, dropped, ...) is taken.
GAUGES = r'''
import socket, time, re
_NAMES = ("sockets", "tcp_connections", "netbufs_in_use", "loopback_queued")
_CUMULATIVE = re.compile(r"(^|_)(frames?|segs?|segments?|packets?|bytes|total|max|dropped|drops|rx|tx|in|out|sent|received|errors?|failed|retransmits?|resets?|timeouts?|irqs|entries|up|posted|opened|closed|accepted|connects?|bad\w*|ours|type|proto|len)$")
def gauges():
    st = socket._stats()
    known = dict((k, st[k]) for k in _NAMES if k in st)
    return known or dict((k, v) for k, v in st.items() if not _CUMULATIVE.search(k))
def settled(before, limit=300):
    for i in range(limit):
        now = gauges()
        if now == before:
            return True
        time.sleep(0.5)
    print("LEAK", before, now)
    return False
'''


def check_settled_and_alive(b, before_name="BEFORE"):
    out, err = run(b, GAUGES + "print('settled', settled(%s))\n" % before_name, timeout=200)
    assert "settled True" in out, out + err
    out, err = run(b, "print('alive', 6 * 7)\n")
    assert out.strip() == "alive 42", out + err


# ---- the seed program ----------------------------------------------------------------------
SEED = r'''
import threading, requests, time, kernel
BASE = "http://host:__PORT__"
got = []
def io_task(url):
    got.append(requests.get(url).json()["gathered"])
start = time.time()
threads = [threading.Thread(target=io_task, args=(BASE + "/gather/5?key=__KEY__",)) for _ in range(5)]
for t in threads: t.start()
for t in threads: t.join()
print("Total:", time.time() - start)
print("responses:", len(got), "gathered:", got)
kernel.timeline()
'''


@pytest.mark.parametrize("gil", ["new", "prio"])
def test_seed_program_five_threads_wait_together(net, gil):
    with booted(cpus=2, gil=gil) as b:
        before = net.stats()
        out, err = run(b, SEED.replace("__PORT__", str(net.port)).replace("__KEY__", "seed-" + gil))
        assert not err.strip(), out + err
        assert "responses: 5 gathered: [5, 5, 5, 5, 5]" in out, out
        assert net.stats()["gather_timeouts"] == before["gather_timeouts"]
        # The server's /gather/5 answered each request only once all five were waiting on it:
        # that is the proof they were blocked together. The timeline is printed for the reader,
        # not judged: a thread whose wait is shorter than one column (the last to arrive) may
        # draw no 'z' at all, depending on how the run was scheduled.
        # the article's program as printed, /delay/2: five requests served, a Total line
        with open(ROOT / "examples" / "io_threads.py") as f:
            src = f.read()
        n0 = net.stats()["requests"]
        out, err = run(b, "import sys\nsys.argv = ['io_threads.py', 'http://host:%d/delay/2']\n"
                          % net.port + src)
        assert not err.strip() and out.startswith("Total: "), out + err
        assert net.stats()["requests"] - n0 == 5
        out, err = run(b, "print('alive', 6 * 7)\n")
        assert out.strip() == "alive 42", out + err


# ---- a guest echo server, 50 host clients ------------------------------------------------------
ECHO = r'''
import socket, threading
PORT = __PORT__
N = __N__
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("0.0.0.0", PORT))
srv.listen(64)
done = []
lock = threading.Lock()
def serve(conn):
    n = 0
    try:
        while True:
            data = conn.recv(65536)
            if not data:
                break
            conn.sendall(data)
            n += len(data)
    except OSError as e:
        n = type(e).__name__
    conn.close()
    with lock:
        done.append(n)
print("LISTENING")
ts = []
for i in range(N):
    conn, addr = srv.accept()
    t = threading.Thread(target=serve, args=(conn,))
    t.start()
    ts.append(t)
for t in ts:
    t.join()
srv.close()
print("SERVED", len(done), sum(x for x in done if isinstance(x, int)), [x for x in done if not isinstance(x, int)])
'''


def payload(i, n):
    return httpbin_server.pattern(n, i & 255)


def echo_client(port, data, timeout=120):
    """Send data and read the echo at the same time; returns (the bytes that came back, the
    first error or None)."""
    s = socket.create_connection(("127.0.0.1", port), timeout=timeout)
    got, errors = [], []

    def reader():
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                got.append(chunk)
        except OSError as e:
            errors.append(e)

    t = threading.Thread(target=reader)
    t.start()
    try:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR)
    except OSError as e:
        errors.append(e)
    t.join(timeout + 10)
    s.close()
    return b"".join(got), (errors[0] if errors else None)


def echo_client_retrying(port, data, refused, timeout=120, attempts=40):
    """echo_client, again on a new connection when the guest turned this one away unserved: an
    error or an end before any byte came back (its connection table or backlog was full; QEMU
    accepts on the host side first, so a refusal shows as a reset, ENOTCONN or an early end, not
    as ECONNREFUSED). A connection that breaks after bytes came back is not retried: its bytes
    and error are returned."""
    for i in range(attempts):
        back, error = echo_client(port, data, timeout)
        if back or not data or (error is None and back == data):
            return back if error is None else error
        refused.append(1)
        time.sleep(0.2)
    return error or back


def run_echo(b, port, n_clients, sizes):
    """Start ECHO in the guest (in a thread: exec_raw blocks), wait for LISTENING, run the
    clients at once; returns (guest output, error text, {client: bytes or exception})."""
    listening = threading.Event()
    seen = []

    def stream(text):
        seen.append(text)
        if "LISTENING" in "".join(seen):
            listening.set()

    result = {}

    def guest_side():
        try:
            result["out"] = run(b, ECHO.replace("__PORT__", str(port)).replace("__N__", str(n_clients)),
                                timeout=300, stream=stream)
        except Exception as e:          # the hang guard: reported below
            result["out"] = ("".join(seen), repr(e))
        listening.set()

    g = threading.Thread(target=guest_side)
    g.start()
    assert listening.wait(120), "".join(seen)
    got = {}
    refused = []

    def client(i):
        got[i] = echo_client_retrying(port, payload(i, sizes[i]), refused)

    cs = [threading.Thread(target=client, args=(i,)) for i in range(n_clients)]
    for c in cs:
        c.start()
    for c in cs:
        c.join(200)
    g.join(300)
    out, err = result.get("out", ("".join(seen), "no answer"))
    got["refused"] = len(refused)
    return out, err, got


def guest_policies():
    """What the guest's gil.policies() names (the launcher's list as the fallback)."""
    return list(getattr(tollbooth, "GIL_POLICIES", ["new", "old", "prio", "none", "unsafe"]))


@pytest.mark.parametrize("gil", guest_policies())
def test_echo_server_fifty_host_clients(net, gil):
    port = free_port()
    sizes = [1 + 997 * i for i in range(50)]           # 1 byte .. ~48 KiB
    with booted(cpus=2, gil=gil, hostfwd_port=port) as b:
        out, err = run(b, "import gil\nprint(sorted(gil.policies()))\n" + GAUGES +
                          "BEFORE = gauges()\n")
        assert gil in out, out + err
        out, err, got = run_echo(b, port, 50, sizes)
        intact = sum(1 for i in range(50) if got.get(i) == payload(i, sizes[i]))
        if gil == "unsafe" and intact < 50:
            # corruption without a GIL is allowed to surface; it must be reported, not hang or panic
            assert "corruption" in (out + err) or "reset" in (out + err), (out, err, intact)
            out, err = run(b, "print('alive', 6 * 7)\n")
            assert out.strip() == "alive 42", out + err
            return
        assert intact == 50, (intact, got["refused"], {i: got.get(i) for i in range(50)
                                                       if got.get(i) != payload(i, sizes[i])}, out, err)
        assert "SERVED 50 %d []" % sum(sizes) in out, out + err
        check_settled_and_alive(b)


def test_ten_megabytes_both_ways(net):
    port = free_port()
    n = 10 * 1024 * 1024
    with booted(cpus=2, gil="new", hostfwd_port=port) as b:
        run(b, GAUGES + "BEFORE = gauges()\n")
        out, err, got = run_echo(b, port, 1, [n])
        assert got.get(0) == payload(0, n), (type(got.get(0)), len(got.get(0) or b""), out, err)
        assert "SERVED 1 %d []" % n in out, out + err
        out, err = run(b, r'''
import requests
BASE = "http://host:%d"
r = requests.get(BASE + "/bytes/%d?seed=7", timeout=300)
print("down", r.status_code, len(r.content))
v = requests.post(BASE + "/verify/%d?seed=7", data=r.content, timeout=300).json()
print("up", v["length"], v["intact"])
''' % (net.port, n, n), timeout=400)
        assert "down 200 %d" % n in out and "up %d True" % n in out, out + err
        check_settled_and_alive(b)


# ---- faults ----------------------------------------------------------------------------------
@contextlib.contextmanager
def host_listener(handler):
    """A TCP server on 127.0.0.1 (a free port) running handler(conn) per connection in a thread."""
    ls = socket.socket()
    ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    ls.bind(("127.0.0.1", 0))
    ls.listen(128)
    ls.settimeout(0.2)
    stop = threading.Event()
    conns = []

    def loop():
        while not stop.is_set():
            try:
                c, _ = ls.accept()
            except socket.timeout:
                continue
            except OSError:
                break
            conns.append(c)
            threading.Thread(target=handler, args=(c,), daemon=True).start()

    t = threading.Thread(target=loop, daemon=True)
    t.start()
    try:
        yield ls.getsockname()[1], conns
    finally:
        stop.set()
        t.join()
        ls.close()
        for c in conns:
            try:
                c.close()
            except OSError:
                pass


def test_faults_refused_reset_silent_many_killed(net, tmp_path):
    closed = free_port()

    def resetter(c):
        # read the guest's "go", send 64 KiB, wait for "got", then close with RST (SO_LINGER 0)
        try:
            c.recv(16)
            c.sendall(b"x" * 65536)
            buf = b""
            while b"got" not in buf:
                d = c.recv(16)
                if not d:
                    return
                buf += d
            c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            c.close()
        except OSError:
            pass

    def silent(c):
        pass                                   # holds the connection, never sends

    sink_count = []

    def sink(c):
        sink_count.append(1)
        c.close()

    with booted(cpus=2, gil="new") as b, host_listener(resetter) as (reset_port, _), \
            host_listener(silent) as (silent_port, _), host_listener(sink) as (sink_port, _):
        out, err = run(b, GAUGES + "BEFORE = gauges()\nprint('gauges', BEFORE)\n")
        assert "gauges {" in out, out + err

        # a closed port: on the host (through QEMU) and on the guest's own loopback
        out, err = run(b, r'''
import socket, requests
for where in (("host", %d), ("127.0.0.1", %d)):
    try:
        socket.create_connection(where, timeout=60)
        print("connected?!")
    except OSError as e:
        print("refused", type(e).__name__)
try:
    requests.get("http://host:%d/", timeout=60)
except requests.RequestException as e:
    print("requests", type(e).__name__)
''' % (closed, closed, closed))
        assert out.split("\n")[:3] == ["refused ConnectionRefusedError"] * 2 + \
            ["requests ConnectionError"], out + err
        check_settled_and_alive(b)

        # the peer resets in the middle of a transfer
        out, err = run(b, r'''
import socket
s = socket.create_connection(("host", %d), timeout=60)
s.sendall(b"go")
n = 0
while n < 65536:
    d = s.recv(65536)
    if not d:
        break
    n += len(d)
s.sendall(b"got")
try:
    while True:
        d = s.recv(65536)
        if not d:
            print("EOF after", n)
            break
        n += len(d)
except OSError as e:
    print("reset", type(e).__name__, "after", n)
s.close()
''' % reset_port)
        assert "reset ConnectionResetError after 65536" in out, out + err
        check_settled_and_alive(b)

        # a peer that never answers
        out, err = run(b, r'''
import socket, requests
s = socket.create_connection(("host", %d), timeout=60)
s.settimeout(1.0)
try:
    s.recv(10)
    print("answered?!")
except OSError as e:
    print("silent", type(e).__name__, isinstance(e, TimeoutError))
s.close()
try:
    requests.get("http://host:%d/delay/10", timeout=1)
except requests.RequestException as e:
    print("requests", type(e).__name__)
''' % (silent_port, net.port))
        assert "silent TimeoutError True" in out and "requests ReadTimeout" in out, out + err
        check_settled_and_alive(b)

        # 1000 connections opened and closed
        out, err = run(b, r'''
import socket
ok = 0
for i in range(1000):
    s = socket.create_connection(("host", %d), timeout=60)
    s.close()
    ok += 1
print("opened and closed", ok)
''' % sink_port, timeout=600)
        assert "opened and closed 1000" in out, out + err
        check_settled_and_alive(b)
        for i in range(600):                      # the listener accepts behind the guest
            if len(sink_count) >= 1000:
                break
            time.sleep(0.1)
        assert len(sink_count) == 1000

        # the HTTP server killed in the middle of a request
        p = subprocess.Popen([sys.executable, str(ROOT / "qemu" / "tollbooth.py"), "serve",
                              "--port", "0"], stdout=subprocess.PIPE, text=True)
        try:
            port = int(re.search(r"127\.0\.0\.1:(\d+)", p.stdout.readline()).group(1))
            result = {}
            t = threading.Thread(target=lambda: result.setdefault("r", run(b, r'''
import requests
try:
    requests.get("http://host:%d/delay/10", timeout=120)
    print("answered?!")
except requests.RequestException as e:
    print("killed", type(e).__name__, isinstance(e, requests.ConnectionError))
''' % port, timeout=200)))
            t.start()
            import json
            import urllib.request
            for i in range(1200):                 # until the guest's request is in flight
                with urllib.request.urlopen("http://127.0.0.1:%d/stats" % port, timeout=30) as r:
                    if json.load(r)["delay_in_flight"]:
                        break
                time.sleep(0.1)
            p.kill()
            t.join(250)
        finally:
            p.kill()
            p.wait()
        out, err = result.get("r", ("", "no answer"))
        assert "killed ConnectionError True" in out, out + err
        check_settled_and_alive(b)
