class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
print(p.x, p.y, p.norm2(), Point.dims, p.dims)
p.move(1, 1).move(1, 1)
print(p.x, p.y)
print(type(p).__name__, isinstance(p, Point), Point.__name__)
Point.dims = 3
print(p.dims)
p.dims = 9
print(p.dims, Point.dims)
