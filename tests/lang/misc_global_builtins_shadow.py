def len(x):
    return 42
print(len([1, 2]))
del len
print(len([1, 2]))
list_ = list
print(list_("ab"))
