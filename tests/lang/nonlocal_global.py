x = "global"
def f():
    global x
    x = "changed"
f()
print(x)
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
def outer():
    v = 1
    def inner():
        nonlocal v
        v *= 10
    inner(); inner()
    return v
print(outer())
