def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "big"
print([classify(n) for n in (-5, 0, 3, 99)])
x = 5
if x:
    print("truthy")
if not []:
    print("empty list falsy")
if 0 < x < 10 and x != 7 or False:
    print("combined")
