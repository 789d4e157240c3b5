# Error order of str format specs: the grouping (',' or '_') is refused first, as CPython's parser
# does, then sign, '#', '=' alignment.
for spec in ['<-,', '+,', '#_', '=,', '-_s', ',s', '+s', '#s', '=s', ',x', '_c', ',c']:
    for v in ['ab', 7]:
        try: print(repr(spec), repr(format(v, spec)))
        except ValueError as e: print(repr(spec), repr(v), e)
# a space sign has its own message
for spec in ['*< 6.0', ' ', ' 5', '+', '-5s']:
    try: print(repr(format('ab', spec)))
    except ValueError as e: print(repr(spec), e)
