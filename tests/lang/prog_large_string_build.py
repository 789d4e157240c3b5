parts = [str(i) for i in range(20000)]
s = ",".join(parts)
print(len(s), s[:20], s[-10:])
back = s.split(",")
print(len(back), back[12345])
u = s.upper().replace(",", ";")
print(u.count(";"))
