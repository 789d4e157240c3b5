for exc in (ZeroDivisionError, KeyError, IndexError, RecursionError, NotImplementedError, StopIteration, OverflowError, UnboundLocalError, KeyboardInterrupt, SystemExit, ModuleNotFoundError):
    print(exc.__name__, [c.__name__ for c in exc.__mro__[1:]])
print(issubclass(KeyboardInterrupt, Exception), issubclass(ValueError, BaseException))
