def f():
    pass
class C:
    pass
for _ in range(3):
    pass
if True:
    pass
print(f(), type(C()).__name__)
while False:
    pass
print(...)
