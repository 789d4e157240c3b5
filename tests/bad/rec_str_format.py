# expect: RecursionError
class F:
    def __format__(self, spec):
        return f"{self}"
    def __str__(self):
        return format(self, "")
print(F())
