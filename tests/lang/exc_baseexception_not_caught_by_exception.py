def run(exc):
    try:
        try:
            raise exc
        except Exception:
            print("caught by Exception:", type(exc).__name__)
    except BaseException as b:
        print("only BaseException:", type(b).__name__)
for e in (ValueError(), KeyboardInterrupt(), SystemExit(4), GeneratorExit(), StopIteration()):
    run(e)
