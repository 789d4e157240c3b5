# itertools: every iterator, reprs of count/repeat, argument errors raised at the call
import itertools as it
from itertools import islice
print(list(islice(it.count(), 5)), list(islice(it.count(10, -2), 4)), list(islice(it.count(0.5, 0.25), 3)))
print(repr(it.count()), repr(it.count(5)), repr(it.count(1, 3)), repr(it.repeat('a')), repr(it.repeat(1, 3)))
c = it.count(3); next(c); print(repr(c))
print(list(islice(it.cycle('abc'), 7)), list(it.cycle([])), list(it.repeat(7, 3)), list(it.repeat(0, -1)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([3, 1, 4], max)), list(it.accumulate([1, 2], initial=100)), list(it.accumulate([])))
print(list(it.chain('ab', [1, 2], ())), list(it.chain.from_iterable(['xy', 'z'])))
print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])), list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.filterfalse(lambda x: x % 2, range(10))), list(it.filterfalse(None, [0, 1, '', 'a'])))
print(list(it.starmap(pow, [(2, 5), (3, 2)])), list(it.pairwise('ABCD')), list(it.pairwise('A')))
print([(k, list(g)) for k, g in it.groupby('AAAABBBCCDAABBB')])
print([k for k, g in it.groupby('AAAABBBCCD')], [(k, len(list(g))) for k, g in it.groupby([1, 3, 5, 2, 4, 7], key=lambda x: x % 2)])
groups = list(it.groupby('aabb'))
print([list(g) for k, g in groups])
print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)), list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)), list(islice(range(10), 8, 3)))
a, b = it.tee([1, 2, 3])
print(next(a), next(a), list(b), list(a), len(it.tee('x', 3)))
print(list(it.zip_longest('ABCD', 'xy', fillvalue='-')), list(it.zip_longest([1], [2, 3], [])))
print(list(it.product('ab', range(2))), list(it.product([0, 1], repeat=2)), list(it.product()))
print(list(it.permutations(range(3))), list(it.permutations('abc', 2)), list(it.permutations([], 0)), list(it.permutations('ab', 3)))
print(list(it.combinations(range(4), 3)), list(it.combinations('abc', 0)), list(it.combinations('ab', 5)))
print(list(it.combinations_with_replacement('ABC', 2)), list(it.combinations_with_replacement([], 0)), list(it.combinations_with_replacement([], 1)))
print(sum(1 for _ in it.permutations(range(6))), sum(1 for _ in it.combinations(range(12), 5)))
r = it.repeat('z', 2); print(next(r), repr(r))
for call in (lambda: it.count('a'), lambda: islice([1], -1), lambda: islice([1], 0, 5, 0), lambda: islice([1], 'a'),
             lambda: islice([1]), lambda: it.permutations([1], -1), lambda: it.combinations([1], -2), lambda: it.product([1], repeat=-1),
             lambda: it.zip_longest([1], 5), lambda: it.tee([1], -1), lambda: it.product(5), lambda: it.accumulate(5),
             lambda: it.cycle(5), lambda: it.repeat(1, 'x'), lambda: list(it.chain([1], 5)), lambda: it.combinations('ab')):
    try:
        call()
        print("no error")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
