# Whole programs a student writes with the standard modules: BFS on a grid (deque), Dijkstra
# (heapq), word counts (Counter, defaultdict), a memoised DP (lru_cache), longest increasing
# subsequence (bisect), records sorted by several keys (namedtuple, attrgetter, itemgetter),
# combinatorics (itertools), a snapshot of nested state (deepcopy), a report (string.Template).
from collections import deque, Counter, defaultdict, namedtuple, OrderedDict
from functools import lru_cache, reduce, partial
from itertools import permutations, combinations, product, groupby, accumulate, chain, islice
from operator import attrgetter, itemgetter, mul
import heapq, bisect, copy, string

GRID = ["S.#.....",
        ".##.###.",
        "....#...",
        ".##...#E",
        "...#...."]

def bfs(grid):
    rows, cols = len(grid), len(grid[0])
    start = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == 'S')
    dist = {start: 0}
    q = deque([start])
    while q:
        r, c = q.popleft()
        if grid[r][c] == 'E':
            return dist[(r, c)]
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != '#' and (nr, nc) not in dist:
                dist[(nr, nc)] = dist[(r, c)] + 1
                q.append((nr, nc))
    return -1
print("bfs:", bfs(GRID))

graph = defaultdict(list)
for a, b, w in [('A', 'B', 4), ('A', 'C', 2), ('C', 'B', 1), ('B', 'D', 5), ('C', 'D', 8), ('D', 'E', 3), ('C', 'E', 10)]:
    graph[a].append((b, w))
    graph[b].append((a, w))
def dijkstra(src):
    dist = {src: 0}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float('inf')):
            continue
        for v, w in sorted(graph[u]):
            nd = d + w
            if nd < dist.get(v, float('inf')):
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dict(sorted(dist.items()))
print("dijkstra:", dijkstra('A'))

text = """the quick brown fox jumps over the lazy dog the fox barks and the dog runs
over the hill and far away the quick end"""
words = text.split()
c = Counter(words)
print("top:", c.most_common(4))
by_len = defaultdict(list)
for w in sorted(set(words)):
    by_len[len(w)].append(w)
print("by length:", dict(sorted(by_len.items())))
print("letters:", Counter(ch for ch in text if ch.isalpha()).most_common(3))

@lru_cache(maxsize=None)
def ways(n, coins=(1, 2, 5, 10, 25)):
    if n == 0:
        return 1
    if n < 0 or not coins:
        return 0
    return ways(n - coins[0], coins) + ways(n, coins[1:])
print("coin ways:", ways(100), ways.cache_info().currsize > 0)

def lis(seq):
    tails = []
    for x in seq:
        i = bisect.bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)
print("lis:", lis([10, 9, 2, 5, 3, 7, 101, 18, 4, 19, 20]))

Student = namedtuple('Student', 'name grade age')
roster = [Student('ann', 90, 20), Student('bob', 85, 22), Student('cat', 90, 19), Student('dan', 70, 22)]
print("by grade desc, name:", [s.name for s in sorted(roster, key=lambda s: (-s.grade, s.name))])
print("by age, grade:", [s.name for s in sorted(roster, key=attrgetter('age', 'grade'))])
print("groups:", [(g, [s.name for s in grp]) for g, grp in groupby(sorted(roster, key=itemgetter(1)), key=itemgetter(1))])
print("oldest:", max(roster, key=attrgetter('age')), roster[0]._replace(grade=95))

digits = range(1, 6)
print("perms summing to 15 as 3-digit:", sum(1 for p in permutations(digits, 3) if sum(p) == 9))
print("pairs:", list(combinations('abcd', 2))[:4], "dice 7s:", sum(1 for a, b in product(range(1, 7), repeat=2) if a + b == 7))
print("running:", list(accumulate([3, 1, 4, 1, 5, 9, 2, 6])), "product:", reduce(mul, range(1, 11)))
print("chain:", list(islice(chain('ab', range(3), 'xyz'), 6)))
double = partial(mul, 2)
print("partial:", list(map(double, range(5))))

state = {'players': [{'name': 'p1', 'hand': [1, 2]}, {'name': 'p2', 'hand': [3]}], 'round': 1}
snap = copy.deepcopy(state)
state['players'][0]['hand'].append(99)
state['round'] += 1
print("snapshot:", snap, "now:", state['players'][0]['hand'], state['round'])

od = OrderedDict()
for k in 'banana':
    od[k] = od.get(k, 0) + 1
od.move_to_end('b')
print("ordered:", od, list(od.keys()))

tmpl = string.Template("$name scored $score points ($$$prize prize)")
for name, score in [('ann', 90), ('bob', 85)]:
    print(tmpl.substitute(name=name, score=score, prize=score * 10))
top3 = heapq.nlargest(3, roster, key=attrgetter('grade'))
print("top3:", [s.name for s in top3], "smallest ages:", heapq.nsmallest(2, [s.age for s in roster]))
