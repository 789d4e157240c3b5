# socket: makefile() — a line protocol over TCP on 127.0.0.1: the server reads lines with a
# binary file and answers through a text file; the client reads with readline, read(n),
# iteration and read() to EOF. A socket closed while its file is open stays usable until the file
# closes. Decided from the lines only.
import socket
import threading

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
addr = srv.getsockname()


def serve():
    conn, _ = srv.accept()
    rf = conn.makefile("rb")
    wf = conn.makefile("w", encoding="utf-8")
    conn.close()                       # the files keep it open
    for line in rf:
        cmd = line.rstrip(b"\r\n")
        if cmd == b"QUIT":
            wf.write("bye\n")
            break
        if cmd.startswith(b"UPPER "):
            wf.write(cmd[6:].decode().upper() + "\n")
        elif cmd == b"LINES":
            wf.writelines(["line %d\n" % i for i in range(3)])
        elif cmd == b"BLOB":
            wf.write("x" * 20000 + "\n")
        elif cmd == b"UNICODE":
            wf.write("gr\u00fc\u00df dich \u2603\r\nzweite\n")
        else:
            wf.write("unknown %r\n" % cmd)
        wf.flush()
    wf.close()
    rf.close()
    srv.close()


t = threading.Thread(target=serve)
t.start()

c = socket.create_connection(addr)
w = c.makefile("wb")
r = c.makefile("r", encoding="utf-8")
rb = None
print(type(w).__name__ != "", r.readable(), w.writable(), w.readable())
w.write(b"UPPER hello world\n")
w.flush()
print(repr(r.readline()))
w.write(b"LINES\n")
w.flush()
print([r.readline() for _ in range(3)])
w.write(b"BLOB\n")
w.flush()
blob = r.readline()
print(len(blob), blob[:5], blob.endswith("x\n"))
w.write(b"UNICODE\nwhat\n")
w.flush()
print(repr(r.readline()), repr(r.readline()))
print(repr(r.readline()))
w.write(b"UPPER abc\r\n")
w.flush()
print(repr(r.read(2)), repr(r.read(2)))
w.write(b"QUIT\n")
w.flush()
print(repr(r.read()))
print(repr(r.read()), repr(r.readline()))
w.close()
r.close()
print(w.closed, r.closed)
try:
    r.readline()
except ValueError as e:
    print("ValueError", e)
c.close()
t.join()
print(c.fileno())

# files on a socket that is already closed: the socket closes with the last file
a, b = socket.socket(), socket.socket()
ls = socket.socket()
ls.bind(("127.0.0.1", 0))
ls.listen()
a.connect(ls.getsockname())
b, _ = ls.accept()
ls.close()
f = a.makefile("rwb")
a.close()
print("fd kept:", a.fileno() >= 0)
f.write(b"ping\n")
f.flush()
g = b.makefile("rb")
print(g.readline())
b.sendall(b"pong\nrest")
b.shutdown(socket.SHUT_WR)
print(f.readline(), f.read(2), f.read())
f.close()
print("fd after the file closed:", a.fileno())
g.close()
b.close()
try:
    b.makefile("rt")
except ValueError as e:
    print("ValueError", e)
