text = "the quick brown fox jumps over the lazy dog the end"
counts = {}
for w in text.split():
    counts[w] = counts.get(w, 0) + 1
for w in sorted(counts):
    print(w, counts[w])
freq = {}
for ch in "mississippi":
    freq[ch] = freq.setdefault(ch, 0) + 1
print(freq)
