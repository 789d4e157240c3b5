"""examples/wordcount.py — threads for I/O-bound work (David Beazley, "Understanding the Python
GIL", PyCon 2010): one thread a file counts the lines and words of every .py file in a folder
(sys.argv[1], default the current one: / on the disk of `make run`), and the totals go to
wordcount.csv. Each thread spends its time in file.read(), which drops the GIL while it waits
for the disk, so the reads overlap.

    >>> exec(open("wordcount.py").read())            # on the guest's console
    python3 examples/wordcount.py examples             # the same program under CPython

Copy the table out with `mcopy -i build/disk.img ::/wordcount.csv .`.
"""
import os
import sys
import threading

folder = sys.argv[1] if len(sys.argv) > 1 else "."
names = sorted(n for n in os.listdir(folder) if n.endswith(".py"))
counts = {}
lock = threading.Lock()


def count(name):
    with open(os.path.join(folder, name)) as f:
        text = f.read()
    with lock:
        counts[name] = (text.count("\n"), len(text.split()))


threads = [threading.Thread(target=count, args=(n,)) for n in names]
for t in threads:
    t.start()
for t in threads:
    t.join()
with open("wordcount.csv", "w") as out:
    out.write("file,lines,words\n")
    for n in names:
        out.write("%s,%d,%d\n" % ((n,) + counts[n]))
for n in names:
    print("%-20s %5d lines %6d words" % ((n,) + counts[n]))
print("RESULT files=%d words=%d" % (len(names), sum(w for _, w in counts.values())))
