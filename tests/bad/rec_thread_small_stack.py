# expect: RecursionError
# A thread with the smallest stack allowed still ends C recursion in RecursionError.
import _thread, threading, sys
sys.setrecursionlimit(10**6)
print(threading.stack_size())
try:
    threading.stack_size(1000)
except ValueError as e:
    print("ValueError", e)
threading.stack_size(32768)
print(threading.stack_size())
out = []
class R:
    def __repr__(self):
        return repr(self)
def body():
    try:
        repr(R())
    except RecursionError:
        out.append("RecursionError")
t = threading.Thread(target=body)
t.start()
t.join()
print(out)
threading.stack_size(0)
repr(R())
