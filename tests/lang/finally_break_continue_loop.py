out = []
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        out.append(i)
    finally:
        out.append("f%d" % i)
print(out)
n = 0
while True:
    try:
        n += 1
        if n > 2:
            break
    finally:
        print("finally", n)
