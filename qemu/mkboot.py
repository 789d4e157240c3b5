#!/usr/bin/env python3
"""qemu/mkboot.py — write the boot block qemu/run.sh loads at 0x4F000000 (format: kernel/bootargs.h).

usage: mkboot.py OUT [--script FILE] [--exit] [--arg KEY=VALUE ...]
"""
import argparse
import struct
import sys

MAX = 16 * 1024 * 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--script")
    ap.add_argument("--exit", action="store_true")
    ap.add_argument("--arg", action="append", default=[])
    a = ap.parse_args()
    args = b"".join(kv.encode() + b"\0" for kv in a.arg if "=" in kv)
    script = b""
    if a.script:
        with open(a.script, "rb") as f:
            script = f.read()
    if 24 + len(args) + len(script) > MAX:
        sys.exit("mkboot: script too large (max 16 MiB with arguments)")
    hdr = b"TOLLBOOT" + struct.pack("<IIII", 1, len(args), len(script), 1 if a.exit else 0)
    with open(a.out, "wb") as f:
        f.write(hdr + args + script)


if __name__ == "__main__":
    main()
