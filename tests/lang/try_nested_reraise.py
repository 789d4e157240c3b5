def inner():
    try:
        raise KeyError("k")
    except KeyError:
        print("inner handles, re-raises")
        raise
def outer():
    try:
        inner()
    except KeyError as e:
        print("outer got", repr(e))
        try:
            raise ValueError("second")
        except ValueError as e2:
            print("nested", e2)
    finally:
        print("outer finally")
outer()
try:
    try:
        1 / 0
    finally:
        print("inner finally")
except ZeroDivisionError as e:
    print("caught", e)
