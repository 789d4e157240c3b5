# struct reads from memoryviews of bytes and bytearrays as from bytes.
import struct
print(struct.unpack("<hI", memoryview(b"\x01\x00\x02\x00\x00\x00")), struct.unpack_from("B", memoryview(bytearray(b"\x07\x08")), 1))
print(list(struct.iter_unpack("<h", memoryview(b"\x01\x00\x02\x00"))))
