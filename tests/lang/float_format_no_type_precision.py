# format() of a float with a precision and no presentation type: like 'g', but switching to
# exponent notation one digit earlier (fixed notation always keeps a digit after the point).
vals = [3.0, 0.0, -0.0, 123.0, 100.0, 12345.0, 1234.5, 0.0001, 0.00001, 0.5, 2.675, 9.99, 99.5,
        1e16, 1.5e-7, float('inf'), float('nan'), 10.0, 1.0, 123456789.0]
for spec in ['.0', '.1', '.2', '.3', '.5', '#.0', '#.3', '0<6.0', '+.4', '*>12.2', '.12', '#.1', ',.3', '_.6', '10.0']:
    print(spec, [format(v, spec) for v in vals])
print(f'{3.0:.0}', '{:#.0}'.format(-3.0), format(complex(1, 2).real, '.0'))
