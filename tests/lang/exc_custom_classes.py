class MyError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class SubError(MyError):
    pass
try:
    raise SubError(42, "bad thing")
except MyError as e:
    print(type(e).__name__, e.code, e, e.args)
print(issubclass(SubError, Exception), isinstance(SubError(1, "m"), MyError))
e = ValueError("a", 1)
print(e.args, str(e), repr(e))
print(str(KeyError("k")), repr(Exception()), str(Exception()))
