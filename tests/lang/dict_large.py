d = {}
for i in range(50000):
    d[i] = i * i
print(len(d), d[49999], sum(d.values()) % 1000007)
for i in range(0, 50000, 2):
    del d[i]
print(len(d), d.get(2), d[3])
s = {str(i): i for i in range(1000)}
print(s["999"], len(s))
