import struct
vals = [0.0, 1.0, -2.5, 65504.0, 6.1e-05, 0.1, 3.14159, -0.0, float('inf'), 1e-7, 65519.0]
for v in vals:
    b = struct.pack('<e', v)
    print(v, b, struct.unpack('<e', b))
for v in [2**64, -2**63 - 1, 2**63, -(2**63)]:
    for f in ['<q', '<Q']:
        try: print(f, v, struct.pack(f, v))
        except struct.error as e: print(f, v, e)
print(struct.pack('>iH?3s', -5, 7, True, b'xyzzy'), struct.unpack('>iH?3s', b'\xff\xff\xff\xfb\x00\x07\x01xyz'))
print(struct.calcsize('@bhiqd'), struct.pack('@bhi', 1, 2, 3), struct.Struct('>I').pack(1))
print(struct.unpack('<4B', b'\x01\x02\x03\x04'), struct.pack('<2h3x', 1, 2))
print(isinstance(struct.error('x'), Exception), struct.error.__name__)
