# A replacement field index too long for a machine integer is CPython's ValueError, not an
# overflow (found by the libFuzzer target: UBSan, signed overflow in strfmt.c).
for spec in ["{99999999999999999999}", "{66666666666666666666666666666666666666666666666666:>5}",
             "{9223372036854775807}", "{922337203685477580}"]:
    try:
        print(spec.format(5))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
