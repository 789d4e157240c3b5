"""examples/io_overlap.py — a thread counting while another reads a file: the counter keeps
advancing during the reads, because a thread waiting for the disk does not hold the GIL (David
Beazley, "Understanding the Python GIL", PyCon 2010: I/O releases the GIL; threads suit
I/O-bound work). On the disk of `make run` (examples/ is the default DISK):

    >>> exec(open("io_overlap.py").read())

Writes io_overlap.bin (KIB KiB, sys.argv[1], default 256) if it is not there yet, then reads it
in 4 KiB chunks while a counting thread runs, and writes io_overlap.csv: one row a chunk, the
counter's value after it. Copy it out and plot it on the host:

    mcopy -i build/disk.img ::/io_overlap.csv .

Prints `RESULT chunks=C counted_during_reads=N` (N > 0: the counter ran while the reader waited).
"""
import os
import sys
import threading

KIB = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 256
DATA = "io_overlap.bin"
CHUNK = 4096

try:
    ok = os.stat(DATA).st_size == KIB * 1024
except OSError:
    ok = False
if not ok:
    with open(DATA, "wb") as f:
        for i in range(KIB):
            f.write(bytes([i & 255]) * 1024)

count = 0
stop = False


def counter():
    global count
    while not stop:
        count += 1


t = threading.Thread(target=counter)
t.start()
rows = []
start = count
with open(DATA, "rb") as f:
    while True:
        block = f.read(CHUNK)
        if not block:
            break
        rows.append((len(rows), len(block), count))
stop = True
t.join()
with open("io_overlap.csv", "w") as out:
    out.write("chunk,bytes,counter\n")
    for r in rows:
        out.write("%d,%d,%d\n" % r)
print("read %d chunks of %s; counter %d -> %d" % (len(rows), DATA, start, rows[-1][2] if rows else start))
print("RESULT chunks=%d counted_during_reads=%d" % (len(rows), (rows[-1][2] - start) if rows else 0))
