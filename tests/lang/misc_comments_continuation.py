x = 1 + \
    2 + \
    3  # trailing comment
# a full-line comment
y = (1 +
     2)
z = [
    1,
    2,  # trailing comma
]
print(x, y, z)
s = ("implicit "
     "concatenation")
print(s)
