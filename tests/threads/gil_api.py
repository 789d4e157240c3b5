# tollpy only (compared with gil_api.expected): the GIL's sys calls, the gil and native modules.
import sys
import threading
import time
import gil
import native

print(sys.getgilpolicy() in gil.policies())
old = sys.getgilpolicy()
print(sys.getswitchinterval())
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
sys.setswitchinterval(0.005)
print(sys.getcheckinterval())
sys.setcheckinterval(50)
print(sys.getcheckinterval())
sys.setcheckinterval(100)
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print("ValueError:", e)
for p in ["new", "old", "prio", "none", "new"]:
    sys.setgilpolicy(p)
    print(p, sys.getgilpolicy(), sys._is_gil_enabled())
try:
    sys.setgilpolicy("bogus")
except ValueError as e:
    print("ValueError")

ev = threading.Event()
t = threading.Thread(target=ev.wait)
t.start()
try:
    sys.setgilpolicy("old")
except RuntimeError as e:
    print("RuntimeError while 2 threads run")
ev.set()
t.join()
sys.setgilpolicy(old)

print(native.crc32(b"hello world"), native.crc32(b"hello world", 3))
print(native.spin(1000) == native.spin_gil(1000))

def spinner():
    n = 300000
    while n > 0:
        n -= 1
gil.reset()
ts = [threading.Thread(target=spinner) for i in range(2)]
for x in ts: x.start()
for x in ts: x.join()
s = gil.stats()
print(sorted(s.keys()))
print("violations", s["violations"])
print(len(gil.threads()) >= 1, sorted(gil.threads()[0].keys()))
print(gil.cores() >= 1)
