matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([n for row in matrix for n in row if n % 2 == 1])
print([[n * 10 for n in row if n > 2] for row in matrix])
primes = [n for n in range(2, 50) if all(n % d for d in range(2, n))]
print(primes)
print(sum(1 for row in matrix for n in row if n > 4))
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
