"""tests/report/requests_io.py — `make report`'s network experiment: the I/O-bound example of
the GIL walkthrough, article D of docs/experiments.md (five threads each requests.get() a page that answers after 2 s: "total
time ≈ 2–2.5 s, not 10 s ... while one thread is waiting for the network, it releases the GIL")
against the local test server (qemu/httpbin_server.py on 127.0.0.1, the guest's "host"), beside
the same five requests made one after another. Platforms: CPython 3.11 and the host tollpy
(policies new and prio, TOLLPY_GIL), and the guest at CPUS=2 under new and prio.
report.py calls add_args(), run() and append_md().

Rows: host/guest, "requests", "<policy> 5 threads" / "<policy> sequential", seconds (policy
"cpython" for CPython). A platform without a socket module or without a network prints
"SKIP|why" and gives no rows; the section then says so. Figures, never assertions.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "qemu"))
import httpbin_server  # noqa: E402
import tollbooth  # noqa: E402

# The seed's program, five threads then the same five requests in turn; URL = sys.argv[1].
PROG = r'''
import sys
import threading, time
URL = sys.argv[1]
try:
    import requests
except ImportError as e:
    print("SKIP|no requests/socket module: %s" % e)
    raise SystemExit(0)
try:
    requests.get(URL.rsplit("/delay/", 1)[0] + "/get", timeout=60)
except Exception as e:
    print("SKIP|the server is unreachable: %s" % type(e).__name__)
    raise SystemExit(0)
policy = sys.getgilpolicy() if hasattr(sys, "getgilpolicy") else "cpython"
def io_task(url):
    requests.get(url)
start = time.time()
threads = [threading.Thread(target=io_task, args=(URL,)) for _ in range(5)]
for t in threads: t.start()
for t in threads: t.join()
threaded = time.time() - start
print("Total:", threaded)
start = time.time()
for _ in range(5):
    requests.get(URL)
sequential = time.time() - start
print("Total (one after another):", sequential)
print("RESULT|requests|%s 5 threads|%.6f|s" % (policy, threaded))
print("RESULT|requests|%s sequential|%.6f|s" % (policy, sequential))
'''

POLICIES = ("new", "prio")
SKIPS = {}                   # platform -> why it has no rows (for the section's text)
DELAY = [2.0]                # the server's delay in this run (--requests-delay)


def add_args(ap):
    ap.add_argument("--requests-delay", type=float, default=2.0,
                    help="seconds the server takes per request (the article's /delay/2)")
    ap.add_argument("--no-requests", action="store_true", help="leave the network experiment out")


def _skip(platform, text, log):
    m = re.search(r"SKIP\|([^\r\n]*)", text)
    if m:
        SKIPS.setdefault(platform, m.group(1))
        log("report: requests, %s: skipped (%s)" % (platform, m.group(1)))
    return bool(m)


def run(a, tmp, rows, platforms, run_cmd, parse, log):
    """Start the server, run PROG under CPython and the host tollpy, then (unless --no-guest)
    in guests at CPUS=2 under new and prio; print both totals of each run."""
    if a.no_requests:
        return
    prog = os.path.join(tmp, "requests_io.py")
    with open(prog, "w") as f:
        f.write(PROG)
    lib = os.path.join(tmp, "requests_cpython")
    if not os.path.isdir(lib):
        import shutil
        shutil.copytree(os.path.join(REPO, "interp", "lib", "requests"),
                        os.path.join(lib, "requests"))
    DELAY[0] = a.requests_delay
    with httpbin_server.running() as srv:
        delay = ("%g" % a.requests_delay)
        host_url = srv.url("/delay/" + delay)
        log("report: requests, host (CPython and tollpy new/prio, %s) ..." % host_url)
        runs = [("cpython", ["/usr/bin/python3", prog, host_url], {"PYTHONPATH": lib})]
        runs += [(p, [a.tollpy, prog, host_url], {"TOLLPY_GIL": p}) for p in POLICIES]
        for name, cmd, extra in runs:
            env = dict(os.environ)
            env.pop("PYTHONPATH", None)
            env.update(extra)
            rc, out = run_cmd(cmd, env=env, timeout=600)
            if not _skip("host " + name, out, log):
                parse("host", out, rows)
                _say(rows, "host", name, log)
            if rc != 0:
                log("report: requests host %s status %s\n%s" % (name, rc, out[-2000:]))
        if a.no_guest or "guest" not in platforms:
            return
        guest_url = srv.url("/delay/" + delay, host="host")
        for p in POLICIES:
            log("report: requests, guest CPUS=2 GIL=%s ..." % p)
            r = tollbooth.run_batch(prog, a.kernel, cpus=2, timeout=600, gil=p, args=guest_url)
            out = r.text()
            if not _skip("guest", out, log):
                parse("guest", out, rows)
                _say(rows, "guest", p, log)
            if r.status != 0:
                log("report: requests guest %s status %s\n%s" % (p, r.status, out[-2000:]))


def _v(rows, plat, cfg):
    for r in rows:
        if r[0] == plat and r[1] == "requests" and r[2] == cfg:
            return r[3]
    return None


def _say(rows, plat, policy, log):
    t, s = _v(rows, plat, policy + " 5 threads"), _v(rows, plat, policy + " sequential")
    if t is not None and s is not None:
        log("report: requests, %s %s: 5 threads %.2f s, one after another %.2f s" % (plat, policy, t, s))


def section(rows, platforms):
    L = ["", "## The network: five requests in five threads (article D)", "",
         "The article's I/O-bound example: five threads each call `requests.get()` on a page that "
         "answers after 2 s (httpbin.org/delay/2 there; here the same route of the local test "
         "server, `qemu/tollbooth.py serve`, reached by the guest as `host` through QEMU's user "
         "networking), then the same five requests one after another. Program: "
         "[examples/io_threads.py](../../examples/io_threads.py) and "
         "[examples/io_sequential.py](../../examples/io_sequential.py) (both in one run here: "
         "tests/report/requests_io.py).", "",
         "Here every request takes %g s at the server." % DELAY[0], "",
         "| run | 5 threads | 5 one after another |", "|---|---|---|",
         "| the article (CPython, httpbin.org over the Internet) | ≈ 2–2.5 s | ≈ 10 s (\"not 10 s\") |"]
    labels = [("host", "cpython", "CPython 3.11, host, local server"),
              ("host", "new", "tollpy host, GIL new"), ("host", "prio", "tollpy host, GIL prio"),
              ("guest", "new", "guest CPUS=2, GIL new"), ("guest", "prio", "guest CPUS=2, GIL prio")]
    ratios = []
    for plat, pol, label in labels:
        t, s = _v(rows, plat, pol + " 5 threads"), _v(rows, plat, pol + " sequential")
        if t is None or s is None:
            continue
        L.append("| %s | %.2f s | %.2f s |" % (label, t, s))
        ratios.append((label, t, s))
    missing = ["%s (%s)" % (p, why) for p, why in sorted(SKIPS.items())]
    if not ratios:
        L += ["", "Not measured in this run%s." % (": " + "; ".join(missing) if missing else "")]
        return L
    L += [""]
    for label, t, s in ratios:
        L.append("- %s: the five threads took %.2f s, %.0f%% of the %.2f s the five requests "
                 "took in turn (%.1fx faster)." % (label, t, 100.0 * t / s, s, s / t))
    L += ["", "The threads overlap because a thread waiting in `socket.recv()` has dropped the "
          "GIL (the socket calls go through gil_before_blocking, as `time.sleep()` and file "
          "reads do): while one waits, the others run far enough to send their own requests. "
          "That the five waits really overlap is a test, not a figure: tests/qemu/test_net.py "
          "points the same program at the server's /gather/5, which answers none of the five "
          "until all five are waiting."]
    if missing:
        L += ["", "Not measured: " + "; ".join(missing) + "."]
    return L


def append_md(outdir, rows, platforms):
    with open(os.path.join(outdir, "report.md"), "a") as f:
        f.write("\n".join(section(rows, platforms)) + "\n")
