def g():
    while True:
        try:
            x = yield
            print("got", x)
        except ValueError as e:
            print("handled", e)
            yield "recovered"
it = g()
next(it)
it.send(1)
print(it.throw(ValueError("boom")))
next(it)
it.send(2)
try:
    it.throw(KeyError("k"))
except KeyError as e:
    print("propagated", e)
