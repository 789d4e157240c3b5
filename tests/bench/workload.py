# tests/bench/workload.py — lists, dicts and strings: build, index, count words, sort, join.
import sys
def workload(rounds):
    check = 0
    for r in range(rounds):
        words = []
        for i in range(2000):
            words.append("w" + str((i * 7919 + r) % 500))
        counts = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        text = " ".join(words)
        parts = text.split(" ")
        upper = [p.upper() for p in parts if p.endswith("7")]
        squares = [x * x for x in range(1000)]
        evens = {x: x // 2 for x in squares if x % 2 == 0}
        check += len(top) + len(upper) + len(evens) + len(text) + top[0][1]
    return check
N = int(sys.argv[1]) if len(sys.argv) > 1 else 600
print(workload(N))
