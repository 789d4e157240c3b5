# tests/bench/guest_bytecodes.py — bytecodes per second of the VM on one core (run in the guest
# by tests/bench/kernel_bench.py; runs on the host too). The loop below is 8 instructions per
# iteration (LOAD_FAST, LOAD_CONST, INPLACE_SUBTRACT, STORE_FAST, LOAD_FAST, LOAD_CONST,
# COMPARE_OP, POP_JUMP_BACKWARD_IF_TRUE: check with `build/host/tollpy --dis` on this file).
import time

PER_ITERATION = 8


def countdown(n):
    while n > 0:
        n -= 1


N = 2000000
t0 = time.perf_counter()
countdown(N)
dt = time.perf_counter() - t0
print("RESULT bytecodes_per_second=%.0f seconds=%.3f iterations=%d" % (PER_ITERATION * N / dt, dt, N))
