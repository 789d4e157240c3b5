s = "0123456789"
print(s[2:8:2], s[8:2:-2], s[::-3], s[-1:-11:-1], s[100:], s[-100:3])
print(s[5:5], s[7:3], s[::1], s[1::-1])
print(s[slice(1, 9, 3)], s[slice(None, None, -1)])
for i in range(-3, 3):
    print(i, s[i], s[i:], s[:i])
