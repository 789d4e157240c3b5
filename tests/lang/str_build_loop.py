parts = []
for i in range(10):
    parts.append(str(i * i))
print("".join(parts))
s = ""
for i in range(20):
    s += chr(ord("a") + i % 26)
print(s, len(s))
