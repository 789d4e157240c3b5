print("{} {}".format("a", "b"), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>6}|{:<6}|{:^6}|".format("r", "l", "c"))
print("{:.3f} {:,} {:x} {:08.3f}".format(3.14159, 1000000, 255, -3.5))
print("{0[1]} {1[k]}".format([10, 20], {"k": "v"}))
print("{!r}".format("q"), "{{}}".format())
print("{:{w}}|".format(5, w=4))
class A:
    val = 9
print("{0.val}".format(A()))
