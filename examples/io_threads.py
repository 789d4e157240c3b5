"""examples/io_threads.py — the I/O-bound example of the GIL question-and-answer walkthrough
(article D of docs/experiments.md) as printed there, with only the URL changed to a local server
(the article fetches https://httpbin.org/delay/2):
five threads each fetch a page that takes 2 s to come back. The article: "Each call takes ~2
seconds, but total time ≈ 2–2.5 s, not 10 s ... while one thread is waiting for the network, it
releases the GIL." examples/io_sequential.py makes the same five requests one after another.

Start the server on the host first (it listens on 127.0.0.1 only; the guest reaches it as
"host", QEMU's gateway 10.0.2.2):

    python3 qemu/tollbooth.py serve                     # port 8080
    python3 qemu/tollbooth.py run examples/io_threads.py --cpus 2 --gil new
    build/host/tollpy examples/io_threads.py http://127.0.0.1:8080/delay/2     # on the host

sys.argv[1], if given, is the URL. At the console (`make run`: examples/ is the disk):
exec(open("io_threads.py").read()), then kernel.timeline(): the five threads wait ('z') together.
"""
import sys
import threading, requests, time
URL = sys.argv[1] if len(sys.argv) > 1 else "http://host:8080/delay/2"
def io_task(url):
    requests.get(url)
start = time.time()
threads = [threading.Thread(target=io_task, args=(URL,)) for _ in range(5)]
for t in threads: t.start()
for t in threads: t.join()
print("Total:", time.time() - start)
