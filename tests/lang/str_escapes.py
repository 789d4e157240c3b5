print("tab:\there")
print("newline:\\n literal")
print("quote: \" and \'")
print("\x41\u00e9\N{BULLET}".encode("utf-8"))
print(r"raw\n\t", len(r"\n"))
print("""triple
quoted""")
print('concat' 'enated' "strings")
