a = [1, 2, 3]
try:
    a[3]
except IndexError as e:
    print("IndexError:", e)
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    a[1.5]
except TypeError as e:
    print("TypeError:", e)
print(a[-3], a[10:], a[-10:1])
