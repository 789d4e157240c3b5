import random
random.seed(1); print(random.random())
random.seed(12345678901234567890); print([random.random() for i in range(3)])
random.seed(0); print(random.randint(1, 100), random.randrange(10), random.choice('abcdef'))
random.seed(42); l = list(range(20)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), random.sample(range(1000), 10))
print(random.choices('abc', k=5), random.choices('abc', weights=[1, 5, 10], k=5))
print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(0, 1), random.normalvariate(5, 2))
print(random.getrandbits(0), random.getrandbits(7), random.getrandbits(100), random.getrandbits(64))
random.seed("hello"); print(random.random())
random.seed(b"hello"); print(random.random())
random.seed(3.5); print(random.random())
random.seed(-5); print(random.random())
s = random.getstate(); a = random.random(); random.setstate(s); print(a == random.random())
r = random.Random(7); print(r.random(), r.randint(0, 10**30))
print(random.triangular(1, 3), random.expovariate(2.0), random.randbytes(5))
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randint(5, 1),
            lambda: random.sample([1, 2], 3), lambda: random.getrandbits(-1), lambda: random.randrange(1, 10, 0),
            lambda: random.seed([1]), lambda: random.sample({1, 2}, 1), lambda: random.choices('ab', [1], k=2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
