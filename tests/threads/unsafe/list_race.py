# unsafe policy: 4 threads mutating one list with refcounted items. Either it survives by luck
# or "refcount corruption detected" is reported and the interpreter is reset (status 1); never a hang.
import threading, sys
sys.setgilpolicy("unsafe")
shared = []
item = ("shared", "tuple")
def mutate():
    for i in range(300000):
        shared.append(item)
        x = shared[-1]
        if len(shared) > 50:
            shared.pop()
ts = [threading.Thread(target=mutate) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print("survived", len(shared))
