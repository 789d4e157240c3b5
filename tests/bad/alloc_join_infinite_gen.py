# expect: MemoryError
def words():
    while True:
        yield "word"
s = " ".join(words())
