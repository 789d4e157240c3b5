# socket: UDP over 127.0.0.1: sendto/recvfrom with the sender's address, datagram boundaries,
# a datagram cut to the recv size, connect() then send/recv, errors. No port number is printed.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b.bind(("127.0.0.1", 0))
a.settimeout(5)
b.settimeout(5)
print(a.type == socket.SOCK_DGRAM, a.family == socket.AF_INET, a.proto, int(a.type))
print(a.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE))

for msg in (b"one", b"two", b"", b"x" * 1000):
    print(b.sendto(msg, a.getsockname()))
for _ in range(4):
    data, addr = a.recvfrom(2048)
    print(len(data), data[:5], addr == b.getsockname())

# a datagram longer than the buffer: the rest is dropped
b.sendto(b"abcdefghij", a.getsockname())
b.sendto(b"next", a.getsockname())
print(a.recv(4))
print(a.recv(100))

# connected: send/recv, and the peer
b.connect(a.getsockname())
print(b.getpeername() == a.getsockname())
b.send(b"via connect")
print(a.recvfrom(100)[0])
a.sendto(b"reply", b.getsockname())
print(b.recv(100))
buf = bytearray(10)
a.sendto(b"into", b.getsockname())
print(b.recv_into(buf), buf)

# nothing comes: the timeout
a.settimeout(0.2)
try:
    a.recvfrom(10)
except socket.timeout as e:
    print(type(e).__name__, e, e.errno)
a.setblocking(False)
try:
    a.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e.strerror)
try:
    a.sendto(b"x" * 70000, b.getsockname())
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).send(b"x")
except OSError as e:
    print(type(e).__name__, e)
try:
    a.sendto(b"x", ("127.0.0.1", 70000))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    a.sendto(b"x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    a.listen()
except OSError as e:
    print(type(e).__name__, e)
a.close()
b.close()
print(a.fileno(), b.fileno())
# A datagram to a port no socket has: the receiving host answers ICMP port unreachable, and the
# connected sender's next call raises ConnectionRefusedError (as on Linux; net/icmp.c). The port
# is one a socket just held and let go of.
gone = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
gone.bind(("127.0.0.1", 0))
closed_port = gone.getsockname()[1]
gone.close()
c = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
c.settimeout(5)
c.connect(("127.0.0.1", closed_port))
c.send(b"anyone?")
try:
    c.recv(10)
    print("answered")
except ConnectionRefusedError as e:
    print("refused", e.errno)
except socket.timeout:
    print("no answer, no error")
c.close()
