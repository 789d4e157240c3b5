assert True
assert 1 == 1, "never"
try:
    assert 1 == 2, "one is not two"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare", repr(e), e.args)
x = [1]
assert x, "non-empty"
print("done")
