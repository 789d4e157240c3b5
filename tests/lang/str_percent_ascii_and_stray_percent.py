# %-formatting: "%%" is the only literal percent (a '%' conversion after a key, flags, width or
# precision is an unsupported format character, once its argument is taken); %a and !a escape
# non-ASCII like ascii(); %c ignores the '#' flag.
for f, a in [('%5%', ()), ('%5%', (1,)), ('%-%', ()), ('%(x)%', {'x': 1}), ('%(x)5%', {'x': 1}),
             ('%.2%', (3,)), ('x%%y', ()), ('%-05.2%', (1,)), ('%#c', ('é',)), ('%#5c', (233,)),
             ('%a', ('é',)), ('%5a', ('Ωmega',)), ('%-12a|', ('日本',)), ('%a', (b'\xff',)), ('%.3a', ('é',)),
             ('%a', ('\U0001F600',)), ('%s %a %r', ('é', 'é', 'é'))]:
    try: print(repr(f), repr(f % a))
    except Exception as e: print(repr(f), type(e).__name__, e)
x = 'naïve'
print(f'{x!a}', f'{x!a:>12}', f'{[x]!a}', ascii(x), ascii([x, 'Ω']))
