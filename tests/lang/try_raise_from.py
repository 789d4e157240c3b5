class AppError(Exception):
    pass
def load():
    try:
        {}["cfg"]
    except KeyError as e:
        raise AppError("config missing") from e
try:
    load()
except AppError as e:
    print(e, type(e.__cause__).__name__, e.__cause__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during")
except ValueError as e:
    print(e, type(e.__context__).__name__)
try:
    raise RuntimeError("x") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__)
