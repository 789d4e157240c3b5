class C:
    x = 10
    y = [x * 2]
    def get(self):
        try:
            return x
        except NameError as e:
            return "NameError: " + str(e)
print(C.y, C().get())
x = "module"
print(C().get())
