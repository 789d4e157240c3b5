# socket: one server thread accepting, one handler thread per connection, several client threads
# at once (the GIL is released while a thread waits on a socket); create_server, socketpair,
# `with`, a socket closed by being dropped. Nothing leaks: tollpy's socket._stats() (the port's
# live-socket count) is back where it started (CPython has no such count: the check is skipped).
import socket
import threading

stats = getattr(socket, "_stats", None)
before = stats()["sockets"] if stats else 0

srv = socket.create_server(("127.0.0.1", 0))
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0, srv.type == socket.SOCK_STREAM)
addr = srv.getsockname()
N = 6
handled = []
lock = threading.Lock()


def handle(conn):
    with conn:
        f = conn.makefile("rb")
        name = f.readline().strip()
        total = 0
        while True:
            line = f.readline()
            if not line:
                break
            total += int(line)
        f.close()
        conn.sendall(b"%s:%d" % (name, total))
        with lock:
            handled.append(name.decode())


def accept_loop():
    workers = []
    for _ in range(N):
        conn, _ = srv.accept()
        w = threading.Thread(target=handle, args=(conn,))
        w.start()
        workers.append(w)
    for w in workers:
        w.join()
    srv.close()


results = {}


def client(i):
    with socket.create_connection(addr) as c:
        c.sendall(b"client%d\n" % i)
        for k in range(1, 101):
            c.sendall(b"%d\n" % (k * i))
        c.shutdown(socket.SHUT_WR)
        data = b""
        while True:
            part = c.recv(100)
            if not part:
                break
            data += part
    results[i] = data.decode()


acc = threading.Thread(target=accept_loop)
acc.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(N)]
for t in clients:
    t.start()
for t in clients:
    t.join()
acc.join()
print(sorted(results.items()))
print(sorted(handled))

a, b = socket.socketpair()
print(a.family == socket.AF_INET or a.family == socket.AF_UNIX, a.type == socket.SOCK_STREAM)
a.sendall(b"over the pair")
print(b.recv(100))
b.close()
print(a.recv(100))
a.close()

for _ in range(50):                    # dropped without close(): the object closes it
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
del s
s = socket.socket()
fd = s.detach()                        # detached: the descriptor is now ours to close
print(s.fileno(), fd >= 0)
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, 0, fd)
print(s.fileno() == fd)
s.close()
after = stats()["sockets"] if stats else 0
print("no socket leaked:", after == before)
