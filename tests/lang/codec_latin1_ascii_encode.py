# The Latin-1 codec and the encoding names CPython's normalisation accepts; str.encode and
# bytes()/bytearray() of a str honour the encoding and the strict/replace/ignore handlers, with
# CPython's UnicodeEncodeError messages.
for enc in ['latin-1', 'Latin_1', 'ISO-8859-1', 'l1', 'latin1', 'ascii', 'US-ASCII', 'utf-8', 'UTF8', 'U8', 'nope']:
    for s in ['abc', 'é', 'naïve Ωmega', '日本', '\U0001F600x', 'aéé']:
        for err in [None, 'replace', 'ignore']:
            try:
                b = s.encode(enc) if err is None else s.encode(enc, err)
                print(enc, repr(s), err, b, b.decode(enc))
            except (UnicodeError, LookupError) as e:
                print(enc, repr(s), err, type(e).__name__, e)
print(bytes('é', 'latin-1'), bytearray('aé', 'latin1'), bytes('x', encoding='ascii'), str(b'\xe9\xff', 'latin-1'))
print(b'\x00\x7f\x80\xff'.decode('latin-1'), bytearray(b'\xe9').decode('iso8859-1'), len(bytes(range(256)).decode('latin-1')))
for bad in [lambda: bytes('é', 'ascii'), lambda: bytearray('Ωé', 'latin-1'), lambda: 'é'.encode(5), lambda: b'x'.decode('nope')]:
    try: bad()
    except (UnicodeError, LookupError, TypeError) as e: print(type(e).__name__, e)
