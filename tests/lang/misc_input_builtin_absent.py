import sys
print("has input:", callable(input))
print("reading nothing from stdin ok")
