# socket: the exceptions CPython raises — a refused connection (errno 111), timeouts
# ('timed out'), non-blocking calls (BlockingIOError), closed sockets (EBADF), bad arguments
# (TypeError, OverflowError, ValueError), the exception names of the module.
import errno
import socket


def show(f, *args):
    try:
        r = f(*args)
    except BaseException as e:
        print("  ", type(e).__name__, e.args, getattr(e, "errno", None))
    else:
        print("  ok", r)


print(socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.gaierror.__name__, socket.gaierror.__module__)

# A port that is bound but not listening refuses connections (nobody else can take it meanwhile).
holder = socket.socket()
holder.bind(("127.0.0.1", 0))
closed_port = holder.getsockname()[1]
c = socket.socket()
try:
    c.connect(("127.0.0.1", closed_port))
except ConnectionRefusedError as e:
    print("refused:", e.errno, e.errno == errno.ECONNREFUSED, e.strerror, e)
    print(isinstance(e, ConnectionError), isinstance(e, OSError))
c.close()
c = socket.socket()
print("connect_ex:", c.connect_ex(("127.0.0.1", closed_port)))
c.close()
try:
    socket.create_connection(("127.0.0.1", closed_port), timeout=5)
except OSError as e:
    print("create_connection:", type(e).__name__, e)

# Timeouts: nobody sends, nobody connects.
srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
srv.settimeout(0.2)
print("timeout", srv.gettimeout(), srv.getblocking(), srv.timeout)
show(srv.accept)
c = socket.create_connection(srv.getsockname(), timeout=0.2)
print("client timeout", c.gettimeout())
conn, _ = srv.accept()
print("accepted socket timeout", conn.gettimeout())
show(c.recv, 10)
try:
    c.recv(10)
except TimeoutError as e:
    print("TimeoutError:", e, e.args, e.errno, e.strerror)
except OSError:
    print("wrong class")

# Non-blocking: nothing to read, nothing to accept.
c.setblocking(False)
print("blocking", c.getblocking(), c.gettimeout())
show(c.recv, 10)
srv.setblocking(False)
show(srv.accept)
c.settimeout(None)
print("blocking again", c.getblocking(), c.gettimeout())
conn.sendall(b"late")
print(c.recv(10))
conn.close()
print(c.recv(10))
nb = socket.socket()
nb.setblocking(False)
r = nb.connect_ex(srv.getsockname())
print("non-blocking connect_ex:", r in (0, errno.EINPROGRESS))
nb.close()
srv.close()
holder.close()

# Closed sockets: EBADF, and close() twice is fine.
c.close()
c.close()
print(c.fileno())
show(c.recv, 1)
show(c.send, b"x")
show(c.getsockname)
show(c.connect, ("127.0.0.1", 1))
show(c.settimeout, 1)
print(c.gettimeout())

# Bad arguments.
s = socket.socket()
print("bind")
show(s.bind, ("127.0.0.1", 70000))
show(s.bind, ("127.0.0.1", -1))
show(s.bind, ("127.0.0.1", 2 ** 70))
show(s.bind, ("127.0.0.1", "80"))
show(s.bind, ("127.0.0.1", 1.5))
show(s.bind, ("127.0.0.1",))
show(s.bind, ("127.0.0.1", 0, 0))
show(s.bind, "127.0.0.1")
show(s.bind, ["127.0.0.1", 0])
show(s.bind, (1, 0))
show(s.bind, ("a\0b", 0))
print("recv")
show(s.recv, -1)
show(s.recv, 2 ** 70)
show(s.recv, "10")
show(s.recv)
show(s.recv, 1, 0, 0)
show(s.recv_into, b"immutable")
show(s.recv_into, bytearray(4), -1)
show(s.recv_into, bytearray(4), 10)
print("send")
show(s.send, "text")
show(s.sendall, 5)
show(s.send)
show(s.send, b"x")
show(s.getpeername)
print("timeouts")
show(s.settimeout, -1)
show(s.settimeout, "1")
show(s.settimeout, float("nan"))
show(s.settimeout, float("inf"))
show(s.settimeout, 1e-10)
print(s.gettimeout())
show(s.settimeout, True)
print(s.gettimeout())
show(s.setblocking, "yes")
print("options")
show(s.setsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
show(s.getsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR)
show(s.setsockopt, socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
show(s.getsockopt, socket.IPPROTO_TCP, socket.TCP_NODELAY)
show(s.setsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, b"\0\0\0\0")
show(s.getsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, 4)
show(s.getsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, 5000)
show(s.setsockopt, socket.SOL_SOCKET, socket.SO_REUSEADDR, "x")
show(s.setsockopt, 12345, 678, 1)
show(s.getsockopt, socket.SOL_SOCKET, socket.SO_TYPE)
show(s.shutdown, 7)
show(s.shutdown, "x")
print("constructor")
show(socket.socket, socket.AF_INET, 99)
show(socket.socket, socket.AF_INET, socket.SOCK_STREAM, 17)
show(socket.socket, "inet")
show(socket.socket, socket.AF_INET, socket.SOCK_STREAM, 0, -1)
s.close()
print("listen with no bind picks a port:")
s = socket.socket()
s.listen()
print(s.getsockname()[0], s.getsockname()[1] > 0)
s.close()
