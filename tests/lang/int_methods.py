print((255).bit_length(), (0).bit_length(), (-256).bit_length(), (2 ** 100).bit_length())
n = 10
print(n.real, n.imag if hasattr(n, 'imag') else 0)
print(int.__name__, type(5).__name__)
print((10).to_bytes(2, 'big'), int.from_bytes(b'\x01\x00', 'big'))
