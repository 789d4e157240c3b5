# expect: ValueError
# a generator closing itself while it runs: the frame it runs in must not be freed under it
def g():
    me.close()
    yield 1


me = g()
for _ in me:
    pass
