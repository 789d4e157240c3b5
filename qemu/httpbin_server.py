"""qemu/httpbin_server.py — a local HTTP test server that answers like httpbin.org, for the I/O
examples, demos and tests (`tollbooth.py serve`). It listens on 127.0.0.1 only: a guest under
QEMU's user networking reaches it as 10.0.2.2 ("host" in the guest's hosts table); nothing
else can.

    with running(port=0) as srv:          # a free port; srv.port, srv.url("/get")
        ...                               # srv.stats() -> counts (below)
    serve(8080)                           # in the foreground until killed (tollbooth.py serve)

Routes (GET unless said; every JSON body ends with a newline, as httpbin's):
  /get, /anything[/...]    {"args", "headers", "origin", "url"} (+ "data", "json", "form" and
                           "method" for /anything): args as httpbin gives them (a repeated name
                           is a list), headers with httpbin's Title-Case names
  /post (POST), /put (PUT) the same with "data" (the body as text), "json" (parsed, or null),
                           "form" (a form body parsed)
  /delay/N                 waits N seconds (0 <= N <= 10, a float), then /get's JSON + "delay".
                           Counts how many /delay requests are in flight at once (peak below).
  /gather/N?key=K&timeout=S   holds each request until N requests with the same key (default
                           "default") are held at once, or S seconds (default 60, at most 120)
                           pass; then answers {"gathered": how many were held together,
                           "needed": N, "key": K}. Five threads that each get /gather/5 all
                           receive "gathered": 5 only if all five were waiting for their
                           responses at one moment: overlap shown by the server, not by a clock.
  /bytes/N?seed=S          N bytes (N <= 64 MiB): byte i = (7*i + i//256 + S) % 256 (S default
                           0), a formula a client can check without this server's code
  /stream-bytes/N?seed=S&chunk_size=C   the same bytes, chunked transfer coding, C per chunk
                           (default 10240)
  /stream/N                N JSON lines {"id": i, "url", "args"} (N <= 100), chunked
  /verify/N?seed=S (POST)  checks the body against /bytes/N?seed=S: {"length", "intact"}
  /status/CODE             that status (a 3xx carries Location: /get), empty body
  /redirect/N              302 to /redirect/N-1 ... /get
  /headers, /user-agent, /ip   httpbin's
  /encoding/utf8           a UTF-8 text/html page (charset=utf-8)
  /latin1                  text/plain with no charset, ISO-8859-1 bytes ("café" as 63 61 66 e9)
  /truncated/N             Content-Length: N, then N//2 bytes of /bytes' pattern, then the
                           connection closes (a server that dies mid-body)
  /stats                   {"requests", "delay_in_flight", "delay_peak"}; /stats?reset=1 zeroes
                           the counts first
  anything else            404 with an HTML body

HTTP/1.1 answers with Content-Length or chunked bodies; a request with `Connection: close`
(requests.py's) gets its connection closed after the response. One thread per connection
(http.server.ThreadingHTTPServer, daemon threads). Debian's python3 standard library only.

Locks: Server.lock guards the counts (requests, delay_in_flight, delay_peak, gather_timeouts)
and the open /gather groups (Server.groups); everything else a handler touches is its own.
"""
import contextlib
import http.server
import json
import sys
import threading
import time
import urllib.parse

MAX_BYTES = 64 * 1024 * 1024
MAX_DELAY = 10.0

_BASE = bytes((7 * i) & 255 for i in range(256))
_ROT = [bytes((j + s) & 255 for j in range(256)) for s in range(256)]


def pattern(n, seed=0, start=0):
    """The /bytes pattern: byte i = (7*i + i//256 + seed) % 256, for i in [start, start+n)."""
    out = []
    i = start
    end = start + n
    while i < end:
        block = i // 256
        lo = i % 256
        hi = min(256, lo + (end - i))
        out.append(_BASE.translate(_ROT[(block + seed) & 255])[lo:hi])
        i += hi - lo
    return b"".join(out)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port=0, verbose=False):
        self.lock = threading.Lock()
        self.verbose = verbose
        self.counts = {"requests": 0, "delay_in_flight": 0, "delay_peak": 0, "gather_timeouts": 0}
        self.groups = {}            # /gather key -> the group still filling up
        super().__init__(("127.0.0.1", port), Handler)
        self.port = self.server_address[1]

    def url(self, path="/", host="127.0.0.1"):
        return "http://%s:%d%s" % (host, self.port, path)

    def stats(self, reset=False):
        with self.lock:
            out = dict(self.counts)
            if reset:
                self.counts["requests"] = 0
                self.counts["delay_peak"] = self.counts["delay_in_flight"]
        return out

    def gather(self, key, needed, timeout):
        """Join the open group of `key` (a new one once a group is full); wait until it has
        `needed` members or timeout passes. Returns how many were in it then."""
        with self.lock:
            g = self.groups.get(key)
            if g is None or g["arrived"] >= g["needed"]:
                g = {"arrived": 0, "needed": needed, "full": threading.Event()}
                self.groups[key] = g
            g["arrived"] += 1
            if g["arrived"] >= g["needed"]:
                g["full"].set()
        if not g["full"].wait(timeout):
            with self.lock:
                self.counts["gather_timeouts"] += 1
        with self.lock:
            return g["arrived"]

    def count(self, name, delta):
        with self.lock:
            self.counts[name] += delta
            if name == "delay_in_flight":
                self.counts["delay_peak"] = max(self.counts["delay_peak"], self.counts[name])


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "tollbooth-httpbin/1"

    def log_message(self, fmt, *args):
        if self.server.verbose:
            sys.stderr.write("serve: %s %s\n" % (self.address_string(), fmt % args))

    # ---- helpers ------------------------------------------------------------------------------
    def _split(self):
        u = urllib.parse.urlsplit(self.path)
        pairs = urllib.parse.parse_qsl(u.query, keep_blank_values=True)
        return u.path, pairs

    @staticmethod
    def _args(pairs):
        args = {}
        for k, v in pairs:
            if k in args:
                if not isinstance(args[k], list):
                    args[k] = [args[k]]
                args[k].append(v)
            else:
                args[k] = v
        return args

    def _headers_dict(self):
        out = {}
        for k, v in self.headers.items():
            name = "-".join(p.capitalize() for p in k.split("-"))
            out[name] = v if name not in out else out[name] + "," + v
        return out

    def _body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def _echo(self, pairs, with_body=False, method=None):
        d = {"args": self._args(pairs), "headers": self._headers_dict(),
             "origin": self.client_address[0],
             "url": "http://%s%s" % (self.headers.get("Host", "127.0.0.1"), self.path)}
        if with_body:
            body = self._body()
            text = body.decode("utf-8", "replace")
            d["data"] = text
            form = {}
            if "application/x-www-form-urlencoded" in (self.headers.get("Content-Type") or ""):
                form = self._args(urllib.parse.parse_qsl(text, keep_blank_values=True))
                d["data"] = ""
            d["form"] = form
            try:
                d["json"] = json.loads(text) if text else None
            except ValueError:
                d["json"] = None
        if method:
            d["method"] = method
        return d

    def _send(self, code, body=b"", ctype="application/json", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, obj, code=200):
        self._send(code, (json.dumps(obj, indent=2, sort_keys=True) + "\n").encode())

    def _chunked(self, pieces, ctype):
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for p in pieces:
            if p:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(p), p))
                self.wfile.flush()
        self.wfile.write(b"0\r\n\r\n")

    def _not_found(self):
        self._send(404, b"<!DOCTYPE html>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n"
                        b"<p>The requested URL was not found on the server.</p>\n",
                   "text/html; charset=utf-8")

    @staticmethod
    def _int(text, hi):
        if not text.isdigit() or int(text) > hi:
            raise ValueError(text)
        return int(text)

    # ---- routes -------------------------------------------------------------------------------
    def _route(self, method):
        self.server.count("requests", 1)
        path, pairs = self._split()
        parts = [p for p in path.split("/") if p]
        head = parts[0] if parts else ""
        arg = parts[1] if len(parts) > 1 else None
        q = dict(pairs)
        try:
            if head == "get" and len(parts) == 1 and method in ("GET", "HEAD"):
                return self._json(self._echo(pairs))
            if head == "anything":
                return self._json(self._echo(pairs, True, method))
            if head in ("post", "put", "patch", "delete") and len(parts) == 1:
                if method != head.upper():
                    return self._send(405, b"", "text/html")
                return self._json(self._echo(pairs, True))
            if head == "delay" and arg is not None and method in ("GET", "HEAD"):
                seconds = float(arg)
                if not 0 <= seconds <= MAX_DELAY:
                    raise ValueError(arg)
                self.server.count("delay_in_flight", 1)
                try:
                    time.sleep(seconds)
                finally:
                    self.server.count("delay_in_flight", -1)
                d = self._echo(pairs)
                d["delay"] = seconds
                return self._json(d)
            if head == "gather" and arg is not None:
                needed = self._int(arg, 1000)
                timeout = min(float(q.get("timeout", "60")), 120.0)
                key = q.get("key", "default")
                got = self.server.gather(key, needed, timeout)
                return self._json({"gathered": got, "needed": needed, "key": key})
            if head == "bytes" and arg is not None:
                n = self._int(arg, MAX_BYTES)
                return self._send(200, pattern(n, int(q.get("seed", "0")) & 255),
                                  "application/octet-stream")
            if head == "verify" and arg is not None and method == "POST":
                n = self._int(arg, MAX_BYTES)
                body = self._body()
                return self._json({"length": len(body),
                                   "intact": body == pattern(n, int(q.get("seed", "0")) & 255)})
            if head == "stream-bytes" and arg is not None:
                n = self._int(arg, MAX_BYTES)
                seed = int(q.get("seed", "0")) & 255
                size = max(1, int(q.get("chunk_size", "10240")))
                return self._chunked((pattern(min(size, n - i), seed, i)
                                      for i in range(0, n, size)), "application/octet-stream")
            if head == "stream" and arg is not None:
                n = self._int(arg, 100)
                base = self._echo(pairs)
                return self._chunked(((json.dumps({"id": i, "url": base["url"],
                                                   "args": base["args"]}) + "\n").encode()
                                      for i in range(n)), "application/json")
            if head == "status" and arg is not None:
                code = self._int(arg, 599)
                if code < 200:
                    raise ValueError(arg)
                extra = [("Location", "/get")] if 300 <= code < 400 else []
                return self._send(code, b"", "text/html; charset=utf-8", extra)
            if head == "redirect" and arg is not None:
                n = self._int(arg, 50)
                where = "/get" if n <= 1 else "/redirect/%d" % (n - 1)
                return self._send(302, b"", "text/html; charset=utf-8", [("Location", where)])
            if head == "headers":
                return self._json({"headers": self._headers_dict()})
            if head == "user-agent":
                return self._json({"user-agent": self.headers.get("User-Agent")})
            if head == "ip":
                return self._json({"origin": self.client_address[0]})
            if head == "encoding" and arg == "utf8":
                return self._send(200, "<h1>Unicode Demo</h1>\n<p>Tollbooth: ä ö ü ß € "
                                       "λ 日本</p>\n".encode("utf-8"), "text/html; charset=utf-8")
            if head == "latin1":
                return self._send(200, "café crème\n".encode("latin-1"), "text/plain")
            if head == "truncated" and arg is not None:
                n = self._int(arg, MAX_BYTES)
                self.send_response(200)
                self.send_header("Content-Type", "application/octet-stream")
                self.send_header("Content-Length", str(n))
                self.end_headers()
                self.wfile.write(pattern(n // 2))
                self.wfile.flush()
                self.close_connection = True
                return None
            if head == "stats":
                return self._json(self.server.stats(reset=q.get("reset") == "1"))
        except ValueError:
            pass
        return self._not_found()

    def do_GET(self):
        self._route("GET")

    def do_HEAD(self):
        self._route("HEAD")

    def do_POST(self):
        self._route("POST")

    def do_PUT(self):
        self._route("PUT")

    def do_PATCH(self):
        self._route("PATCH")

    def do_DELETE(self):
        self._route("DELETE")


@contextlib.contextmanager
def running(port=0, verbose=False):
    """A Server on 127.0.0.1:port (0: a free port) in a background thread, shut down on exit."""
    srv = Server(port, verbose)
    t = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        t.join()


def serve(port=8080, verbose=False, out=sys.stdout):
    """In the foreground until killed (SIGINT/SIGTERM): prints "serving on 127.0.0.1:PORT"."""
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)     # killed: close the socket and exit 0
    srv = Server(port, verbose)
    out.write("serving on 127.0.0.1:%d (guest: http://host:%d/)\n" % (srv.port, srv.port))
    out.flush()
    try:
        srv.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        srv.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(serve(int(sys.argv[1]) if len(sys.argv) > 1 else 8080))
