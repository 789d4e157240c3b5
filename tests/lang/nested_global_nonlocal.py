count = 0
def outer():
    x = 0
    def middle():
        nonlocal x
        def inner():
            global count
            nonlocal x
            count += 1
            x += 10
        inner()
        inner()
        return x
    return middle()
print(outer(), count)
