"""requests: a small HTTP/1.1 client with the shape of the `requests` package's API
(Tollbooth's frozen module, written for the I/O-bound example of the GIL walkthrough, article D
of docs/experiments.md: five threads each call requests.get(url) and finish together, because
a thread waiting for the network does not hold the GIL).

    r = requests.get("http://host:8080/get", params={"a": "1"}, timeout=5)
    r.status_code, r.ok, r.reason, r.headers["content-type"], r.content, r.text, r.json()
    r.raise_for_status()          # HTTPError for 4xx/5xx
    requests.post(url, data={...} | b"..." | "...", json=obj)   # also put, patch, delete, head

What it speaks: plain http:// only (https:// raises InvalidSchema: there is no TLS here), one
request per connection (`Connection: close`), bodies sized by Content-Length, chunked
transfer coding or the end of the connection; redirects (301/302/303/307/308) followed up to
30 times, as requests does (HEAD: not followed unless allow_redirects=True). It asks for no
compression (Accept-Encoding: identity). timeout: None waits forever, a number bounds the
connect and every read, a (connect, read) pair bounds them separately.

Response.text decodes .content with .encoding: the Content-Type's charset if it names one,
else ISO-8859-1 for text/* (what requests does, after RFC 2616) and UTF-8 for everything else
(requests would guess with a character detector; we do not). Bytes the codec cannot decode
become U+FFFD, and a codec this interpreter does not know decodes as UTF-8, as in requests.

It uses only the `socket` module (create_connection, sendall, recv, settimeout, close) and
json, so it also runs unchanged under CPython 3.11 (copy interp/lib/requests/ to a folder of
its own to try it there: interp/lib also holds modules that would shadow CPython's).
Every wait is a socket call, which releases the GIL.

Errors (requests.exceptions, also attributes of this module): ConnectionError (refused, no
route, the host name unknown, reset before a response), ConnectTimeout / ReadTimeout (both
Timeouts), ChunkedEncodingError (the body ended early or was malformed), InvalidSchema,
MissingSchema, InvalidURL, TooManyRedirects, HTTPError (raise_for_status).

Locks: none. Nothing here is shared between calls: each request has its own socket, buffer
and Response; Session.headers is read, not written, by a request.
"""
import json as _json
import socket
import time

from requests import exceptions
from requests.exceptions import (
    RequestException, HTTPError, ConnectionError, Timeout, ConnectTimeout, ReadTimeout,
    TooManyRedirects, MissingSchema, InvalidSchema, InvalidURL, InvalidHeader,
    ChunkedEncodingError, InvalidJSONError, URLRequired)

__version__ = "0.1-tollbooth"
__all__ = ["get", "post", "put", "patch", "delete", "head", "options", "request", "Session",
           "Response", "exceptions", "RequestException", "HTTPError", "ConnectionError",
           "Timeout", "ConnectTimeout", "ReadTimeout", "TooManyRedirects", "MissingSchema",
           "InvalidSchema", "InvalidURL", "InvalidHeader", "ChunkedEncodingError", "codes"]

DEFAULT_HEADERS = (("User-Agent", "python-requests/" + __version__),
                   ("Accept-Encoding", "identity"), ("Accept", "*/*"), ("Connection", "close"))
MAX_REDIRECTS = 30
MAX_HEAD = 65536             # the status line and headers together, at most
RECV_SIZE = 65536

REASONS = {
    100: "Continue", 101: "Switching Protocols", 200: "OK", 201: "Created", 202: "Accepted",
    203: "Non-Authoritative Information", 204: "No Content", 205: "Reset Content",
    206: "Partial Content", 300: "Multiple Choices", 301: "Moved Permanently", 302: "Found",
    303: "See Other", 304: "Not Modified", 307: "Temporary Redirect", 308: "Permanent Redirect",
    400: "Bad Request", 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
    405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict", 410: "Gone",
    413: "Request Entity Too Large", 418: "I'm a teapot", 429: "Too Many Requests",
    500: "Internal Server Error", 501: "Not Implemented", 502: "Bad Gateway",
    503: "Service Unavailable", 504: "Gateway Timeout",
}


class _Codes:
    """requests.codes.ok == 200, codes.not_found == 404, ... (a few of requests' names)."""
    ok = 200
    created = 201
    no_content = 204
    moved_permanently = 301
    found = 302
    see_other = 303
    not_modified = 304
    temporary_redirect = 307
    permanent_redirect = 308
    bad_request = 400
    unauthorized = 401
    forbidden = 403
    not_found = 404
    teapot = 418
    too_many_requests = 429
    internal_server_error = 500
    service_unavailable = 503


codes = _Codes()


# ---- headers --------------------------------------------------------------------------------
class CaseInsensitiveDict:
    """A dict whose keys compare without case ("Content-Type" == "content-type"); iteration
    gives the keys as last set. Response.headers and Session.headers are these."""

    def __init__(self, data=None, **kwargs):
        self._store = {}
        if data is not None:
            self.update(data)
        self.update(kwargs)

    def __setitem__(self, key, value):
        self._store[key.lower()] = (key, value)

    def __getitem__(self, key):
        return self._store[key.lower()][1]

    def __delitem__(self, key):
        del self._store[key.lower()]

    def __contains__(self, key):
        return isinstance(key, str) and key.lower() in self._store

    def __iter__(self):
        return iter([k for k, v in self._store.values()])

    def __len__(self):
        return len(self._store)

    def __eq__(self, other):
        if not isinstance(other, CaseInsensitiveDict):
            try:
                other = CaseInsensitiveDict(other)
            except (TypeError, ValueError, AttributeError):
                return NotImplemented
        return dict(self.lower_items()) == dict(other.lower_items())

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def keys(self):
        return [k for k, v in self._store.values()]

    def values(self):
        return [v for k, v in self._store.values()]

    def items(self):
        return list(self._store.values())

    def lower_items(self):
        return [(k, kv[1]) for k, kv in self._store.items()]

    def update(self, other=(), **kwargs):
        if hasattr(other, "items"):
            other = other.items()
        for k, v in other:
            self[k] = v
        for k, v in kwargs.items():
            self[k] = v

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]

    def pop(self, key, *default):
        try:
            return self._store.pop(key.lower())[1]
        except KeyError:
            if default:
                return default[0]
            raise

    def copy(self):
        return CaseInsensitiveDict(self.items())

    def __repr__(self):
        return str(dict(self.items()))


# ---- text: str <-> bytes --------------------------------------------------------------------
def _latin1_decode(data):
    """ISO-8859-1 bytes to str (every byte is the code point of the same number)."""
    try:
        return data.decode("ascii")
    except UnicodeDecodeError:
        return "".join([chr(b) for b in data])


def _latin1_encode(text, what):
    """str to ISO-8859-1 bytes (header lines); a character above U+00FF is InvalidHeader."""
    try:
        return text.encode("ascii")
    except UnicodeEncodeError:
        pass
    for c in text:
        if ord(c) > 255:
            raise InvalidHeader("%s %r has a character ISO-8859-1 cannot carry" % (what, text))
    return bytes([ord(c) for c in text])


_LATIN1_NAMES = ("iso-8859-1", "iso8859-1", "iso_8859-1", "latin-1", "latin1", "l1", "8859")


def _decode(data, encoding):
    name = encoding.lower().replace("_", "-")
    if name in _LATIN1_NAMES:
        return _latin1_decode(data)
    try:
        return data.decode(encoding, "replace")
    except LookupError:            # a codec this interpreter lacks: UTF-8, as requests does
        return data.decode("utf-8", "replace")


def _content_type_params(value):
    """'text/html; charset="utf-8"' -> ('text/html', {'charset': 'utf-8'})."""
    parts = value.split(";")
    params = {}
    for p in parts[1:]:
        k, eq, v = p.partition("=")
        if eq:
            params[k.strip().lower()] = v.strip().strip("'\"")
    return parts[0].strip().lower(), params


def get_encoding_from_headers(headers):
    """The charset the headers name; ISO-8859-1 for text/* without one; UTF-8 for JSON; None."""
    value = headers.get("content-type")
    if not value:
        return None
    ctype, params = _content_type_params(value)
    if "charset" in params:
        return params["charset"]
    if ctype.startswith("text"):
        return "ISO-8859-1"
    if "application/json" in ctype:
        return "utf-8"
    return None


# ---- URLs -----------------------------------------------------------------------------------
_UNRESERVED = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-~"


def _quote_plus(value):
    """application/x-www-form-urlencoded: unreserved bytes as they are, ' ' as '+', the rest %XX
    (the UTF-8 bytes of the text)."""
    if not isinstance(value, (bytes, bytearray)):
        value = str(value).encode("utf-8")
    out = []
    for b in value:
        c = chr(b)
        if c in _UNRESERVED:
            out.append(c)
        elif c == " ":
            out.append("+")
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def _quote_url_part(text, safe):
    """Percent-encode what may not stand in a URL (spaces, non-ASCII), keep '%' escapes as they
    are, as requests' requote_uri does."""
    out = []
    for b in text.encode("utf-8"):
        c = chr(b)
        if c in _UNRESERVED or c in safe or c == "%":
            out.append(c)
        else:
            out.append("%%%02X" % b)
    return "".join(out)


def _pairs(data):
    """dict / list of pairs -> [(key, value)], a list value giving one pair per item."""
    if hasattr(data, "items"):
        data = data.items()
    out = []
    for k, v in data:
        if v is None:
            continue
        if isinstance(v, (list, tuple)):
            for item in v:
                out.append((k, item))
        else:
            out.append((k, v))
    return out


def urlencode(data):
    if isinstance(data, (str, bytes)):
        return data.decode("utf-8") if isinstance(data, bytes) else data
    return "&".join([_quote_plus(k) + "=" + _quote_plus(v) for k, v in _pairs(data)])


class _URL:
    """http://host[:port]/path?query split into its parts (the fragment is dropped, as a
    client does)."""

    def __init__(self, url, params=None):
        if not isinstance(url, str):
            url = url.decode("utf-8") if isinstance(url, bytes) else str(url)
        url = url.strip()
        if not url:
            raise URLRequired("no URL given")
        scheme, sep, rest = url.partition("://")
        if not sep or "/" in scheme or not scheme:
            raise MissingSchema("Invalid URL %r: No scheme supplied. Perhaps you meant "
                                "http://%s?" % (url, url))
        self.scheme = scheme.lower()
        if self.scheme != "http":
            raise InvalidSchema("No connection adapters were found for %r (this requests speaks "
                                "plain http:// only: there is no TLS here)" % url)
        rest = rest.partition("#")[0]
        cut = len(rest)
        for ch in "/?":
            i = rest.find(ch)
            if 0 <= i < cut:
                cut = i
        netloc, tail = rest[:cut], rest[cut:]
        if "@" in netloc:
            raise InvalidURL("Invalid URL %r: user:password@ is not supported" % url)
        host, colon, port = netloc.rpartition(":") if ":" in netloc else (netloc, "", "")
        if not host:
            raise InvalidURL("Invalid URL %r: No host supplied" % url)
        if colon:
            if not port.isdigit() or not 0 < int(port) < 65536:
                raise InvalidURL("Invalid URL %r: bad port %r" % (url, port))
            self.port = int(port)
        else:
            self.port = 80
        self.host = host.lower()
        path, q, query = tail.partition("?")
        self.path = _quote_url_part(path or "/", "/:@!$&'()*+,;=")
        self.query = _quote_url_part(query, "/:@!$&'()*+,;=?") if q else ""
        if params:
            extra = urlencode(params)
            if extra:
                self.query = self.query + "&" + extra if self.query else extra
        self.netloc = self.host if self.port == 80 else "%s:%d" % (self.host, self.port)

    def target(self):
        """The request target: path?query."""
        return self.path + ("?" + self.query if self.query else "")

    def __str__(self):
        return "http://" + self.netloc + self.target()

    def join(self, location):
        """An absolute URL for a redirect's Location (absolute, //host, /path or relative)."""
        if "://" in location.split("?")[0]:
            return location
        if location.startswith("//"):
            return "http:" + location
        if location.startswith("/"):
            return "http://" + self.netloc + location
        base = self.path.rpartition("/")[0]
        return "http://" + self.netloc + base + "/" + location


# ---- the request and the response ------------------------------------------------------------
class PreparedRequest:
    """What was sent: .method, .url, .headers, .body (bytes or None)."""

    def __init__(self, method, url, headers, body):
        self.method, self.url, self.headers, self.body = method, url, headers, body

    def __repr__(self):
        return "<PreparedRequest [%s]>" % self.method


class Response:
    """One HTTP response, read whole before it is returned (there is no stream=True)."""

    def __init__(self):
        self.status_code = None
        self.reason = None
        self.headers = CaseInsensitiveDict()
        self.raw_version = None          # "HTTP/1.1"
        self._content = b""
        self.encoding = None
        self.url = None
        self.history = []
        self.request = None
        self.elapsed = None              # seconds (a float; requests gives a timedelta)

    def __repr__(self):
        return "<Response [%s]>" % self.status_code

    def __bool__(self):
        return self.ok

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        pass                             # the connection closed when the body was read

    @property
    def ok(self):
        return self.status_code < 400

    @property
    def is_redirect(self):
        return "location" in self.headers and self.status_code in (301, 302, 303, 307, 308)

    @property
    def content(self):
        return self._content

    @property
    def apparent_encoding(self):
        return "utf-8"

    @property
    def text(self):
        if not self._content:
            return ""
        return _decode(self._content, self.encoding or "utf-8")

    def json(self, **kwargs):
        """The body as JSON (json.loads of .text); json.JSONDecodeError when it is not JSON."""
        return _json.loads(self.text, **kwargs)

    def iter_content(self, chunk_size=1, decode_unicode=False):
        data = self.text if decode_unicode else self._content
        step = chunk_size or len(data) or 1
        for i in range(0, len(data), step):
            yield data[i:i + step]

    def iter_lines(self, chunk_size=512, decode_unicode=False, delimiter=None):
        data = self.text if decode_unicode else self._content
        lines = data.split(delimiter) if delimiter else data.splitlines()
        for line in lines:
            yield line

    @property
    def links(self):
        return {}

    def raise_for_status(self):
        """HTTPError for a 4xx or 5xx status, with requests' message."""
        if 400 <= self.status_code < 500:
            kind = "Client Error"
        elif 500 <= self.status_code < 600:
            kind = "Server Error"
        else:
            return
        raise HTTPError("%s %s: %s for url: %s" % (self.status_code, kind, self.reason, self.url),
                        response=self)


# ---- the wire ---------------------------------------------------------------------------------
class _Reader:
    """Bytes from a connected socket through one buffer: lines for the head and the chunk sizes,
    exact counts for bodies. Every wait is sock.recv (the GIL is released there)."""

    def __init__(self, sock):
        self.sock = sock
        self.buf = b""
        self.eof = False

    def _fill(self):
        data = self.sock.recv(RECV_SIZE)
        if not data:
            self.eof = True
        self.buf += data
        return len(data)

    def head(self):
        """Everything up to and including the blank line after the headers; b"" if the peer
        closed before sending anything."""
        while True:
            i = self.buf.find(b"\r\n\r\n")
            if i >= 0:
                out, self.buf = self.buf[:i + 4], self.buf[i + 4:]
                return out
            if len(self.buf) > MAX_HEAD:
                raise ConnectionError("the response's headers are longer than %d bytes" % MAX_HEAD)
            if self.eof or not self._fill():
                if self.buf:
                    raise ConnectionError("Connection aborted: the response ended inside its "
                                          "headers")
                return b""

    def line(self):
        while True:
            i = self.buf.find(b"\r\n")
            if i >= 0:
                out, self.buf = self.buf[:i], self.buf[i + 2:]
                return out
            if len(self.buf) > MAX_HEAD or self.eof or not self._fill():
                raise ChunkedEncodingError("Connection broken: the chunked body ended early")

    def exactly(self, n):
        parts = []
        have = 0
        while True:
            if self.buf:
                take = self.buf[:n - have]
                self.buf = self.buf[len(take):]
                parts.append(take)
                have += len(take)
            if have == n:
                return b"".join(parts)
            if self.eof or not self._fill():
                raise ChunkedEncodingError("Connection broken: IncompleteRead(%d bytes read, %d "
                                           "more expected)" % (have, n - have))

    def rest(self):
        parts = [self.buf]
        self.buf = b""
        while not self.eof:
            data = self.sock.recv(RECV_SIZE)
            if not data:
                break
            parts.append(data)
        self.eof = True
        return b"".join(parts)


def _parse_head(raw, resp):
    lines = _latin1_decode(raw).split("\r\n")
    version, _, rest = lines[0].partition(" ")
    code, _, reason = rest.partition(" ")
    if not version.startswith("HTTP/") or not code.isdigit():
        raise ConnectionError("Connection aborted: bad status line %r" % lines[0])
    resp.raw_version = version
    resp.status_code = int(code)
    resp.reason = reason or REASONS.get(resp.status_code, "")
    resp.headers = CaseInsensitiveDict()
    for line in lines[1:]:
        if not line:
            continue
        name, colon, value = line.partition(":")
        if not colon:
            continue
        name, value = name.strip(), value.strip()
        if name in resp.headers:           # repeated fields combine, as urllib3 does
            resp.headers[name] = resp.headers[name] + ", " + value
        else:
            resp.headers[name] = value


def _read_body(reader, resp, method):
    if method == "HEAD" or resp.status_code in (204, 304) or 100 <= resp.status_code < 200:
        return b""
    te = resp.headers.get("transfer-encoding", "").lower()
    if "chunked" in te:
        parts = []
        while True:
            size_line = reader.line().split(b";")[0].strip()
            try:
                size = int(size_line.decode("ascii"), 16)
            except (ValueError, UnicodeDecodeError):
                raise ChunkedEncodingError("Connection broken: bad chunk size %r" % size_line)
            if size == 0:
                while reader.line():       # trailer fields, then the blank line
                    pass
                return b"".join(parts)
            parts.append(reader.exactly(size))
            if reader.exactly(2) != b"\r\n":
                raise ChunkedEncodingError("Connection broken: a chunk did not end with CRLF")
    length = resp.headers.get("content-length")
    if length is not None:
        try:
            n = int(length.split(",")[0])
        except ValueError:
            raise ConnectionError("Connection aborted: bad Content-Length %r" % length)
        return reader.exactly(n)
    return reader.rest()


def _timeouts(timeout):
    if isinstance(timeout, tuple):
        return timeout[0], timeout[1]
    return timeout, timeout


def _send_once(prep, url, timeout):
    """One request on a fresh connection; the Response read whole; the socket closed."""
    connect_timeout, read_timeout = _timeouts(timeout)
    where = "%s:%d" % (url.host, url.port)
    try:
        sock = socket.create_connection((url.host, url.port), connect_timeout)
    except TimeoutError as e:
        raise ConnectTimeout("Connection to %s timed out (connect timeout=%s)"
                             % (where, connect_timeout), request=prep)
    except socket.gaierror as e:
        raise ConnectionError("Failed to resolve %r (%s)" % (url.host, e), request=prep)
    except OSError as e:
        raise ConnectionError("Failed to establish a new connection to %s: %s" % (where, e),
                              request=prep)
    resp = Response()
    resp.request = prep
    resp.url = prep.url
    phase = "send"
    try:
        sock.settimeout(read_timeout)
        lines = ["%s %s HTTP/1.1" % (prep.method, url.target())]
        for k, v in prep.headers.items():
            lines.append("%s: %s" % (k, v))
        head = _latin1_encode("\r\n".join(lines) + "\r\n\r\n", "header")
        sock.sendall(head + prep.body if prep.body else head)
        phase = "head"
        reader = _Reader(sock)
        while True:
            raw = reader.head()
            if not raw:
                raise ConnectionError("Connection aborted: the server closed the connection "
                                      "without a response", request=prep)
            _parse_head(raw, resp)
            if resp.status_code >= 200 or resp.status_code == 101:
                break                      # 1xx interim responses are skipped
        phase = "body"
        resp._content = _read_body(reader, resp, prep.method)
    except TimeoutError:
        raise ReadTimeout("Read timed out from %s (read timeout=%s)" % (where, read_timeout),
                          request=prep)
    except RequestException as e:
        if e.request is None:
            e.request = prep
        raise
    except OSError as e:
        if phase == "body":
            raise ChunkedEncodingError("Connection broken: %r" % (e,), request=prep)
        raise ConnectionError("Connection aborted: %r" % (e,), request=prep)
    finally:
        sock.close()
    resp.encoding = get_encoding_from_headers(resp.headers)
    return resp


def _prepare_body(data, json, files, headers):
    if files:
        raise NotImplementedError("files= (multipart bodies) is not supported here")
    if json is not None and not data:
        try:
            body = _json.dumps(json, allow_nan=False).encode("utf-8")
        except ValueError as e:
            raise InvalidJSONError(str(e))
        headers.setdefault("Content-Type", "application/json")
        return body
    if data is None or data == {} or data == []:
        return None
    if isinstance(data, str):
        return data.encode("utf-8")
    if isinstance(data, (bytes, bytearray)):
        return bytes(data)
    if hasattr(data, "read"):
        body = data.read()
        return body.encode("utf-8") if isinstance(body, str) else body
    headers.setdefault("Content-Type", "application/x-www-form-urlencoded")
    return urlencode(data).encode("ascii")


def request(method, url, params=None, data=None, headers=None, cookies=None, files=None,
            auth=None, timeout=None, allow_redirects=True, proxies=None, hooks=None,
            stream=None, verify=None, cert=None, json=None, _session_headers=None):
    """Send one request (following redirects) and return its Response."""
    if auth is not None or cookies:
        raise NotImplementedError("auth= and cookies= are not supported here")
    method = method.upper()
    started = time.time()
    history = []
    while True:
        u = _URL(url, params)
        hdrs = CaseInsensitiveDict()
        hdrs["Host"] = u.netloc
        for k, v in DEFAULT_HEADERS:
            hdrs[k] = v
        if _session_headers:
            hdrs.update(_session_headers)
        if headers:
            hdrs.update(headers)
        for k, v in list(hdrs.items()):
            if v is None:
                del hdrs[k]
            elif "\r" in str(v) or "\n" in str(v) or "\r" in k or "\n" in k:
                raise InvalidHeader("Invalid leading whitespace, reserved character(s), or "
                                    "return character(s) in header %r" % k)
            else:
                hdrs[k] = str(v)
        body = _prepare_body(data, json, files, hdrs)
        if body is not None:
            hdrs["Content-Length"] = str(len(body))
        elif method in ("POST", "PUT", "PATCH"):
            hdrs["Content-Length"] = "0"
        prep = PreparedRequest(method, str(u), hdrs, body)
        resp = _send_once(prep, u, timeout)
        resp.history = list(history)
        if not (allow_redirects and resp.is_redirect):
            resp.elapsed = time.time() - started
            return resp
        history.append(resp)
        if len(history) > MAX_REDIRECTS:
            raise TooManyRedirects("Exceeded %d redirects." % MAX_REDIRECTS, response=resp)
        url = u.join(resp.headers["location"])
        params = None
        if resp.status_code == 303 and method != "HEAD" or \
                resp.status_code in (301, 302) and method == "POST":
            method, data, json = "GET", None, None
            headers = dict(headers or {})
            for k in list(headers):
                if k.lower() in ("content-type", "content-length"):
                    del headers[k]


def get(url, params=None, **kwargs):
    return request("GET", url, params=params, **kwargs)


def options(url, **kwargs):
    return request("OPTIONS", url, **kwargs)


def head(url, **kwargs):
    kwargs.setdefault("allow_redirects", False)
    return request("HEAD", url, **kwargs)


def post(url, data=None, json=None, **kwargs):
    return request("POST", url, data=data, json=json, **kwargs)


def put(url, data=None, **kwargs):
    return request("PUT", url, data=data, **kwargs)


def patch(url, data=None, **kwargs):
    return request("PATCH", url, data=data, **kwargs)


def delete(url, **kwargs):
    return request("DELETE", url, **kwargs)


class Session:
    """requests.Session(): headers (and nothing else) shared by its requests; no connection
    pooling (every request has its own connection)."""

    def __init__(self):
        self.headers = CaseInsensitiveDict()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def close(self):
        pass

    def request(self, method, url, **kwargs):
        return request(method, url, _session_headers=self.headers, **kwargs)

    def get(self, url, **kwargs):
        return self.request("GET", url, **kwargs)

    def head(self, url, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return self.request("HEAD", url, **kwargs)

    def options(self, url, **kwargs):
        return self.request("OPTIONS", url, **kwargs)

    def post(self, url, data=None, json=None, **kwargs):
        return self.request("POST", url, data=data, json=json, **kwargs)

    def put(self, url, data=None, **kwargs):
        return self.request("PUT", url, data=data, **kwargs)

    def patch(self, url, data=None, **kwargs):
        return self.request("PATCH", url, data=data, **kwargs)

    def delete(self, url, **kwargs):
        return self.request("DELETE", url, **kwargs)


def session():
    return Session()
