# expect: ok
# socket against hostile arguments and misuse: huge and negative buffer sizes (MemoryError,
# OverflowError, ValueError as CPython), a bytearray resized by another thread while recv_into
# waits on it (BufferError: it is exported meanwhile), closing a socket another thread waits on,
# a socket of another's descriptor, a recv_into a released view, __init__ twice, garbage
# addresses and options, many sockets dropped without close. Nothing may crash: every outcome is a
# value or a Python exception.
import socket
import threading


def attempt(f, *args):
    try:
        f(*args)
    except (OSError, ValueError, TypeError, OverflowError, MemoryError, BufferError) as e:
        return type(e).__name__
    return "ok"


a, b = socket.socketpair()
for size in (2 ** 40, 2 ** 62, 2 ** 63, 2 ** 64, 2 ** 100, -1, -(2 ** 70)):
    print("recv", size, attempt(a.recv, size))
    print("recvfrom", size, attempt(a.recvfrom, size))
for n in (2 ** 40, -5, 2 ** 80):
    print("recv_into", n, attempt(a.recv_into, bytearray(8), n))

# a bytearray in recv_into cannot be resized while the recv waits with it
buf = bytearray(1024)
a.settimeout(0.5)
out = []


def resize():
    for _ in range(20):
        out.append(attempt(buf.extend, b"x" * 100000))


t = threading.Thread(target=resize)
t.start()
print("recv_into while resized:", attempt(a.recv_into, buf))
t.join()
print(sorted(set(out)))

# a released view
mv = memoryview(bytearray(16))
mv.release()
b.sendall(b"data")
print("released view:", attempt(a.recv_into, mv))

# a read-only view
print("read-only view:", attempt(a.recv_into, memoryview(b"abc")))

# close while another thread waits in recv: the wait ends, with an error or EOF
a.settimeout(None)
res = []
w = threading.Thread(target=lambda: res.append(attempt(a.recv, 10)))
w.start()
a.close()
b.close()
w.join(10)
print("waiter ended:", not w.is_alive())

# the descriptor of a closed socket, numbers that are no socket
print(attempt(socket.socket, socket.AF_INET, socket.SOCK_STREAM, 0, a.fileno() if a.fileno() >= 0 else 10 ** 6))
print(attempt(socket.socket, socket.AF_INET, socket.SOCK_STREAM, 0, 2 ** 40))
print(attempt(socket.socket, socket.AF_INET, socket.SOCK_STREAM, 0, 2 ** 100))

# __init__ again on a live socket, garbage addresses and options
s = socket.socket()
print(attempt(socket.socket.__init__, s, socket.AF_INET, socket.SOCK_DGRAM))
for addr in (("", 0), (b"\xff\xfe", 0), ("x" * 100000, 0), ("127.0.0.1", 2 ** 31), ("127.0.0.1", -2 ** 63),
             (None, 0), ((), ()), "", None, ("1.2.3.4.5.6", 1), ("0x" + "f" * 50, 1)):
    print("bind", repr(addr)[:30], attempt(s.bind, addr))
for args in ((1, 2, 2 ** 31), (2 ** 31, 1, 1), (1, 2, b"\x01"), (1, 2, b"\x01" * 100000), (-1, -1, -1)):
    print("setsockopt", attempt(s.setsockopt, *args))
print("getsockopt", attempt(s.getsockopt, 1, 2, -1), attempt(s.getsockopt, 1, 2, 2 ** 40))
print("listen", attempt(s.listen, 2 ** 40), attempt(s.listen, -(2 ** 40)))
print("timeout", attempt(s.settimeout, 1e300), attempt(s.settimeout, 2 ** 1000), attempt(s.settimeout, -0.0))
s.close()

# many sockets, dropped without close
for i in range(2000):
    x = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if i % 2 else socket.SOCK_STREAM)
del x
print("getaddrinfo", attempt(socket.getaddrinfo, "x" * 100000, 2 ** 100))
print("gethostbyname", attempt(socket.gethostbyname, "\udcff"))
print("inet_ntoa", attempt(socket.inet_ntoa, memoryview(b"\x01\x02\x03\x04")))
print("done")
