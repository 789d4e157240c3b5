print("adding")
result = "count: " + 5
print(result)
