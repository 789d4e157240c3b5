def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print(gcd(1071, 462), gcd(2 ** 100, 6 ** 50))
print(max(range(1, 3000), key=collatz), collatz(27))
