def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
def hanoi(n, a, b, c, moves):
    if n:
        hanoi(n - 1, a, c, b, moves)
        moves.append((a, c))
        hanoi(n - 1, b, a, c, moves)
    return moves
print(fact(30), fib(20))
m = hanoi(4, "A", "B", "C", [])
print(len(m), m[:3])
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
