# 'İ' (U+0130) lower-cases to 'i' + U+0307 COMBINING DOT ABOVE (SpecialCasing.txt), not to the
# dotless 'ı' (U+0131); 'ı' upper-cases to 'I'. lower, swapcase, casefold, title, capitalize
# and the predicates, as CPython 3.11. First seen as a differential-fuzzer disagreement.
for s in ['İ', 'ı', 'aİb', 'İstanbul', 'ıi', 'Iİıi', 'DİYARBAKIR']:
    print(ascii(s.lower()), ascii(s.upper()), ascii(s.swapcase()), ascii(s.casefold()),
          ascii(s.title()), ascii(s.capitalize()), s.isupper(), s.islower(), s.istitle(),
          len(s.lower()), s.lower() == s.casefold())
