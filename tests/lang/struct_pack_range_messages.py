# struct.pack range errors: a value that does not fit the C long (or unsigned long, for I/L/Q/N) CPython
# converts through is "argument out of range"; the code's own range message otherwise.
import struct
for f in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'n', 'N', '?']:
    for order in ['<', '@']:
        for v in (-1, 300, 2**31, 2**32, 2**63, 2**64, -2**63 - 1, 2**70):
            try: struct.pack(order + f, v); r = 'ok'
            except (struct.error, OverflowError) as e: r = type(e).__name__ + ': ' + str(e)
            print(order + f, v, r)
