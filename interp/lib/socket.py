"""socket: TCP and UDP over IPv4, as CPython 3.11's socket module (Tollbooth's frozen module).

The C core is _socket (interp/modules/mod_socket.c), which reaches the network only through
interp/port/port.h: POSIX sockets on the host, the kernel's own TCP/IP stack in the guest. This
half adds what CPython's socket.py adds: the AddressFamily and SocketKind enums, the socket class
with accept(), makefile(), `with` and CPython's repr, create_connection, create_server,
getaddrinfo and friends.

Differences from CPython: AF_INET only (AF_INET6 and AF_UNIX raise OSError EAFNOSUPPORT);
names resolve through a small hosts table ("localhost"; "host" as well: the host machine) and
numbers, never DNS (other names raise gaierror); no send/recv flags; makefile() gives a small
buffered file (read, readline, readlines, iteration, write, flush, close), not io's classes, and
in text mode only "\\n" and "\\r\\n" end a line; socketpair() is two TCP sockets over 127.0.0.1.
fileno() numbers are the platform's (the guest's are not file descriptors).
"""
import _socket
from _socket import *
from enum import IntEnum as _IntEnum

__all__ = ['socket', 'SocketType', 'AddressFamily', 'SocketKind', 'error', 'timeout',
           'gaierror', 'herror', 'create_connection', 'create_server', 'getaddrinfo',
           'gethostbyname', 'gethostbyname_ex', 'getservbyname', 'getservbyport', 'gethostname', 'getfqdn', 'socketpair',
           'inet_aton', 'inet_ntoa', 'inet_pton', 'inet_ntop', 'htons', 'ntohs', 'htonl',
           'ntohl', 'getdefaulttimeout', 'setdefaulttimeout', 'has_ipv6']
__all__.extend(n for n in dir(_socket) if n.isupper() and not n.startswith('_'))


class AddressFamily(_IntEnum):
    AF_UNSPEC = 0
    AF_UNIX = 1
    AF_INET = 2
    AF_INET6 = 10


class SocketKind(_IntEnum):
    SOCK_STREAM = 1
    SOCK_DGRAM = 2
    SOCK_RAW = 3


AF_UNSPEC = AddressFamily.AF_UNSPEC
AF_UNIX = AddressFamily.AF_UNIX
AF_INET = AddressFamily.AF_INET
AF_INET6 = AddressFamily.AF_INET6
SOCK_STREAM = SocketKind.SOCK_STREAM
SOCK_DGRAM = SocketKind.SOCK_DGRAM
SOCK_RAW = SocketKind.SOCK_RAW

_GLOBAL_DEFAULT_TIMEOUT = object()


def _intenum_converter(value, enum_klass):
    try:
        return enum_klass(value)
    except ValueError:
        return value


def _index(v):
    if isinstance(v, int):
        return int(v)
    raise TypeError("'%s' object cannot be interpreted as an integer" % type(v).__name__)


class socket(_socket.socket):
    """A TCP or UDP socket: socket(family=AF_INET, type=SOCK_STREAM, proto=0, fileno=None)."""

    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if fileno is None:
            if family == -1:
                family = AF_INET
            if type == -1:
                type = SOCK_STREAM
            if proto == -1:
                proto = 0
        _socket.socket.__init__(self, family, type, proto, fileno)
        self._io_refs = 0
        self._closed = False

    def __enter__(self):
        return self

    def __exit__(self, *args):
        if not self._closed:
            self.close()

    def __repr__(self):
        closed = getattr(self, '_closed', False)
        s = "<%s.%s%s fd=%i, family=%s, type=%s, proto=%i" % (
            self.__class__.__module__, self.__class__.__qualname__,
            " [closed]" if closed else "", self.fileno(), self.family, self.type, self.proto)
        if not closed:
            try:
                laddr = self.getsockname()
                if laddr:
                    s += ", laddr=%s" % str(laddr)
            except error:
                pass
            try:
                raddr = self.getpeername()
                if raddr:
                    s += ", raddr=%s" % str(raddr)
            except error:
                pass
        return s + '>'

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def accept(self):
        """accept() -> (socket object, address info): a new connection."""
        fd, addr = self._accept()
        sock = socket(self.family, self.type, self.proto, fileno=fd)
        if getdefaulttimeout() is None and self.gettimeout():
            sock.setblocking(True)
        return sock, addr

    def makefile(self, mode="r", buffering=None, *, encoding=None, errors=None, newline=None):
        """makefile(mode='r') -> a file object over the socket: read, readline, write, flush,
        close ('r', 'w', 'b' as CPython's). Closing the socket leaves it open until the file
        is closed too."""
        if not set(mode) <= {"r", "w", "b"}:
            raise ValueError("invalid mode %r (only r, w, b allowed)" % (mode,))
        reading = "r" in mode
        writing = "w" in mode
        if not reading and not writing:
            reading = True
        binary = "b" in mode
        if binary and encoding is not None:
            raise ValueError("binary mode doesn't take an encoding argument")
        f = _SocketFile(self, reading, writing, binary, mode)
        self._io_refs += 1
        return f

    def _decref_socketios(self):
        if self._io_refs > 0:
            self._io_refs -= 1
        if self._closed:
            self.close()

    def _real_close(self, _ss=_socket.socket):
        _ss.close(self)

    def close(self):
        """close(): release the socket (once no makefile() file is open on it)."""
        self._closed = True
        if self._io_refs <= 0:
            self._real_close()

    def detach(self):
        """detach() -> the descriptor, which this object no longer closes."""
        self._closed = True
        return super().detach()

    @property
    def family(self):
        """The address family (AddressFamily)."""
        return _intenum_converter(super().family, AddressFamily)

    @property
    def type(self):
        """The socket type (SocketKind)."""
        return _intenum_converter(super().type, SocketKind)


SocketType = _socket.socket


class _SocketFile:
    """What socket.makefile() returns: a buffered file over the socket. Reads fill a buffer
    with recv(); writes collect until flush() (or 8 KiB), then go with sendall()."""

    _CHUNK = 8192

    def __init__(self, sock, reading, writing, binary, mode):
        self._sock = sock
        self._reading = reading
        self._writing = writing
        self._binary = binary
        self.mode = mode
        self._rbuf = bytearray()        # bytes received, not yet returned (or decoded)
        self._tbuf = ""                 # text mode: decoded, not yet returned
        self._wbuf = bytearray()
        self._eof = False
        self._closed = False

    @property
    def closed(self):
        return self._closed

    @property
    def name(self):
        return self._sock.fileno()

    def _check(self, reading):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        if reading and not self._reading:
            raise OSError("File not open for reading") if self._binary else _unsupported("not readable")
        if not reading and not self._writing:
            raise OSError("File not open for writing") if self._binary else _unsupported("not writable")

    def _fill(self):
        if self._eof:
            return False
        data = self._sock.recv(self._CHUNK)
        if not data:
            self._eof = True
            return False
        self._rbuf += data
        return True

    def _more(self):
        """Text mode: decode what has arrived into _tbuf; a character cut off at the end, or a
        "\r" that may start a "\r\n", waits in _rbuf for the next recv. False at EOF."""
        got = self._fill()
        raw = bytes(self._rbuf)
        used = len(raw)
        if got:
            k = 1
            while k <= min(4, used) and raw[used - k] & 0xC0 == 0x80:
                k += 1
            if k <= used:
                lead = raw[used - k]
                need = 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
                if need > k:
                    used -= k
            if used and raw[used - 1] == 13:
                used -= 1
        text = raw[:used].decode("utf-8")
        del self._rbuf[:used]
        self._tbuf += text.replace("\r\n", "\n")
        return got

    def read(self, size=-1):
        self._check(True)
        if size is None:
            size = -1
        if not self._binary:
            while (size < 0 or len(self._tbuf) < size) and self._more():
                pass
            n = len(self._tbuf) if size < 0 else size
            out = self._tbuf[:n]
            self._tbuf = self._tbuf[n:]
            return out
        while (size < 0 or len(self._rbuf) < size) and self._fill():
            pass
        n = len(self._rbuf) if size < 0 else size
        data = bytes(self._rbuf[:n])
        del self._rbuf[:n]
        return data

    def readline(self, size=-1):
        self._check(True)
        if size is None:
            size = -1
        start = 0
        while True:
            b = self._rbuf if self._binary else self._tbuf
            i = b.find(b"\n" if self._binary else "\n", start)
            if i >= 0:
                n = i + 1
                break
            if 0 <= size <= len(b):
                n = size
                break
            start = len(b)
            if not (self._fill() if self._binary else self._more()):
                n = len(self._rbuf if self._binary else self._tbuf)
                break
        if 0 <= size < n:
            n = size
        if self._binary:
            data = bytes(self._rbuf[:n])
            del self._rbuf[:n]
            return data
        out = self._tbuf[:n]
        self._tbuf = self._tbuf[n:]
        return out

    def readlines(self, hint=-1):
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint <= total:
                return lines

    def __iter__(self):
        self._check(True)
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def write(self, data):
        self._check(False)
        if self._binary:
            if isinstance(data, str):
                raise TypeError("a bytes-like object is required, not 'str'")
            b = bytes(data)
            n = len(b)
        else:
            if not isinstance(data, str):
                raise TypeError("write() argument must be str, not %s" % type(data).__name__)
            b = data.encode("utf-8")
            n = len(data)
        self._wbuf += b
        if len(self._wbuf) >= self._CHUNK:
            self.flush()
        return n

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        if self._closed:
            raise ValueError("I/O operation on closed file.")
        if self._wbuf:
            data = bytes(self._wbuf)
            self._wbuf = bytearray()
            self._sock.sendall(data)

    def readable(self):
        return self._reading

    def writable(self):
        return self._writing

    def seekable(self):
        return False

    def fileno(self):
        return self._sock.fileno()

    def close(self):
        if self._closed:
            return
        try:
            if self._writing and self._wbuf:
                self.flush()
        finally:
            self._closed = True
            self._sock._decref_socketios()

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __repr__(self):
        return "<socket file mode=%r fd=%d>" % (self.mode, self._sock.fileno())


def _unsupported(what):
    import io
    return io.UnsupportedOperation(what)


# ---- names and addresses ----------------------------------------------------------------------
# A few well-known service names (what /etc/services says on Linux); no other lookup.
_SERVICES = {'echo': 7, 'ftp': 21, 'ssh': 22, 'telnet': 23, 'smtp': 25, 'domain': 53,
             'http': 80, 'https': 443}
_AI_FLAGS = 0x1 | 0x2 | 0x4 | 0x8 | 0x10 | 0x20 | 0x40 | 0x80 | 0x400


def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
    """getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) -> a list of
    (family, type, proto, canonname, (address, port)): numbers and the hosts table only."""
    if host is None:
        name = None
    elif isinstance(host, str):
        name = host
    elif isinstance(host, bytes):
        name = host.decode("ascii", "replace")
    else:
        raise TypeError("getaddrinfo() argument 1 must be string or None")
    if isinstance(port, int):
        serv = "%d" % port
    elif isinstance(port, str):
        serv = port
    elif isinstance(port, bytes):
        serv = port.decode("ascii", "replace")
    elif port is None:
        serv = None
    else:
        raise error("Int or String expected")
    family = _index(family)
    type = _index(type)
    proto = _index(proto)
    flags = _index(flags)
    if name is None and serv is None:
        raise gaierror(EAI_NONAME, "Name or service not known")
    if flags & ~_AI_FLAGS:
        raise gaierror(-1, "Bad value for ai_flags")
    if family not in (AF_UNSPEC, AF_INET, AF_INET6):
        raise gaierror(EAI_FAMILY, "ai_family not supported")
    kinds = {1: IPPROTO_TCP, 2: IPPROTO_UDP, 3: 0}     # SOCK_STREAM, SOCK_DGRAM, SOCK_RAW
    if type == 0:
        wanted = list(kinds.items())
        if proto in (IPPROTO_TCP, IPPROTO_UDP):
            wanted = [(t, p) for t, p in wanted if p == proto]
        elif proto:
            wanted = [(3, proto)]
    elif type in kinds:
        if proto not in (0, kinds[type]) and type != 3:
            raise gaierror(EAI_SOCKTYPE, "ai_socktype not supported")
        wanted = [(type, proto or kinds[type])]
    else:
        raise gaierror(EAI_SOCKTYPE, "ai_socktype not supported")
    if serv is None:
        number = 0
    else:
        s = serv.lstrip()
        if s.isdigit() and s.isascii():
            number = int(s) & 0xffff
        elif not s:
            number = 0
        elif s in _SERVICES and not flags & AI_NUMERICSERV:
            number = _SERVICES[s]
        else:
            raise gaierror(EAI_SERVICE, "Servname not supported for ai_socktype")
    if name is None:
        addr = "0.0.0.0" if flags & AI_PASSIVE else "127.0.0.1"
    else:
        addr = inet_ntoa(_socket._resolve(name, flags & AI_NUMERICHOST).to_bytes(4, "big"))
        if family == AF_INET6:
            numeric = True
            try:
                _socket._resolve(name, True)
            except gaierror:
                numeric = False
            if numeric:
                raise gaierror(-9, "Address family for hostname not supported")
            raise gaierror(EAI_NONAME, "Name or service not known")
    result = []
    for t, p in wanted:
        canon = name if flags & AI_CANONNAME and not result else ''
        result.append((AF_INET, _intenum_converter(t, SocketKind), p, canon, (addr, number)))
    return result


def getservbyname(servicename, protocolname=None):
    """getservbyname(servicename[, protocolname]) -> port number (a few well-known names)."""
    if servicename in _SERVICES and protocolname in (None, 'tcp', 'udp'):
        return _SERVICES[servicename]
    raise OSError("service/proto not found")


def getservbyport(port, protocolname=None):
    """getservbyport(port[, protocolname]) -> service name (a few well-known ports)."""
    port = _index(port)
    if not 0 <= port <= 0xffff:
        raise OverflowError("getservbyport: port must be 0-65535.")
    for name, number in _SERVICES.items():
        if number == port and protocolname in (None, 'tcp', 'udp'):
            return name
    raise OSError("port/proto not found")


def gethostbyname_ex(hostname):
    """gethostbyname_ex(host) -> (name, aliaslist, addresslist)"""
    return (hostname, [], [gethostbyname(hostname)])


def gethostname():
    """gethostname() -> the machine's name: 'localhost' (the hosts table knows no other)."""
    return "localhost"


def getfqdn(name=''):
    """getfqdn(name='') -> the name itself, or gethostname() for ''."""
    name = name.strip()
    return name if name and name != '0.0.0.0' else gethostname()


def inet_pton(address_family, ip_string):
    """inet_pton(AF_INET, ip_string) -> 4 packed bytes (a strict dotted quad)."""
    if address_family != AF_INET:
        raise OSError(97, "Address family not supported by protocol")
    parts = ip_string.split(".")
    if len(parts) != 4 or not all(p.isdigit() and p.isascii() and len(p) <= 3 and int(p) <= 255
                                  for p in parts):
        raise OSError("illegal IP address string passed to inet_pton")
    return bytes(int(p) for p in parts)


def inet_ntop(address_family, packed_ip):
    """inet_ntop(AF_INET, packed_ip) -> 'a.b.c.d'"""
    if address_family != AF_INET:
        raise ValueError("unknown address family %d" % address_family)
    if len(memoryview(packed_ip).tobytes()) != 4:
        raise ValueError("invalid length of packed IP address string")
    return inet_ntoa(packed_ip)


def _uint(x, bits, name):
    x = _index(x)
    if bits == 16:
        if x < 0:
            raise OverflowError("%s: can't convert negative Python int to C 16-bit unsigned integer" % name)
        if x > 0xffff:
            raise OverflowError("%s: Python int too large to convert to C 16-bit unsigned integer" % name)
    else:
        if x < 0:
            raise OverflowError("can't convert negative value to unsigned int")
        if x > 0xffffffffffffffff:
            raise OverflowError("Python int too large to convert to C unsigned long")
        if x > 0xffffffff:
            raise OverflowError("int larger than 32 bits")
    return x


def htons(x):
    """htons(integer) -> the 16-bit integer in network byte order."""
    x = _uint(x, 16, "htons")
    return (x & 0xff) << 8 | x >> 8


def ntohs(x):
    """ntohs(integer) -> the 16-bit integer in host byte order."""
    x = _uint(x, 16, "ntohs")
    return (x & 0xff) << 8 | x >> 8


def htonl(x):
    """htonl(integer) -> the 32-bit integer in network byte order."""
    return int.from_bytes(_uint(x, 32, "htonl").to_bytes(4, "big"), "little")


def ntohl(x):
    """ntohl(integer) -> the 32-bit integer in host byte order."""
    return int.from_bytes(_uint(x, 32, "ntohl").to_bytes(4, "big"), "little")


# ---- convenience ------------------------------------------------------------------------------
def create_connection(address, timeout=_GLOBAL_DEFAULT_TIMEOUT, source_address=None, *,
                      all_errors=False):
    """create_connection((host, port), timeout=..., source_address=None) -> a connected TCP
    socket, trying each address getaddrinfo gives; the first error is raised."""
    host, port = address
    exceptions = []
    for res in getaddrinfo(host, port, 0, SOCK_STREAM):
        af, socktype, proto, canonname, sa = res
        sock = None
        try:
            sock = socket(af, socktype, proto)
            if timeout is not _GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sa)
            exceptions.clear()
            return sock
        except error as exc:
            if not all_errors:
                exceptions.clear()
            exceptions.append(exc)
            if sock is not None:
                sock.close()
    if len(exceptions):
        try:
            raise exceptions[0]
        finally:
            exceptions.clear()
    raise error("getaddrinfo returns an empty list")


def has_dualstack_ipv6():
    return False


def create_server(address, *, family=AF_INET, backlog=None, reuse_port=False,
                  dualstack_ipv6=False):
    """create_server((host, port), family=AF_INET, backlog=None) -> a listening TCP socket
    (SO_REUSEADDR set, as CPython does on POSIX)."""
    if reuse_port:
        raise ValueError("SO_REUSEPORT not supported on this platform")
    if dualstack_ipv6:
        raise ValueError("dualstack_ipv6 not supported on this platform")
    sock = socket(family, SOCK_STREAM)
    try:
        sock.setsockopt(SOL_SOCKET, SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except error as err:
            msg = '%s (while attempting to bind on address %r)' % (err.strerror, address)
            raise error(err.errno, msg) from None
        if backlog is None:
            sock.listen()
        else:
            sock.listen(backlog)
        return sock
    except error:
        sock.close()
        raise


def socketpair(family=AF_INET, type=SOCK_STREAM, proto=0):
    """socketpair() -> two connected TCP sockets over 127.0.0.1 (CPython's own fallback where
    AF_UNIX is missing)."""
    if family != AF_INET:
        raise ValueError("Only AF_INET is supported")
    if type != SOCK_STREAM:
        raise ValueError("Only SOCK_STREAM socket type is supported")
    if proto != 0:
        raise ValueError("Only protocol zero is supported")
    lsock = socket(family, type, proto)
    try:
        lsock.bind(("127.0.0.1", 0))
        lsock.listen()
        addr, port = lsock.getsockname()[:2]
        csock = socket(family, type, proto)
        try:
            csock.connect((addr, port))
            ssock, _ = lsock.accept()
        except:
            csock.close()
            raise
    finally:
        lsock.close()
    return (ssock, csock)


def _stats():
    """_stats() -> the platform's network counts (port_net_stats): {'sockets': live sockets,
    ...}; for tests that check nothing leaks."""
    return _socket._stats()
