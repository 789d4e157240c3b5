# socket: an uncaught socket.gaierror (module-qualified in the last line of stderr, as CPython's).
import socket

print(socket.getaddrinfo("127.0.0.1", 9, socket.AF_INET, socket.SOCK_STREAM)[0][4])
socket.getaddrinfo("not-a-number.invalid", 9, socket.AF_INET, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST)
