"""examples/io_sequential.py — the five requests of examples/io_threads.py made one after
another by one thread, for comparison: about 5 x 2 s, where the five threads take about 2 s.

    python3 qemu/tollbooth.py serve                     # on the host, port 8080
    python3 qemu/tollbooth.py run examples/io_sequential.py --cpus 2

sys.argv[1], if given, is the URL (default http://host:8080/delay/2: the host, seen from the guest).
"""
import sys
import requests, time
URL = sys.argv[1] if len(sys.argv) > 1 else "http://host:8080/delay/2"
start = time.time()
for _ in range(5):
    requests.get(URL)
print("Total:", time.time() - start)
