# help(obj) prints the signature as the def wrote it and the docstring, in pydoc's text layout
# (functions, methods, classes, lambdas, keyword-only and positional-only parameters); built-in
# functions show as name(...). Compared with help_signature_doc.expected: CPython's builtins show
# their full signatures and docstrings, and its classes list inherited descriptors too.
import math


def area(width, height=1.5, *extra, unit="cm", **options):
    """Area of a rectangle.

    The extra arguments are ignored;
        this line keeps its own indentation.
    """
    return width * height


def bare():
    pass


def posonly(a, b, /, c, *, d=None):
    "One line."


class Shape:
    """A shape with sides."""

    def __init__(self, sides):
        self.sides = sides

    def describe(self, prefix="shape"):
        """Say how many sides."""
        return "%s: %d" % (prefix, self.sides)

    @staticmethod
    def unit():
        return 1


help(area)
help(bare)
help(posonly)
help(Shape)
help(Shape(3).describe)
help(len)
help(lambda x, y=2: x)
print(help.__name__ if hasattr(help, "__name__") else "help")
help("no_such_module_anywhere")
names = dir(math)
print("sqrt" in names, "pi" in names, names == sorted(names))
