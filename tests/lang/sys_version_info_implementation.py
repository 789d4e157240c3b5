# sys.version_info is a tuple with named fields (major, minor, micro, releaselevel, serial);
# sys.implementation a namespace whose repr names its fields; sys.hexversion.
import sys
print(sys.version_info >= (3, 8), sys.version_info[:2], sys.version_info.major, sys.version_info.minor, sys.version_info.releaselevel)
print(type(sys.version_info).__name__, len(sys.version_info), isinstance(sys.version_info, tuple), sys.version_info < (4,))
print(str(sys.implementation).startswith("namespace(name="), "version=" in str(sys.implementation), isinstance(sys.implementation.name, str))
print(sys.implementation.version == sys.version_info, sys.hexversion >= 0x030B0000, tuple(sys.version_info)[:2])
a, b, *rest = sys.version_info
print(a, b, len(rest), hash(sys.version_info) == hash(tuple(sys.version_info)))
