# tests/bench/bigint.py — arbitrary precision: factorial(3000) digit sum, 2**100000 mod a prime,
# and a Fibonacci number with thousands of digits.
import sys
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
def bigfib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
def digit_sum(n):
    # str() of more than 4300 digits is refused by CPython 3.11: cut into 1000-digit chunks.
    total = 0
    chunk = 10 ** 1000
    while n:
        n, r = divmod(n, chunk)
        total += sum(int(c) for c in str(r))
    return total
def work(rounds):
    out = 0
    for k in range(rounds):
        f = factorial(3000 + k)
        out += digit_sum(f)
        out += (2 ** 100000 + k) % 1000000007
        out += bigfib(5000 + k) % 998244353
    return out
N = int(sys.argv[1]) if len(sys.argv) > 1 else 200
print(work(N))
