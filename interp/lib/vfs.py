# interp/lib/vfs.py — MicroPython's `vfs` module, the part its host tools use: `mpremote df`
# imports it and lists the mounted file systems with vfs.mount() (no arguments), then asks
# os.statvfs(mountpoint) for each. Tollbooth has one volume, the disk's FAT file system (on the
# host build, the host's root), mounted at "/" at boot; there is nothing to mount or unmount.
import os


class VfsFat:
    """The FAT volume on the virtio disk (fs/fat.c), as MicroPython names its FAT driver."""

    def __repr__(self):
        return "<VfsFat>"

    def statvfs(self, path):
        return os.statvfs(path)


_root = VfsFat()


def mount(*args, **kw):
    """mount() lists (volume, mountpoint) pairs; mounting another is not supported."""
    if args or kw:
        raise OSError(1, "vfs.mount: only the boot volume at / (no other mounts)")
    return [(_root, "/")]


def umount(path):
    raise OSError(1, "vfs.umount: the boot volume at / stays mounted")
