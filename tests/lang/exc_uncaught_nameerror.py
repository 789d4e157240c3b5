# check: traceback
print("start")
x = 1
print(x + undefined_variable)
