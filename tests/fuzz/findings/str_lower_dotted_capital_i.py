# 'İ' (U+0130, LATIN CAPITAL LETTER I WITH DOT ABOVE) lowercases to 'i' + U+0307 COMBINING DOT
# ABOVE in CPython (SpecialCasing.txt); tollpy gives 'ı' (U+0131, dotless i), a different letter.
# The other one-to-many mappings below are README's known gap ("Unicode case mapping for the
# common scripts only"); this one is a wrong mapping, not a missing one. Found while widening
# tests/fuzz/diff_fuzz.py's strings to non-ASCII. Deterministic: belongs in tests/lang once fixed.
print(ascii('İ'.lower()), ascii('İ'.swapcase()), ascii('İ'.casefold()))
print(ascii('ß'.casefold()), ascii('ﬁ'.upper()), ascii('ǅ'.upper()), ascii('ǅ'.lower()))
