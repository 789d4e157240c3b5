# format(float, '#') with no type and no precision keeps a decimal point in exponent notation.
for v in [1e16, 1.5e16, 1e-7, 1.0, 0.0, -1e300, 123.0, float('inf'), float('nan'), 1e22]:
    print(format(v, '#'), format(v, '0< #,'), format(v, '^ #012_'), '{:#}'.format(v), f'{v:#>10}')
