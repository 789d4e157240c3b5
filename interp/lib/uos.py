# interp/lib/uos.py — MicroPython's name for `os` (its host tools, pyboard.py -f and mpremote,
# import uos): the same module's functions.
from os import *
from os import ilistdir, listdir, stat, statvfs, remove, rename, mkdir, rmdir, getcwd, chdir, sync
