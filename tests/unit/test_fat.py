#!/usr/bin/env python3
"""tests/unit/test_fat.py — the FAT file system (fs/fat.c) on the host: `make test-fat`.

1. Known operations on a fresh FAT16 and FAT32 image (fat_host ops): results compared with the
   expected lines below; then `fsck.fat -n` must find the image clean and mtools must read back
   what was written.
2. Hostile images: a seeded series of corruptions of a populated image (boot sector, FAT, root
   directory, anywhere); every run must end (20 s guard) without a sanitizer report. Whether a
   call succeeds on a corrupt image is not judged, only that it ends in a result or an errno.
Needs mkfs.fat and mtools (qemu/deps.sh). Deterministic: fixed seeds, no timing.
"""
import os
import random
import shutil
import subprocess
import sys
import tempfile

EXPECT_OPS = """put /big.txt 300000
hole 0 1 size 5001
truncate 0 size 12345
unlink open -16
mkdir 0 -17
listed 300
rmdir nonempty -39
rename dir 0
stat moved file 0
stat old -2
into itself -22
bad names -22 -22
open dir -21, missing -2, notdir -20
fill last ENOSPC
free 0
unlink fill 0
"""


def main():
    tool = sys.argv[1]
    for exe in ("mkfs.fat", "mcopy", "fsck.fat"):
        if not shutil.which(exe):
            print("test-fat: %s missing (qemu/deps.sh installs dosfstools and mtools)" % exe)
            return 1
    tmp = tempfile.mkdtemp(prefix="test-fat-")
    fails = 0
    try:
        for fat, mb in (("16", 16), ("32", 40)):
            img = os.path.join(tmp, "ops%s.img" % fat)
            with open(img, "wb") as f:
                f.truncate(mb << 20)
            subprocess.run(["mkfs.fat", "-F", fat, img], check=True, stdout=subprocess.DEVNULL)
            out = subprocess.run([tool, img, "ops"], capture_output=True, text=True, timeout=120)
            got = "".join(l + "\n" for l in out.stdout.splitlines()
                          if not l.startswith("put /many/"))
            if out.returncode != 0 or got != EXPECT_OPS:
                fails += 1
                print("FAT%s ops: status %d\n--- got\n%s--- expected\n%s%s" %
                      (fat, out.returncode, got, EXPECT_OPS, out.stderr[-2000:]))
            fsck = subprocess.run(["fsck.fat", "-n", img], capture_output=True, text=True)
            if fsck.returncode != 0:
                fails += 1
                print("FAT%s: fsck.fat -n: %s" % (fat, fsck.stdout))
            back = subprocess.run(["mtype", "-i", img, "::/moved/a rather long file name 123.dat"],
                                  capture_output=True).stdout
            if back != b"/many/a rather long file name 123.dat":
                fails += 1
                print("FAT%s: mtools read back %r" % (fat, back))
            hole = subprocess.run(["mtype", "-i", img, "::/hole.bin"], capture_output=True).stdout
            if hole != b"\0" * 5000 + b"X":
                fails += 1
                print("FAT%s: the hole reads back wrong (%d bytes)" % (fat, len(hole)))
        base = os.path.join(tmp, "base.img")
        with open(base, "wb") as f:
            f.truncate(16 << 20)
        subprocess.run(["mkfs.fat", "-F", "16", base], check=True, stdout=subprocess.DEVNULL)
        src = os.path.join(tmp, "files")
        os.makedirs(os.path.join(src, "sub"))
        rnd = random.Random(1)
        for i in range(6):
            with open(os.path.join(src, "file number %d.bin" % i), "wb") as f:
                f.write(bytes(rnd.randrange(256) for _ in range(3000 * (i + 1))))
        with open(os.path.join(src, "sub", "inner.txt"), "w") as f:
            f.write("inner\n")
        subprocess.run(["mcopy", "-s", "-i", base] + [os.path.join(src, n) for n in sorted(os.listdir(src))]
                       + ["::/"], check=True)
        data = open(base, "rb").read()
        hostile = os.path.join(tmp, "hostile.img")
        runs = int(os.environ.get("FAT_HOSTILE_RUNS", "120"))
        for it in range(runs):
            r = random.Random(1000 + it)
            img = bytearray(data)
            region = ("boot", "fat", "root", "any")[it % 4]
            for _ in range(r.randint(1, 40)):
                off = {"boot": lambda: r.randrange(0, 512),
                       "fat": lambda: r.randrange(512, 512 * 70),
                       "root": lambda: r.randrange(512 * 60, 512 * 120),
                       "any": lambda: r.randrange(0, len(img))}[region]()
                img[off] = r.randrange(256)
            with open(hostile, "wb") as f:
                f.write(img)
            try:
                out = subprocess.run([tool, hostile, "walk"], capture_output=True, text=True, timeout=20)
            except subprocess.TimeoutExpired:
                fails += 1
                print("hostile image %d (%s): no end in 20 s" % (it, region))
                continue
            if out.returncode != 0 or not (out.stdout.startswith("walked") or
                                            out.stdout.startswith("mount refused")):
                fails += 1
                print("hostile image %d (%s): status %d\n%s%s" % (it, region, out.returncode,
                                                                  out.stdout, out.stderr[-3000:]))
        print("test-fat: %s (ops on FAT16 and FAT32, %d hostile images)" %
              ("ok" if not fails else "%d FAILED" % fails, runs))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
