# socket: names and numbers without the network — getaddrinfo and gethostbyname on 'localhost'
# and numeric addresses, gaierror for a name that is not a number (AI_NUMERICHOST: CPython asks
# no name server either), inet_aton/inet_ntoa, htons and friends, the constants.
import socket


def show(f, *args, **kw):
    try:
        r = f(*args, **kw)
    except BaseException as e:
        print("  ", type(e).__name__, e.args, getattr(e, "errno", None))
    else:
        print("  ok", r)


print(socket.AF_INET, socket.SOCK_STREAM, socket.SOCK_DGRAM, socket.SOL_SOCKET, socket.SO_REUSEADDR,
      socket.IPPROTO_TCP, socket.IPPROTO_UDP, socket.TCP_NODELAY, socket.SHUT_RD, socket.SHUT_WR,
      socket.SHUT_RDWR, socket.AI_PASSIVE, socket.AI_CANONNAME, socket.AI_NUMERICHOST, socket.INADDR_ANY)
print(repr(socket.AF_INET), repr(socket.SOCK_DGRAM), socket.AddressFamily(2), socket.SocketKind.SOCK_STREAM.name)
print(socket.AF_INET == 2, isinstance(socket.AF_INET, int), socket.SOCK_STREAM + 0)
print(socket.getdefaulttimeout())

print("gethostbyname")
for name in ("localhost", "LocalHost", "127.0.0.1", "127.1", "0x7f.1", "", "<broadcast>", b"localhost"):
    show(socket.gethostbyname, name)
show(socket.gethostbyname, 5)
show(socket.gethostbyname, "a\0b")
show(socket.gethostbyname_ex, "localhost")

print("getaddrinfo")
g = socket.getaddrinfo
show(g, "localhost", 80, socket.AF_INET, socket.SOCK_STREAM)
show(g, "127.0.0.1", 80, socket.AF_INET)
show(g, "127.0.0.1", "8080", socket.AF_INET, socket.SOCK_DGRAM)
show(g, "127.0.0.1", None, socket.AF_INET, socket.SOCK_STREAM)
show(g, None, 80, socket.AF_INET, socket.SOCK_STREAM)
show(g, None, 80, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_PASSIVE)
show(g, "localhost", 80, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_CANONNAME)
show(g, "127.0.0.1", 80, socket.AF_INET, 0, socket.IPPROTO_UDP)
show(g, host="127.0.0.1", port=443, family=socket.AF_INET, type=socket.SOCK_STREAM)
info = g("localhost", 7, socket.AF_INET, socket.SOCK_STREAM)[0]
print(type(info[0]).__name__, type(info[1]).__name__, info[0] == socket.AF_INET)
print("gaierror")
show(g, "nonexistent.invalid", 80, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)
show(g, "localhost", 80, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)
show(g, "1.2.3.4.5", 80, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)
show(g, "", 80, socket.AF_INET, socket.SOCK_STREAM)
show(g, None, None)
show(g, "127.0.0.1", 80, socket.AF_INET, 99)
show(g, "127.0.0.1", 80, 12345)
show(g, "127.0.0.1", 80, socket.AF_INET6)
show(g, "127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_UDP)
show(g, "127.0.0.1", "no-such-service", socket.AF_INET, socket.SOCK_STREAM)
show(g, "127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM, 0, 1 << 20)
show(g, 5, 80)
show(g, "127.0.0.1", 80.5)
try:
    socket.getaddrinfo("nonexistent.invalid", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print(type(e).__name__, e.errno, e.strerror, str(e), isinstance(e, OSError))

print("inet_aton / inet_ntoa")
for s in ("1.2.3.4", "127.1", "1.2.3", "0x7f.0.0.1", "010.1.1.1", "255.255.255.255", "4294967295",
          "1.2.3.4 trailing", "1.2.3.256", "4294967296", "abc", "", "1..2"):
    show(socket.inet_aton, s)
show(socket.inet_aton, b"1.2.3.4")
show(socket.inet_ntoa, b"\x7f\x00\x00\x01")
show(socket.inet_ntoa, bytearray(b"\xc0\xa8\x01\x02"))
show(socket.inet_ntoa, b"\x01\x02\x03")
show(socket.inet_ntoa, "1234")
show(socket.inet_pton, socket.AF_INET, "10.0.2.2")
show(socket.inet_pton, socket.AF_INET, "10.0.2")
show(socket.inet_ntop, socket.AF_INET, b"\x0a\x00\x02\x02")

print("byte order")
for f in (socket.htons, socket.ntohs):
    for v in (0, 1, 0x1234, 0xffff, 70000, -1, 1.5, "1"):
        show(f, v)
for f in (socket.htonl, socket.ntohl):
    for v in (0, 1, 0x12345678, 0xffffffff, 2 ** 32, 2 ** 64, -1):
        show(f, v)

print("default timeout")
show(socket.setdefaulttimeout, -1)
show(socket.setdefaulttimeout, "x")
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout(), s.getblocking())
s.close()
socket.setdefaulttimeout(None)
s = socket.socket()
print(socket.getdefaulttimeout(), s.gettimeout())
s.close()
