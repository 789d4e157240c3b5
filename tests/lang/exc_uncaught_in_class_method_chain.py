# check: traceback
class Parser:
    def __init__(self, text):
        self.text = text
    def parse(self):
        return [self.item(t) for t in self.text.split(",")]
    def item(self, t):
        return {"a": 1, "b": 2}[t.strip()]
print(Parser("a, b").parse())
Parser("a, z").parse()
