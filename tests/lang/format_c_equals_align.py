# format(n, 'c') with '=' alignment or the '0' flag pads on the left, as CPython.
for spec in ['=6c', '*=6c', '06c', '<6c', '^6c', '0=6c', 'é=06c', '>3c']:
    print(repr(spec), repr(format(65, spec)), repr(format(True, spec)), repr(('{0:%s}' % spec).format(233)), repr(f'{66:{spec}}'))
