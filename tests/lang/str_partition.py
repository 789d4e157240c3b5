print("key=value=x".partition("="), "novalue".partition("="))
print("a.b.c".rpartition("."), "abc".rpartition("."))
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "x".removeprefix("y"))
