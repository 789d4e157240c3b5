"""tests/unit/test_requests.py — the frozen `requests` (interp/lib/requests/) against the local
httpbin-like server (qemu/httpbin_server.py, on 127.0.0.1: nothing else is ever contacted).

    /usr/bin/python3 -m pytest -q tests/unit/test_requests.py        (make test-requests)

Each program below runs twice: under CPython 3.11 (/usr/bin/python3) with the same requests
package copied to a folder of its own (interp/lib also holds modules that would shadow CPython's
standard library), and under the host tollpy (build/host/tollpy, TOLLPY=...) where requests is
frozen; stdout and the exit status must be the same bytes. The concurrent programs run under
every GIL policy that keeps the interpreter's objects safe (new, old, prio, none; `unsafe`
corrupts reference counts by design). The CPython runs also check their own output against
what the program is known to print, so the file tests the package before tollpy has `socket`;
the tollpy half skips, with the reason, until it has.

Decisions come from outputs only. Overlap of the threads' requests is shown by the server:
/gather/5 answers none of five requests until all five are held at once, so "gathered: 5" in
every response means the five threads were all waiting for the network at one moment (a thread
that kept the GIL while it waited would leave the others unable to send: "gathered: 1" after
the server's timeout). No time is measured.
"""
import os
import pathlib
import shutil
import subprocess
import sys

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "qemu"))
import httpbin_server  # noqa: E402  (the test server)

TOLLPY = pathlib.Path(os.environ.get("TOLLPY", ROOT / "build" / "host" / "tollpy")).absolute()
CPYTHON = "/usr/bin/python3"
HANG_GUARD = 120             # seconds, far above what any program needs
SAFE_POLICIES = ["new", "old", "prio", "none"]

# Every program gets the server's base URL ("http://127.0.0.1:PORT") as sys.argv[1].
PROGRAMS = {}

# The I/O example of the GIL walkthrough (article D of docs/experiments.md) with its URL changed to /gather/5 and each
# thread's response kept; the server answers only once all five requests are held together.
PROGRAMS["seed_threads"] = r'''
import sys
import threading, requests, time
BASE = sys.argv[1]
got = []
def io_task(url):
    got.append(requests.get(url).json()["gathered"])
start = time.time()
threads = [threading.Thread(target=io_task, args=(BASE + "/gather/5?key=seed",)) for _ in range(5)]
for t in threads: t.start()
for t in threads: t.join()
total = time.time() - start
print("responses:", len(got), "gathered:", got)
print("server gather timeouts:", requests.get(BASE + "/stats").json()["gather_timeouts"])
'''

PROGRAMS["get_json_echo"] = r'''
import sys, requests
BASE = sys.argv[1]
r = requests.get(BASE + "/get", params={"a": "1 2", "b": ["x", "y"], "c": None, "é": "ü&="},
                 headers={"X-Test": "yes", "user-agent": "probe/1"}, timeout=30)
print(r, r.status_code, r.ok, r.reason, r.encoding, r.headers["CONTENT-TYPE"])
print(r.url.replace(BASE, "BASE"))
j = r.json()
print(sorted(j["args"].items()))
h = j["headers"]
print(h["X-Test"], h["User-Agent"], h["Connection"], h["Accept-Encoding"], h["Host"] == BASE[7:])
print(j["url"].replace(BASE, "BASE"), j["origin"])
print(requests.__version__, requests.exceptions.Timeout is requests.Timeout)
'''

PROGRAMS["bodies"] = r'''
import sys, requests
BASE = sys.argv[1]
def pattern(n, seed, start=0):
    return bytes([(7 * i + i // 256 + seed) % 256 for i in range(start, start + n)])
for n, seed in ((0, 0), (1, 5), (1000, 3), (65536, 9), (300001, 200)):
    r = requests.get(BASE + "/bytes/%d" % n, params={"seed": seed})
    print("bytes", n, len(r.content), r.content == pattern(n, seed), r.headers["Content-Length"])
for n, cs in ((10, 3), (100000, 777), (70000, 65536)):
    r = requests.get(BASE + "/stream-bytes/%d?seed=1&chunk_size=%d" % (n, cs))
    print("chunked", n, r.headers.get("transfer-encoding"), len(r.content), r.content == pattern(n, 1))
r = requests.get(BASE + "/stream/4")
lines = [l for l in r.iter_lines()]
import json
print([json.loads(l)["id"] for l in lines])
r = requests.get(BASE + "/encoding/utf8")
print(r.encoding, r.text.split("\n")[1])
r = requests.get(BASE + "/latin1")
print(r.encoding, repr(r.text), r.content)
r.encoding = "utf-8"
print(repr(r.text))
r = requests.head(BASE + "/bytes/50")
print("head", r.status_code, r.content, r.headers["content-length"])
'''

PROGRAMS["status_redirects_post"] = r'''
import sys, requests
BASE = sys.argv[1]
for code in (200, 201, 204, 400, 404, 418, 500, 503):
    r = requests.get(BASE + "/status/%d" % code)
    try:
        r.raise_for_status()
        print(code, r.ok, r.reason, "no error")
    except requests.HTTPError as e:
        print(code, r.ok, r.reason, type(e).__name__, str(e).replace(BASE, "BASE"),
              e.response is r)
r = requests.get(BASE + "/redirect/3")
print(r.status_code, r.url.replace(BASE, "BASE"), [h.status_code for h in r.history])
r = requests.get(BASE + "/redirect/2", allow_redirects=False)
print(r.status_code, r.is_redirect, r.headers["location"])
r = requests.get(BASE + "/status/302")
print(r.status_code, r.url.replace(BASE, "BASE"), len(r.history))
r = requests.get(BASE + "/no/such/page")
print(r.status_code, r.ok, r.text.split("\n")[1])
r = requests.post(BASE + "/post", data={"k": "v w", "n": 1})
print(r.status_code, r.json()["form"], r.json()["headers"]["Content-Type"])
r = requests.post(BASE + "/post", json={"k": [1, 2, {"z": None}]})
print(r.json()["json"], r.json()["headers"]["Content-Type"])
r = requests.post(BASE + "/post", data=b"\x00\x01raw")
print(repr(r.json()["data"]), r.json()["headers"]["Content-Length"])
r = requests.put(BASE + "/put", data="text body")
print(r.status_code, r.json()["data"])
s = requests.Session()
s.headers["X-Session"] = "1"
with s.get(BASE + "/headers") as r:
    print(r.json()["headers"]["X-Session"])
'''

PROGRAMS["errors"] = r'''
import sys, socket, requests
BASE = sys.argv[1]
def probe(what, fn):
    try:
        fn()
        print(what, "no error")
    except requests.RequestException as e:
        print(what, type(e).__name__, isinstance(e, requests.ConnectionError),
              isinstance(e, requests.Timeout), isinstance(e, OSError), e.request is not None)
# a port nothing listens on: bind one, note it, close it
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
closed_port = s.getsockname()[1]
s.close()
probe("refused", lambda: requests.get("http://127.0.0.1:%d/" % closed_port, timeout=30))
probe("https", lambda: requests.get("https://127.0.0.1:1/"))
probe("no scheme", lambda: requests.get("127.0.0.1/get"))
probe("no host", lambda: requests.get("http:///get"))
probe("bad port", lambda: requests.get("http://127.0.0.1:99999/"))
probe("empty", lambda: requests.get(""))
probe("read timeout", lambda: requests.get(BASE + "/delay/10", timeout=0.5))
probe("truncated", lambda: requests.get(BASE + "/truncated/10000"))
probe("bad header", lambda: requests.get(BASE + "/get", headers={"X": "a\r\nInjected: 1"}))
print(requests.get(BASE + "/get").status_code)
'''

# Many threads at once, every byte checked: twenty threads, each its own seed and size, four
# requests each, two of them chunked.
PROGRAMS["threads_bytes"] = r'''
import sys, threading, requests
BASE = sys.argv[1]
def pattern(n, seed, start=0):
    return bytes([(7 * i + i // 256 + seed) % 256 for i in range(start, start + n)])
results = {}
def worker(k):
    ok = 0
    for j in range(4):
        n = 1000 + 3907 * k + j
        path = "/stream-bytes/%d?seed=%d&chunk_size=%d" % (n, k, 100 + k) if j % 2 else "/bytes/%d?seed=%d" % (n, k)
        r = requests.get(BASE + path, timeout=60)
        ok += r.status_code == 200 and r.content == pattern(n, k)
    results[k] = ok
ts = [threading.Thread(target=worker, args=(k,)) for k in range(20)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()))
print(sum(results.values()), "of", 4 * 20, "bodies intact")
g = []
def gather():
    g.append(requests.get(BASE + "/gather/8?key=policy").json()["gathered"])
ts = [threading.Thread(target=gather) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print("gathered", g)
'''

# What CPython must print (lines the programs' output must contain): checks of the package
# itself, so the CPython half is a test even while tollpy has no socket module.
EXPECT = {
    "seed_threads": ["responses: 5 gathered: [5, 5, 5, 5, 5]", "server gather timeouts: 0"],
    "get_json_echo": ["<Response [200]> 200 True OK utf-8 application/json",
                      "BASE/get?a=1+2&b=x&b=y&%C3%A9=%C3%BC%26%3D",
                      "[('a', '1 2'), ('b', ['x', 'y']), ('é', 'ü&=')]",
                      "yes probe/1 close identity True", "BASE/get?a=1+2&b=x&b=y&%C3%A9=%C3%BC%26%3D 127.0.0.1",
                      "0.1-tollbooth True"],
    "bodies": ["bytes 0 0 True 0", "bytes 300001 300001 True 300001",
               "chunked 100000 chunked 100000 True", "[0, 1, 2, 3]",
               "utf-8 <p>Tollbooth: ä ö ü ß € λ 日本</p>",
               "ISO-8859-1 'café crème\\n' b'caf\\xe9 cr\\xe8me\\n'", "head 200 b'' 50"],
    "status_redirects_post": ["204 True No Content no error",
                              "418 False I'm a Teapot HTTPError 418 Client Error: I'm a Teapot "
                              "for url: BASE/status/418 True",
                              "200 BASE/get [302, 302, 302]", "302 True /redirect/1",
                              "404 False <title>404 Not Found</title>",
                              "200 {'k': 'v w', 'n': '1'} application/x-www-form-urlencoded",
                              "{'k': [1, 2, {'z': None}]} application/json", "200 text body", "1"],
    "errors": ["refused ConnectionError True False True True",
               "https InvalidSchema False False True False",
               "no scheme MissingSchema False False True False",
               "no host InvalidURL False False True False",
               "read timeout ReadTimeout False True True True",
               "truncated ChunkedEncodingError False False True True",
               "bad header InvalidHeader False False True False"],
    "threads_bytes": ["80 of 80 bodies intact", "gathered [8, 8, 8, 8, 8, 8, 8, 8]"],
}
CONCURRENT = ["seed_threads", "threads_bytes"]


@pytest.fixture(scope="module")
def server():
    with httpbin_server.running() as srv:
        yield srv


@pytest.fixture(scope="module")
def cpython_lib(tmp_path_factory):
    """A folder holding only our requests package, for CPython's PYTHONPATH."""
    d = tmp_path_factory.mktemp("cpython_lib")
    shutil.copytree(ROOT / "interp" / "lib" / "requests", d / "requests")
    return d


def tollpy_has_socket():
    if not TOLLPY.exists():
        return "no %s (make host)" % TOLLPY
    p = subprocess.run([str(TOLLPY), "-c", "import socket; socket.create_connection"],
                       capture_output=True, timeout=HANG_GUARD)
    if p.returncode != 0:
        return "tollpy has no socket module yet: %s" % p.stderr.decode(errors="replace").strip()[-200:]
    return None


def run(argv, prog, base, env_extra, tmp_path):
    path = tmp_path / "prog.py"
    path.write_text(prog)
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    env.update(env_extra)
    p = subprocess.run(argv + [str(path), base], capture_output=True, env=env,
                       timeout=HANG_GUARD, cwd=str(tmp_path))
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def cpython(prog, base, lib, tmp_path):
    return run([CPYTHON], prog, base, {"PYTHONPATH": str(lib)}, tmp_path)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_cpython_prints_what_the_package_should(name, server, cpython_lib, tmp_path):
    rc, out, err = cpython(PROGRAMS[name], server.url(""), cpython_lib, tmp_path)
    assert rc == 0, out + err
    lines = out.splitlines()
    for want in EXPECT[name]:
        assert want in lines, "missing %r in:\n%s" % (want, out)


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_tollpy_prints_what_cpython_prints(name, server, cpython_lib, tmp_path):
    why = tollpy_has_socket()
    if why:
        pytest.skip(why)
    base = server.url("")
    want = cpython(PROGRAMS[name], base, cpython_lib, tmp_path)
    got = run([str(TOLLPY)], PROGRAMS[name], base, {}, tmp_path)
    assert got[:2] == want[:2], "tollpy:\n%s%s\nCPython:\n%s" % (got[1], got[2], want[1])


@pytest.mark.parametrize("policy", SAFE_POLICIES)
@pytest.mark.parametrize("name", CONCURRENT)
def test_threads_under_every_policy(name, policy, server, tmp_path):
    why = tollpy_has_socket()
    if why:
        pytest.skip(why)
    rc, out, err = run([str(TOLLPY)], PROGRAMS[name], server.url(""), {"TOLLPY_GIL": policy},
                       tmp_path)
    assert rc == 0, out + err
    for want in EXPECT[name]:
        assert want in out.splitlines(), "missing %r under %s in:\n%s%s" % (want, policy, out, err)


def test_examples_run_against_the_server(server, tmp_path):
    """examples/io_threads.py and io_sequential.py with the server's URL: five requests each,
    all answered (the server counts them); the printed totals are figures, not checked."""
    why = tollpy_has_socket()
    if why:
        pytest.skip(why)
    for name in ("io_threads.py", "io_sequential.py"):
        before = server.stats()["requests"]
        p = subprocess.run([str(TOLLPY), str(ROOT / "examples" / name), server.url("/delay/0")],
                           capture_output=True, text=True, timeout=HANG_GUARD)
        assert p.returncode == 0 and p.stdout.startswith("Total: "), p.stdout + p.stderr
        assert server.stats()["requests"] - before == 5


def test_server_listens_on_loopback_only(server):
    assert server.server_address[0] == "127.0.0.1"
