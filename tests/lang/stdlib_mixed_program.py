import re, json, random, statistics, io, struct, dataclasses, typing, enum, array, errno, weakref
text = """The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs!
Numbers: 3.14, 42, -7 and 1e3. Emails: a.b@example.com, x_y@test.org"""
words = re.findall(r"[a-z']+", text.lower())
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top)
nums = [float(x) for x in re.findall(r'-?\d+(?:\.\d+)?(?:e\d+)?', text)]
print(nums, statistics.mean(nums), statistics.median(nums), round(statistics.stdev(nums), 6))
print(re.findall(r'[\w.]+@[\w.]+', text), re.sub(r'(?i)the', 'THE', text, count=2)[:40])
buf = io.StringIO()
json.dump({'top': top, 'n': len(words)}, buf, indent=2, sort_keys=True)
print(buf.getvalue())
print(json.load(io.StringIO(buf.getvalue())))
random.seed(2024)
deck = [r + s for r in '23456789TJQKA' for s in 'shdc']
random.shuffle(deck)
print(deck[:5], random.sample(deck, 3), random.choices(range(10), k=4), random.randint(1, 6), round(random.uniform(0, 1), 6))
rolls = [random.randint(1, 6) for _ in range(600)]
print(statistics.mode(rolls), statistics.multimode(rolls), round(statistics.fmean(rolls), 4), statistics.quantiles(rolls))
@dataclasses.dataclass(order=True)
class Score:
    points: int
    name: str = dataclasses.field(compare=False)
scores = sorted(Score(random.randint(0, 100), n) for n in ['ann', 'bob', 'cy'])
print(scores, json.dumps([dataclasses.asdict(s) for s in scores]))
class Level(enum.IntEnum):
    LOW = 1
    HIGH = 3
print(Level.HIGH > Level.LOW, Level(3), Level['LOW'] + 1)
packed = struct.pack('<I2sd', 7, b'ok', 2.5)
print(packed.hex(), struct.unpack('<I2sd', packed), array.array('h', [1, -2, 3]).tobytes())
print(errno.errorcode[errno.EINTR], re.split(r'[;,.!]\s*', 'a, b; c. d!'))
