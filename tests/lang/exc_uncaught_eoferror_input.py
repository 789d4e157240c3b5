print("prompting")
name = input("name? ")
print("hello", name)
