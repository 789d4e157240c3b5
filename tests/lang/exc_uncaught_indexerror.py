# check: traceback
items = [1, 2, 3]
i = 0
while True:
    print(items[i])
    i += 1
