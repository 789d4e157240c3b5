# No `if __name__ == "__main__":` guard: the child re-runs this module, whose Process.start()
# raises RuntimeError there (its bootstrapping phase); the child exits with code 1.
from multiprocessing import Process


def f():
    print("never")


p = Process(target=f)
p.start()
p.join()
print(__name__, "exitcode", p.exitcode)
