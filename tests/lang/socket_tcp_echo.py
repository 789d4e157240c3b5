# socket: a TCP echo server on a thread over 127.0.0.1 (port chosen by bind(('127.0.0.1', 0)),
# never printed): recv sizes, sendall of 1 MB with a checksum, half-close (shutdown SHUT_WR),
# EOF (recv returns b''), getsockname/getpeername, `with`, repr. Decided from the bytes only.
import re
import socket
import threading


def checksum(data):
    a, b = 1, 0
    for i in range(0, len(data), 4096):
        for x in data[i:i + 4096]:
            a = (a + x) % 65521
            b = (b + a) % 65521
    return b << 16 | a


def recv_exact(sock, n):
    parts = []
    while n:
        chunk = sock.recv(n)
        if not chunk:
            break
        parts.append(chunk)
        n -= len(chunk)
    return b"".join(parts)


def clean(r):
    r = re.sub(r"fd=\d+", "fd=N", r)
    return re.sub(r"\d+\)", "PORT)", r)


srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(5)
host, port = srv.getsockname()
print("server bound to", host, type(port).__name__, 0 < port < 65536)
print(clean(repr(srv)))

log = []


def serve():
    for _ in range(2):
        conn, addr = srv.accept()
        log.append(("peer", addr[0], addr[1] > 0))
        with conn:
            total = 0
            while True:
                data = conn.recv(65536)
                if not data:
                    break
                total += len(data)
                conn.sendall(data)
            # the client half-closed: say how much came, then close
            conn.sendall(b"total %d\n" % total)
    srv.close()


t = threading.Thread(target=serve)
t.start()

# 1: small messages; recv(n) never returns more than n
c = socket.create_connection(("127.0.0.1", port))
print(clean(repr(c)))
print("peer is the server:", c.getpeername() == ("127.0.0.1", port))
print("local is loopback:", c.getsockname()[0])
c.sendall(b"hello")
print(recv_exact(c, 5))
c.send(b"0123456789")
first = c.recv(3)
print("recv(3) gave at most 3:", 1 <= len(first) <= 3)
print(first + recv_exact(c, 10 - len(first)))
c.sendall(b"")
c.sendall(bytearray(b"from a bytearray"))
print(recv_exact(c, 16))
c.sendall(memoryview(b"-from a view-")[1:-1])
print(recv_exact(c, 11))
c.shutdown(socket.SHUT_WR)
print(recv_exact(c, 100))
print("EOF:", c.recv(10))
print("EOF again:", c.recv(10))
c.close()
print(clean(repr(c)))

# 2: 1 MB through sendall, echoed back, checked by a checksum; the reader is a second thread
data = bytes((i * 7 + (i >> 8)) & 255 for i in range(1 << 20))
with socket.socket() as c2:
    c2.connect(("localhost", port))
    got = []

    def reader():
        got.append(recv_exact(c2, len(data)))

    r = threading.Thread(target=reader)
    r.start()
    print("sendall:", c2.sendall(data))
    r.join()
    print("echoed", len(got[0]), "bytes, same:", got[0] == data, "checksum", checksum(got[0]) == checksum(data))
    buf = bytearray(64)
    c2.shutdown(socket.SHUT_WR)
    n = 0
    while True:
        k = c2.recv_into(memoryview(buf)[n:])
        if k == 0:
            break
        n += k
    print(bytes(buf[:n]))
print("closed by with:", c2.fileno())
t.join()
print(log)
print("server closed:", srv.fileno())
