# socket: an uncaught ConnectionRefusedError ends the program as CPython's does (the last line of
# stderr and the exit status are compared).
import socket

holder = socket.socket()
holder.bind(("127.0.0.1", 0))            # bound, not listening: connections are refused
c = socket.socket()
print("connecting")
c.connect(holder.getsockname())
print("not reached")
