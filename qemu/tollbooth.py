#!/usr/bin/python3
"""qemu/tollbooth.py — the launcher: every host program that starts a Tollbooth guest does it here.

As a module (import it with sys.path including qemu/):
  Launch(kernel, cpus, script, exit, gil, args, kargs, console, gdb_port, mem, disk, net, hostfwd)
      the qemu-system-arm command line (.argv) and the boot block file it loads; LaunchError
      (status 2) for a missing kernel or script or CPUS outside 1..8. net (default True): a
      virtio-net NIC on QEMU user networking (guest 10.0.2.15, host 10.0.2.2); hostfwd:
      "tcp:HOSTPORT[:GUESTPORT],..." forwards 127.0.0.1:HOSTPORT on the host to the guest.
      Every function below passes disk, net and hostfwd through.
  run_batch(script, kernel, cpus, timeout, gil, args) -> BatchResult(status, out, err)
      boot, run SCRIPT, power off (`make run SCRIPT=f EXIT=1`); the timeout is a hang guard (124).
  spawn(...) -> a pexpect child on QEMU's console (interactive tests, the raw REPL's Board).
  popen(...) -> QEMU in its own process group (console on TCP, gdb stub).
  Board(kernel, cpus, gil): a booted guest driven over the raw REPL (exec_raw, last_status);
      run_once() below.

As a program:
  tollbooth.py boot [--cpus N] [--script FILE] [--exit] [--timeout S] [--gil P] [--args "a b"]
                    [--karg K=V ...] [--console mux|stdio|tcp:PORT] [--gdb PORT] [--mem 256M]
                    [--trace-events N] [--disk IMAGE] [--net|--no-net] [--hostfwd tcp:8000,...]
      (--mem: QEMU's -m, at least 128M; the guest reads the size from the device tree)
      QEMU in the foreground on this terminal (what qemu/run.sh, hence `make run`/`make gdb`,
      runs). Exit status: the guest's (semihosting SYS_EXIT_EXTENDED): 0 success, 1 error, N from
      `exit N`, 101 kernel panic; 124 when --timeout (batch runs only; a hang guard) expired; 2
      for bad usage.
  tollbooth.py run FILE [ARG ...] [--cpus N] [--gil POLICY] [--switch-interval S]
                                  [--trace PREFIX] [--trace-events N] [--timeout S]
                                  [--net|--no-net] [--hostfwd tcp:8000,...] [--kernel ELF]
      boot a kernel, send FILE over the raw REPL (MicroPython's protocol: Ctrl-A, program,
      Ctrl-D -> "OK" output \\x04 error \\x04 ">"), stream its output, exit with its status
      (0, 1 after a traceback, N for sys.exit(N), 124 on timeout). ARGs become sys.argv[1:].
      --trace PREFIX: afterwards kernel.trace_dump() is read back and written as
      PREFIX.json (Chrome/Perfetto trace: one track per thread and per core), PREFIX.png
      (gnuplot timeline) and PREFIX.bin (raw records), and the summary is printed. The trace
      rings keep the last N events a core (16384 unless --trace-events N, boot argument
      TRACE_EVENTS): when a run outgrows them the summary says which stretch it covers and how
      many events of each kind were overwritten.
  Every command refuses an unknown --gil before booting (status 2), naming the policies.
  tollbooth.py convert LOG [--out PREFIX]
      the same conversion for a UART log that contains a trace block (make run ... | tee log);
      without --out the files go beside LOG, named after it (uart.log -> uart.json, uart.png).
  tollbooth.py serve [--port N] [--verbose]
      a local HTTP server that answers like httpbin.org (/get, /delay/N, /bytes/N, /status/C,
      /stream/N, ...: qemu/httpbin_server.py) on 127.0.0.1:N (default 8080) until killed; a
      guest reaches it as http://host:N/ (QEMU's user networking). Prints the port first.
  tollbooth.py sweep FILE [--gil new,old] [--threads 1,2] [--cpus 1,2] [--switch-interval 0.005]
                          [-j N] [--out DIR] [--timeout S] [--y KEY] [--trace-events N]
      run FILE for every cell of the matrix in parallel guests (at most N at once, default the
      host's cores), with sys.argv = [FILE, THREADS]; collect the `RESULT key=value` lines it
      prints and the trace summary into DIR/sweep.csv, plot DIR/sweep.png with gnuplot.

Python 3 stdlib + pexpect (Debian's python3-pexpect). gnuplot (gnuplot-nox) for the PNGs.
Trace block format (ports/guest/timeline.c): a line "-----BEGIN TOLLBOOTH TRACE v1 k=v ...-----",
base64 lines of 20-byte little-endian records <u64 ticks, u16 cpu, u16 event, u32 a, u32 b>,
then "-----END TOLLBOOTH TRACE crc32=XXXXXXXX-----" (CRC-32 of the raw records).
"""
import ast
import argparse
import base64
import binascii
import codecs
import concurrent.futures
import csv
import json
import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
DEFAULT_KERNEL = ROOT / "build" / "kernel.elf"

# interp/port/trace_events.h
EV = {1: "gil_take", 2: "gil_drop", 3: "drop_request", 4: "forced_switch", 5: "failed_wakeup",
      6: "thread_run", 7: "thread_sleep", 8: "thread_wake", 9: "io_begin", 10: "io_end",
      11: "thread_start", 12: "thread_exit", 13: "gil_policy", 14: "gil_corruption",
      0xF000: "sched_switch"}


class GuestError(Exception):
    pass


def _norm(b):
    """QEMU's stdio keeps ONLCR: the guest's \\r\\n reaches us as \\r\\r\\n."""
    return b.replace(b"\r\r\n", b"\n").replace(b"\r\n", b"\n")


class Board:
    """A booted guest with its console on a pexpect pty. Always call close()."""

    def __init__(self, kernel=DEFAULT_KERNEL, cpus=2, gil=None, timeout=60, echo=None, kargs=(),
                 disk=None, net=True, hostfwd=None):
        import pexpect
        self.pexpect = pexpect
        self.child = spawn(kernel, cpus=cpus, gil=gil, kargs=kargs, timeout=timeout, maxread=65536,
                           disk=disk, net=net, hostfwd=hostfwd)
        self.timeout = timeout
        self.echo = echo
        self._pending = b""
        try:
            self.child.expect_exact(b">>> ", timeout=timeout)
        except Exception:
            self.close()
            raise GuestError("the guest did not reach the >>> prompt")

    def close(self):
        if self.child.isalive():
            self.child.terminate(force=True)
        self.child.close(force=True)
        self.child.launch.close()

    def enter_raw(self):
        self.child.send(b"\r\x03\x03\x01")
        self._pending = b""
        self.child.expect_exact(b"raw REPL; CTRL-B to exit", timeout=self.timeout)
        self.child.expect_exact(b">", timeout=self.timeout)
        self._pending = b""

    def _take_buffer(self):
        """What pexpect's expect() read past its match, plus our own leftovers."""
        buf = self._pending + (self.child.buffer or b"")
        self.child.buffer = b""
        self._pending = b""
        return buf

    def _read_until_eot(self, timeout, stream):
        """Bytes up to the next \\x04 (streamed to `stream` as they come); the rest stays
        buffered for the next read.

        Everything before the \\x04 is streamed, including what an earlier expect() (the "OK")
        had already read past its match: a program's first output often arrives in the same read
        as the "OK". Streaming holds back what is not yet safe to show: trailing \\r bytes (a
        \\r\\r\\n pair may be split across reads) and an incomplete UTF-8 sequence."""
        buf = self._take_buffer()
        deadline = time.monotonic() + timeout
        shown = 0                                   # bytes of buf already passed to stream
        dec = codecs.getincrementaldecoder("utf-8")("replace") if stream else None

        def show(upto, final):
            nonlocal shown
            part = buf[shown:upto]
            if not final:
                part = part.rstrip(b"\r")          # the rest of a \r\r\n may follow
            if part:
                text = dec.decode(_norm(part), final)
                if text:
                    stream(text)
            elif final:
                text = dec.decode(b"", True)
                if text:
                    stream(text)
            shown += len(part)

        while b"\x04" not in buf:
            if stream:
                show(len(buf), False)
            left = deadline - time.monotonic()
            if left <= 0:
                raise self.pexpect.TIMEOUT("no \\x04 from the guest")
            try:
                chunk = self.child.read_nonblocking(65536, timeout=min(left, 0.5))
            except self.pexpect.TIMEOUT:
                continue
            buf += chunk
        i = buf.index(b"\x04")
        if stream:
            show(i, True)
        self._pending = buf[i + 1:]
        return bytes(buf[:i])

    def _expect_pending(self, token, timeout):
        """Like expect_exact, but first looks at what _read_until_eot left over."""
        buf = self._take_buffer()
        deadline = time.monotonic() + timeout
        while token not in buf:
            left = deadline - time.monotonic()
            if left <= 0:
                raise self.pexpect.TIMEOUT("no %r from the guest" % token)
            try:
                buf += self.child.read_nonblocking(65536, timeout=min(left, 0.5))
            except self.pexpect.TIMEOUT:
                continue
        i = buf.index(token)
        self._pending = buf[i + len(token):]
        return bytes(buf[:i])

    def exec_raw(self, src, timeout=None, stream=None):
        """Run src (str) at the raw prompt; returns (output, error) as str."""
        timeout = timeout or self.timeout
        data = src.encode() if isinstance(src, str) else src
        for i in range(0, len(data), 1024):
            self.child.send(data[i:i + 1024])
        self.child.send(b"\x04")
        self._expect_pending(b"OK", timeout)
        out = self._read_until_eot(timeout, stream)
        err = self._read_until_eot(timeout, None)
        self._expect_pending(b">", timeout)
        return _norm(out).decode("utf-8", "replace"), _norm(err).decode("utf-8", "replace")

    def last_status(self, err, timeout=None):
        """The exit status of the program exec_raw just ran (err: its error text). sys.exit(N)
        is quiet at the raw REPL, as MicroPython's, so the guest is asked for it
        (kernel.last_exit_status()); err decides only if it cannot answer."""
        out, e = self.exec_raw("import kernel\nprint(kernel.last_exit_status())\n", timeout=timeout)
        if not e.strip() and out.strip().isdigit():
            return int(out.strip())
        return status_of(err)


def status_of(err):
    """The status an error text stands for: 0 if empty, N for "SystemExit: N" (a kernel whose raw
    REPL printed it), else 1."""
    if not err.strip():
        return 0
    m = re.search(r"SystemExit: (\d+)\s*$", err)
    return int(m.group(1)) if m else 1


# ---- launching QEMU: the one place that builds a qemu-system-arm command line ----------------
# Every host program that boots a guest (qemu/run.sh for `make run`/`make gdb`, the pytest
# harnesses in tests/qemu and tests/grade, tests/runner.py --target guest, the report and the
# benchmarks) comes through Launch, run_batch() or spawn() below.

class LaunchError(GuestError):
    """Bad usage (no kernel, no script, CPUS out of range, an unknown GIL policy): status 2,
    nothing started."""


# The GIL policies the interpreter knows: interp/gil/gil.c's gil_policy_names (gil.policies() on
# the host; tests/qemu/test_launcher.py checks the two agree). A name outside it is refused
# before boot: the guest would otherwise have to refuse it at boot (ports/guest/console.c).
GIL_POLICIES = ("new", "old", "prio", "none", "unsafe")


def check_gil(name):
    """name if it is a GIL policy, else LaunchError naming the policies (as sys.setgilpolicy)."""
    if name not in GIL_POLICIES:
        raise LaunchError("unknown GIL policy '%s' (%s)" % (name, ", ".join(GIL_POLICIES)))
    return name


def _gil_arg(value):
    """argparse type for --gil: one policy."""
    try:
        return check_gil(value)
    except LaunchError as e:
        raise argparse.ArgumentTypeError(str(e))


def _gil_list_arg(value):
    """argparse type for sweep's --gil: a comma-separated list of policies."""
    for name in value.split(","):
        _gil_arg(name)
    return value


# Trace ring size a core (kernel/trace.c): TRACE_EVENTS=N at boot, a power of two in this range.
TRACE_EVENTS_MIN, TRACE_EVENTS_MAX = 1024, 1 << 20


def _trace_events_arg(value):
    try:
        n = int(value)
    except ValueError:
        n = 0
    if not TRACE_EVENTS_MIN <= n <= TRACE_EVENTS_MAX:
        raise argparse.ArgumentTypeError("trace events a core must be %d..%d (got '%s')"
                                         % (TRACE_EVENTS_MIN, TRACE_EVENTS_MAX, value))
    return n


# The guest's RAM layout (kernel/tunables.h, kernel/memmap.h): RAM at RAM_BASE, its size read from
# the device tree; the boot block in the last BOOT_BLOCK_MAX bytes of the RAM the kernel uses.
RAM_BASE = 0x40000000
RAM_MIN = 128 << 20               # RAM_MIN: less does not boot (image, stack arena, boot block, heap)
RAM_MAX_USED = 1 << 30            # RAM_MAX_USED: what the kernel maps; more is left unused
BOOT_BLOCK_MAX = 16 * 1024 * 1024


def parse_mem(mem):
    """QEMU's -m size ("256M", "1G", "131072K", "256" = MiB) in bytes; LaunchError if it is not
    one or is below what the kernel needs to boot."""
    m = re.fullmatch(r"\s*(\d+)\s*([kKmMgGtT]?)[bB]?\s*", str(mem))
    if not m:
        raise LaunchError("MEM=%s is not a size (e.g. MEM=256M, MEM=1G)" % mem)
    n = int(m.group(1)) << {"": 20, "k": 10, "m": 20, "g": 30, "t": 40}[m.group(2).lower()]
    if n < RAM_MIN:
        raise LaunchError("MEM=%s is too small to boot: Tollbooth needs at least %dM (the kernel, "
                          "48 MiB of thread stacks, the 16 MiB boot block and a heap)" % (mem, RAM_MIN >> 20))
    return n


def boot_block_addr(mem):
    """Where the guest looks for the boot block with MEM of RAM (kernel/memmap.c)."""
    return RAM_BASE + min(parse_mem(mem), RAM_MAX_USED) - BOOT_BLOCK_MAX


def _split_args(args):
    import shlex
    try:
        argv = shlex.split(args)
    except ValueError as e:
        raise LaunchError("ARGS=%s: %s" % (args, e))
    if any("\0" in a for a in argv):
        raise LaunchError("ARGS: no NUL bytes")
    return argv


def boot_block(cpus, script=None, exit=False, gil=None, args=None, kargs=()):
    """The boot block (format: kernel/bootargs.h): "TOLLBOOT" | u32 version=1 | u32 args_len |
    u32 script_len | u32 flags (bit 0: power off after the script) | KEY=VALUE\\0 ... | script."""
    kv = ["CPUS=%s" % cpus]
    body = b""
    if script is not None and str(script).startswith(":"):
        # SCRIPT=:path names a file on the disk: the guest reads and runs it (ports/guest/console.c)
        path = "/" + str(script)[1:].lstrip("/")
        body = b"# the program is SCRIPTFILE, on the disk\n"
        kv += ["SCRIPTNAME=%s" % path, "SCRIPTFILE=%s" % path]
    elif script is not None:
        body = pathlib.Path(script).read_bytes()
        kv.append("SCRIPTNAME=%s" % os.path.basename(str(script)))
    if exit:
        kv.append("EXIT=1")
    if gil:
        kv.append("GIL=%s" % gil)
    if args:
        # ARGS as a shell splits it (quotes group, backslashes escape): one ARGV= entry per
        # sys.argv item (ports/guest/console.c); ARGS= itself is kept for `kernel.shell("args")`.
        argv = list(args) if isinstance(args, (list, tuple)) else _split_args(args)
        kv.append("ARGS=%s" % (args if isinstance(args, str) else " ".join(argv)))
        kv += ["ARGV=%s" % a for a in argv]
    kv += [x for x in kargs if "=" in x]
    packed = b"".join(x.encode() + b"\0" for x in kv)
    if 24 + len(packed) + len(body) > BOOT_BLOCK_MAX:
        raise LaunchError("script too large (max 16 MiB with arguments)")
    return b"TOLLBOOT" + struct.pack("<IIII", 1, len(packed), len(body), 1 if exit else 0) + packed + body


# QEMU 7.2's virtio-mmio transports are legacy (version 1) unless force-legacy is off; the
# guest's drivers (drivers/virtio.c) speak virtio 1.x only. Every virtio device (the disk, the
# NIC) takes one of the 32 virtio-mmio slots of `virt`; the guest finds each by its device id.
VIRTIO_MODERN = ["-global", "virtio-mmio.force-legacy=false"]


def disk_args(image):
    """The virtio block device for a raw disk image."""
    return ["-drive", "file=%s,if=none,format=raw,id=d0" % image,
            "-device", "virtio-blk-device,drive=d0"]


def parse_hostfwd(spec):
    """HOSTFWD / --hostfwd: comma-separated PROTO:HOSTPORT[:GUESTPORT] (PROTO tcp or udp; the
    guest port defaults to the host port) -> QEMU's hostfwd= options, the host side bound to
    127.0.0.1 only: "tcp:8000" -> ["hostfwd=tcp:127.0.0.1:8000-:8000"]."""
    out = []
    for item in (spec or "").split(","):
        item = item.strip()
        if not item:
            continue
        parts = item.split(":")
        if len(parts) not in (2, 3) or parts[0] not in ("tcp", "udp"):
            raise LaunchError("hostfwd '%s': use tcp:HOSTPORT[:GUESTPORT] (or udp:...)" % item)
        ports = parts[1:] + ([parts[1]] if len(parts) == 2 else [])
        for p in ports:
            if not p.isdigit() or not 1 <= int(p) <= 65535:
                raise LaunchError("hostfwd '%s': '%s' is not a port (1..65535)" % (item, p))
        out.append("hostfwd=%s:127.0.0.1:%s-:%s" % (parts[0], ports[0], ports[1]))
    return out


def net_args(net=True, hostfwd=None):
    """The NIC: QEMU user networking (slirp: the guest is 10.0.2.15, the host 10.0.2.2) on a
    virtio-net device (drivers/virtio_net.c), with the given host forwards; none when net is
    false."""
    if not net:
        if hostfwd:
            raise LaunchError("hostfwd needs the network (it is off: NET=0 / --no-net)")
        return ["-nic", "none"]
    # -netdev + -device: QEMU 7.2's -nic shorthand knows only PCI models (virtio-net-pci), and
    # `virt` gives the guest no PCI driver: the MMIO transport's virtio-net-device it is.
    return ["-netdev", ",".join(["user", "id=n0"] + parse_hostfwd(hostfwd)),
            "-device", "virtio-net-device,netdev=n0"]


def make_disk_image(folder, image, size_mb=32):
    """A FAT16 image of size_mb MiB holding folder's files (Debian's dosfstools and mtools:
    qemu/deps.sh). FAT16 needs at least 16 MiB (smaller volumes would be FAT12)."""
    import subprocess as sp
    image = str(image)
    if os.path.exists(image):
        os.unlink(image)
    with open(image, "wb") as f:
        f.truncate(size_mb << 20)
    sp.run(["mkfs.fat", "-F", "16", "-n", "TOLLBOOTH", image], check=True, stdout=sp.DEVNULL)
    if folder:
        names = sorted(os.listdir(str(folder)))
        if names:
            sp.run(["mcopy", "-s", "-Q", "-i", image] + [os.path.join(str(folder), n) for n in names]
                   + ["::/"], check=True)
    return image


def _stamp(image):
    return str(image) + ".from"


def disk_image_current(folder, image):
    """Whether image was made from folder (its stamp, IMAGE.from, names the folder) and nothing
    in the folder changed since: `make run` then boots the same image again, and what the guest
    wrote there last time is still on it."""
    stamp = _stamp(image)
    try:
        if pathlib.Path(stamp).read_text().strip() != os.path.abspath(str(folder)):
            return False
        made = os.stat(stamp).st_mtime
        os.stat(str(image))
    except OSError:
        return False
    for top, dirs, files in os.walk(str(folder)):
        for n in dirs + files + [""]:
            try:
                if os.stat(os.path.join(top, n)).st_mtime > made:
                    return False
            except OSError:
                return False
    return True


def make_disk_image_stamped(folder, image, size_mb=32):
    """make_disk_image, then IMAGE.from naming the folder (for disk_image_current)."""
    if os.path.exists(_stamp(image)):
        os.unlink(_stamp(image))
    make_disk_image(folder, image, size_mb)
    pathlib.Path(_stamp(image)).write_text(os.path.abspath(str(folder)) + "\n")
    return image


class Launch:
    """One QEMU command line and the boot block file it loads.

    console: "stdio" (the console on QEMU's stdin/stdout, Ctrl-A passed to the guest), "mux"
    (stdio multiplexed with QEMU's monitor: Ctrl-A x quits; `make run`), or ("tcp", PORT) (a TCP
    server socket on localhost, exact \\r\\n, for MicroPython's pyboard.py/mpremote).
    gdb_port: start halted with a gdb stub there (`make gdb`).
    The boot block lives in a private temporary directory until close() (or interpreter exit):
    QEMU reads it once, at machine start."""

    def __init__(self, kernel=DEFAULT_KERNEL, cpus=2, script=None, exit=False, gil=None,
                 args=None, kargs=(), console="stdio", gdb_port=None, mem="256M", disk=None,
                 net=True, hostfwd=None):
        if disk is not None and not os.path.isfile(str(disk)):
            raise LaunchError("no disk image '%s'" % disk)
        if str(cpus) not in ("1", "2", "3", "4", "5", "6", "7", "8"):
            raise LaunchError("CPUS must be 1..8 (got '%s')" % cpus)
        if not os.path.isfile(str(kernel)):
            raise LaunchError("no kernel at %s (run make)" % kernel)
        if script is not None and str(script).startswith(":") and disk is None:
            raise LaunchError("SCRIPT=%s names a file on the disk, but there is no disk (DISK=)" % script)
        if script is not None and not str(script).startswith(":") and not os.path.isfile(str(script)):
            raise LaunchError("no script '%s'" % script)
        if gil:
            check_gil(gil)
        for kv in kargs:
            if kv.startswith("GIL="):
                check_gil(kv[4:])
        nic = net_args(net, hostfwd)
        addr = boot_block_addr(mem)
        if not shutil.which("qemu-system-arm"):
            raise LaunchError("qemu-system-arm not found (qemu/deps.sh installs it)")
        fd, self.boot_path = tempfile.mkstemp(prefix="boot-", dir=_boot_dir())
        with os.fdopen(fd, "wb") as f:
            f.write(boot_block(cpus, script, exit, gil, args, kargs))
        if console == "mux":
            con = ["-chardev", "stdio,id=con,mux=on,signal=off", "-serial", "chardev:con",
                   "-mon", "chardev=con,mode=readline"]
        elif console == "stdio":
            con = ["-chardev", "stdio,id=con,signal=off", "-serial", "chardev:con", "-monitor", "none"]
        else:
            kind, port = console
            con = ["-chardev", "socket,id=con,host=localhost,port=%s,server=on,wait=on" % port,
                   "-serial", "chardev:con", "-monitor", "none"]
        self.argv = ["qemu-system-arm", "-M", "virt", "-cpu", "cortex-a15", "-smp", str(cpus),
                     "-m", mem, "-display", "none"] + nic + con + [
                     "-kernel", str(kernel),
                     "-device", "loader,file=%s,addr=0x%X,force-raw=on" % (self.boot_path, addr),
                     "-semihosting-config", "enable=on,target=native"]
        if disk is not None or net:
            self.argv += VIRTIO_MODERN
        if disk is not None:
            self.argv += disk_args(disk)
        if gdb_port is not None:
            self.argv += ["-S", "-gdb", "tcp::%s" % gdb_port]

    def close(self):
        try:
            os.unlink(self.boot_path)
        except OSError:
            pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_BOOT_DIR = []


def _boot_dir():
    if not _BOOT_DIR:
        import atexit
        _BOOT_DIR.append(tempfile.mkdtemp(prefix="tollbooth-"))
        atexit.register(shutil.rmtree, _BOOT_DIR[0], True)
    return _BOOT_DIR[0]


def qemu_version():
    """QEMU's version line (for benchmark headers)."""
    try:
        return subprocess.run(["qemu-system-arm", "--version"], capture_output=True,
                              text=True).stdout.splitlines()[0]
    except (OSError, IndexError):
        return "qemu-system-arm: not found"


class BatchResult:
    """A batch run's exit status (the guest's through semihosting: 0, 1 after a traceback, N
    from sys.exit(N), 101 kernel panic; 124 when the hang guard fired; 2 bad usage), its console
    output (QEMU's stdout) and QEMU's own stderr, as bytes."""

    def __init__(self, status, out, err):
        self.status, self.out, self.err = status, out, err

    def text(self):
        """Console output then stderr, CR/LF normalised (what a person at the terminal saw)."""
        return (self.out + self.err).decode("utf-8", "replace").replace("\r\n", "\n")


def run_batch(script, kernel=DEFAULT_KERNEL, cpus=2, timeout=60, gil=None, args=None, kargs=(),
              mem="256M", disk=None, net=True, hostfwd=None):
    """Boot, run SCRIPT and power off (what `make run SCRIPT=... EXIT=1` does). timeout is a hang
    guard: when it expires the QEMU process group is killed and the status is 124."""
    try:
        launch = Launch(kernel, cpus, script, True, gil, args, kargs, console="stdio", mem=mem,
                        disk=disk, net=net, hostfwd=hostfwd)
    except (LaunchError, OSError) as e:
        return BatchResult(2, b"", ("tollbooth: %s\n" % e).encode())
    try:
        p = subprocess.Popen(launch.argv, cwd=str(ROOT), stdin=subprocess.DEVNULL,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            out, err = p.communicate(timeout=timeout or None)
            return BatchResult(p.returncode, out, err)
        except subprocess.TimeoutExpired:
            _kill_group(p)
            out, err = p.communicate()
            return BatchResult(124, out or b"", (err or b"") + b"tollbooth: timed out after %ds\n" % timeout)
    finally:
        launch.close()


def _kill_group(p):
    import signal
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except OSError:
        pass


def spawn(kernel=DEFAULT_KERNEL, cpus=2, script=None, exit=False, gil=None, args=None, kargs=(),
          console="stdio", timeout=30, mem="256M", disk=None, net=True, hostfwd=None,
          **pexpect_kw):
    """QEMU on a pexpect pty (the console is the child's terminal). The caller ends it with
    child.terminate(force=True) / close(force=True); the boot block goes with this process.
    pexpect_kw: encoding=..., codec_errors=..., maxread=... as for pexpect.spawn."""
    import pexpect
    launch = Launch(kernel, cpus, script, exit, gil, args, kargs, console=console, mem=mem, disk=disk,
                    net=net, hostfwd=hostfwd)
    child = pexpect.spawn(launch.argv[0], launch.argv[1:], cwd=str(ROOT), timeout=timeout,
                          **pexpect_kw)
    child.launch = launch
    return child


def popen(kernel=DEFAULT_KERNEL, cpus=2, script=None, exit=False, gil=None, args=None, kargs=(),
          console="stdio", gdb_port=None, mem="256M", disk=None, net=True, hostfwd=None,
          **popen_kw):
    """QEMU as a subprocess.Popen in its own process group (kill it with os.killpg(p.pid, ...)),
    for a console on TCP or a gdb stub: the caller talks to the socket, not to stdio."""
    launch = Launch(kernel, cpus, script, exit, gil, args, kargs, console=console, gdb_port=gdb_port,
                    mem=mem, disk=disk, net=net, hostfwd=hostfwd)
    popen_kw.setdefault("start_new_session", True)
    p = subprocess.Popen(launch.argv, cwd=str(ROOT), **popen_kw)
    p.launch = launch
    return p


QEMU_SIGNAL_LINE = re.compile(rb"^qemu-system-arm: terminating on signal \d+")


def _pass_stderr(pipe):
    """QEMU's stderr to ours, less the line it prints when a signal ends it: a host tool that
    runs us on a console (pyboard.py's exec: device) ends the session with SIGTERM to our process
    group, and that is an ordinary end, not news."""
    out = getattr(sys.stderr, "buffer", None)
    for line in iter(pipe.readline, b""):
        if not QEMU_SIGNAL_LINE.match(line) and out:
            out.write(line)
            out.flush()


def boot_foreground(launch, timeout=0):
    """QEMU in the foreground on this terminal (`make run`, `make gdb`); returns its exit status.
    timeout (seconds, 0 = none) is a hang guard for batch runs: QEMU is stopped and 124 returned.
    SIGTERM/SIGHUP/SIGINT sent to this process are passed on to QEMU, which then ends quietly
    (status 0, no "terminating on signal" line)."""
    import signal
    import threading
    p = subprocess.Popen(launch.argv, cwd=str(ROOT), stderr=subprocess.PIPE)
    errs = threading.Thread(target=_pass_stderr, args=(p.stderr,), daemon=True)
    errs.start()
    for s in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(s, lambda sig, frame: p.send_signal(sig))
    try:
        try:
            return p.wait(timeout=timeout or None)
        except subprocess.TimeoutExpired:
            p.terminate()
            try:
                p.wait(timeout=5)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()
            errs.join(5)
            sys.stderr.write("tollbooth: timed out after %ss\n" % timeout)
            return 124
    finally:
        errs.join(5)
        launch.close()


# ---- trace decoding --------------------------------------------------------------------------
def parse_block(text):
    """Find the last trace block in text; returns (header dict, list of records)."""
    m = None
    for m in re.finditer(r"-----BEGIN TOLLBOOTH TRACE v1 ([^\n]*?)-----\n(.*?)-----END TOLLBOOTH TRACE crc32=([0-9a-f]{8})-----",
                         text, re.S):
        pass
    if not m:
        raise GuestError("no trace block found")
    hdr = dict(kv.split("=", 1) for kv in m.group(1).split())
    b64 = "".join(line.strip() for line in m.group(2).splitlines())
    raw = base64.b64decode(b64)
    crc = binascii.crc32(raw) & 0xffffffff
    if crc != int(m.group(3), 16):
        raise GuestError("trace block checksum mismatch (%08x != %s)" % (crc, m.group(3)))
    if len(raw) != int(hdr.get("bytes", len(raw))) or len(raw) % 20:
        raise GuestError("trace block length mismatch")
    recs = [struct.unpack_from("<QHHII", raw, i) for i in range(0, len(raw), 20)]
    return hdr, recs, raw


def analyse(hdr, recs):
    """Intervals per thread (hold/wait/blocked) and per core, plus the summary numbers."""
    hz = int(hdr.get("hz", 62500000))
    main = int(hdr.get("main", 0))
    if not recs:
        return {"threads": [], "main": main, "intervals": [], "instants": [], "counts": {}, "oncpu": [],
                "per_thread": {}, "summary": {"events": 0, "policy": hdr.get("policy", "?")}, "span_us": 0}
    t0 = recs[0][0]
    us = lambda ticks: (ticks - t0) * 1e6 / hz
    t_end = us(recs[-1][0])
    per_thread_ev = {1, 2, 6, 7, 8, 9, 10, 11, 12}     # (0xF000 switches: see oncpu below)
    threads = []
    for ts, cpu, ev, a, b in recs:
        if ev in per_thread_ev and a not in threads:
            threads.append(a)
    state = {}      # ident -> (state, since_us, cpu)
    inio = {}
    intervals = []  # (ident, state, start_us, end_us, cpu)
    instants = []
    counts = {}
    switches = dropreq = forced = failed = 0
    last_taker = None
    last_drop = None
    handoffs = []
    holders = 0
    max_holders = 0
    for ts, cpu, ev, a, b in recs:
        t = us(ts)
        name = EV.get(ev, "ev%d" % ev)
        counts[name] = counts.get(name, 0) + 1
        if ev == 3:
            dropreq += 1; instants.append((b, "drop request from %d" % a, t, cpu)); continue
        if ev == 4:
            forced += 1; instants.append((a, "forced switch to %d" % b, t, cpu)); continue
        if ev == 5:
            failed += 1; instants.append((a, "failed wake-up (holder %d)" % b, t, cpu)); continue
        if ev not in per_thread_ev:
            continue
        cur, since, ccpu = state.get(a, (None, 0.0, cpu))
        new = cur
        if ev == 1:
            new = "hold"
            if last_taker is not None and last_taker != a:
                switches += 1
                if last_drop is not None:
                    handoffs.append(t - last_drop)
            last_taker = a
            last_drop = None
        elif ev == 6:
            new = "hold"
        elif ev == 2:
            new = None if cur is None else "blocked" if inio.get(a) else "wait"
            last_drop = t
        elif ev == 9:
            inio[a] = True; new = "blocked"
        elif ev == 10:
            inio[a] = False; new = "hold" if cur == "hold" else "wait"
        elif ev == 7:
            new = "blocked" if (b or inio.get(a)) else None
        elif ev == 11:
            new = "wait"
        elif ev == 12:
            new = None
        if new != cur:
            if cur == "hold":
                holders -= 1
            if new == "hold":
                holders += 1
                max_holders = max(max_holders, holders)
            if cur is not None and t > since:
                intervals.append((a, cur, since, t, ccpu))
            state[a] = (new, t, cpu if new == "hold" else ccpu)
    for a, (cur, since, ccpu) in state.items():
        if cur is not None and t_end > since:
            intervals.append((a, cur, since, t_end, ccpu))
    span = max(t_end, 1e-9)
    per = {}
    for a, st, s, e, c in intervals:
        per.setdefault(a, {"hold": 0.0, "wait": 0.0, "blocked": 0.0})[st] += e - s
    held_total = sum(p["hold"] for p in per.values())
    wait_total = sum(p["wait"] for p in per.values())
    summary = {
        "events": len(recs), "policy": hdr.get("policy", "?"), "threads": len(threads),
        "span_ms": round(span / 1000, 3),
        "gil_held_pct": round(100 * held_total / span, 1),
        "wait_pct": round(100 * wait_total / (span * max(len(threads), 1)), 1),
        "switches": switches, "drop_requests": dropreq, "forced_switches": forced,
        "failed_wakeups": failed,
        "handoff_mean_us": round(sum(handoffs) / len(handoffs), 1) if handoffs else 0,
        "handoff_max_us": round(max(handoffs), 1) if handoffs else 0,
        "max_simultaneous_holders": max_holders,
    }
    # which kernel thread each core ran (scheduler switch events: a = from tid, b = to tid)
    oncpu = []
    cur = {}
    for ts, cpu, ev, a, b in recs:
        if ev != 0xF000:
            continue
        t = us(ts)
        if cpu in cur and t > cur[cpu][1]:
            oncpu.append((cpu, cur[cpu][0], cur[cpu][1], t))
        cur[cpu] = (b, t)
    for cpu, (tid, since) in cur.items():
        if t_end > since:
            oncpu.append((cpu, tid, since, t_end))
    return {"threads": threads, "main": main, "intervals": intervals, "instants": instants,
            "summary": summary, "counts": counts, "per_thread": per, "span_us": span,
            "oncpu": oncpu}


def thread_name(a, info):
    return "main (%d)" % a if a == info.get("main") else "thread %d" % a


def to_chrome(hdr, info):
    evs = [{"ph": "M", "pid": 1, "name": "process_name", "args": {"name": "Python threads (GIL state)"}},
           {"ph": "M", "pid": 2, "name": "process_name", "args": {"name": "cores (who holds the GIL there)"}}]
    for a in info["threads"]:
        evs.append({"ph": "M", "pid": 1, "tid": a, "name": "thread_name", "args": {"name": thread_name(a, info)}})
    for c in range(int(hdr.get("cpus", 1))):
        evs.append({"ph": "M", "pid": 2, "tid": c, "name": "thread_name", "args": {"name": "cpu%d" % c}})
    label = {"hold": "holds GIL", "wait": "waits for GIL", "blocked": "sleeps / I/O"}
    for a, st, s, e, c in info["intervals"]:
        evs.append({"ph": "X", "pid": 1, "tid": a, "name": label[st], "cat": st, "ts": round(s, 3),
                    "dur": round(e - s, 3), "args": {"cpu": c}})
        if st == "hold":
            evs.append({"ph": "X", "pid": 2, "tid": c, "name": thread_name(a, info), "cat": "hold",
                        "ts": round(s, 3), "dur": round(e - s, 3)})
    evs.append({"ph": "M", "pid": 3, "name": "process_name", "args": {"name": "cores (scheduler: thread on the core)"}})
    for c in range(int(hdr.get("cpus", 1))):
        evs.append({"ph": "M", "pid": 3, "tid": c, "name": "thread_name", "args": {"name": "cpu%d runs" % c}})
    for c, tid, s, e in info.get("oncpu", []):
        name = thread_name(tid, info) if tid in info["threads"] else "idle" if tid == 0 else "kernel tid %d" % tid
        evs.append({"ph": "X", "pid": 3, "tid": c, "name": name, "cat": "sched", "ts": round(s, 3),
                    "dur": round(e - s, 3)})
    for a, what, t, c in info["instants"]:
        evs.append({"ph": "i", "s": "t", "pid": 1, "tid": a, "name": what, "ts": round(t, 3)})
    return {"traceEvents": evs, "displayTimeUnit": "ms",
            "otherData": {"header": hdr, "summary": info["summary"], "event_counts": info["counts"],
                          "not_shown": info.get("not_shown", {}),
                          "coverage_note": coverage_note(hdr)}}


def plot_png(info, path, title):
    if not shutil.which("gnuplot"):
        return False
    colors = {"hold": "#2ca02c", "wait": "#ff7f0e", "blocked": "#1f77b4"}
    rows = {a: i for i, a in enumerate(info["threads"])}
    with tempfile.TemporaryDirectory() as d:
        files = {}
        for st in colors:
            p = os.path.join(d, st + ".dat")
            with open(p, "w") as f:
                f.write("0 -10 0 0 -10 -10\n")   # never empty
                for a, s_, s, e, c in info["intervals"]:
                    if s_ == st:
                        y = rows[a]
                        f.write("%f %d %f %f %f %f\n" % ((s + e) / 2000, y, s / 1000, e / 1000, y - 0.35, y + 0.35))
            files[st] = p
        ytics = ", ".join('"%s" %d' % (thread_name(a, info), i) for a, i in rows.items())
        n = max(len(rows), 1)
        script = f"""
set terminal pngcairo size 1200,{200 + 60 * n} noenhanced
set output '{path}'
set title '{title}'
set xlabel 'time (ms)'
set ytics ({ytics})
set yrange [-0.7:{n - 0.3}]
set xrange [0:{info['span_us'] / 1000:.3f}]
set style fill solid 1.0 noborder
set key outside bottom horizontal
plot '{files['hold']}' using 1:2:3:4:5:6 with boxxyerror lc rgb '{colors['hold']}' title 'holds the GIL', \
     '{files['wait']}' using 1:2:3:4:5:6 with boxxyerror lc rgb '{colors['wait']}' title 'waits for the GIL', \
     '{files['blocked']}' using 1:2:3:4:5:6 with boxxyerror lc rgb '{colors['blocked']}' title 'sleeps / I/O'
"""
        r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
        if r.returncode != 0:
            sys.stderr.write(r.stderr)
            return False
    return True


def not_shown_codes(hdr):
    """What the trace window had that the records leave out because the guest's rings wrapped
    (header notshown=code:count,...): {event code: count}; {} when the records are the whole
    window (or the guest's header predates the field)."""
    out = {}
    for item in hdr.get("notshown", "none").split(","):
        if ":" in item:
            code, n = item.split(":", 1)
            out[int(code)] = int(n)
    return out


def not_shown(hdr):
    """not_shown_codes by event name."""
    return {EV.get(c, "ev%d" % c): n for c, n in not_shown_codes(hdr).items()}


def interp_not_shown(hdr):
    """How many of the interpreter's events (codes below 0xF000, not the cost probe) are left out."""
    return sum(n for c, n in not_shown_codes(hdr).items() if c < 0xEFFF)


def coverage(hdr):
    """(shown_ms, run_ms): the stretch the records cover and the window asked for (the run);
    None when the header does not say."""
    try:
        hz = int(hdr["hz"])
        f, sf, u = int(hdr["from"]), int(hdr["shown_from"]), int(hdr["until"])
    except (KeyError, ValueError):
        return None
    return (max(u - sf, 0) * 1000.0 / hz, max(u - f, 0) * 1000.0 / hz)


def coverage_note(hdr):
    """One line when the records do not cover the whole run, else None."""
    lost = not_shown(hdr)
    cov = coverage(hdr)
    if not lost and (cov is None or cov[0] >= cov[1]):
        return None
    interp = interp_not_shown(hdr)
    kinds = ", ".join("{:,} {}".format(lost.get(k, 0), name) for k, name in (
        ("failed_wakeup", "failed wake-ups"), ("drop_request", "drop requests"),
        ("forced_switch", "forced switches"), ("gil_take", "GIL takes")))
    span = "showing the last %.1f ms of %.1f ms; " % cov if cov else ""
    return ("the trace rings (%s events a core) wrapped: %s%s earlier not shown (%s interpreter "
            "events in all); keep a whole run with bigger rings: --trace-events N "
            "(make run/trace TRACE_EVENTS=N)" % ("{:,}".format(int(hdr.get("ring", 0))), span,
                                                  kinds, "{:,}".format(interp)))


def export(text, prefix, quiet=False):
    hdr, recs, raw = parse_block(text)
    info = analyse(hdr, recs)
    lost = not_shown(hdr)
    cov = coverage(hdr)
    s = info["summary"]
    if cov:
        s["shown_ms"], s["run_ms"] = round(cov[0], 3), round(cov[1], 3)
    s["not_shown_events"] = interp_not_shown(hdr)
    s["not_shown_failed_wakeups"] = lost.get("failed_wakeup", 0)
    info["not_shown"] = lost
    prefix = pathlib.Path(prefix)
    prefix.parent.mkdir(parents=True, exist_ok=True)
    (prefix.parent / (prefix.name + ".bin")).write_bytes(raw)
    with open(str(prefix) + ".json", "w") as f:
        json.dump(to_chrome(hdr, info), f)
    png = plot_png(info, str(prefix) + ".png", "Tollbooth GIL timeline (policy %s, %s cores)"
                   % (hdr.get("policy"), hdr.get("online")))
    if not quiet:
        s = info["summary"]
        print("trace: %d events over %.1f ms, %d threads, policy %s -> %s.json%s" % (
            s["events"], s.get("span_ms", 0), s.get("threads", 0), s.get("policy"), prefix,
            ", %s.png" % prefix if png else ""))
        print("  GIL held %.1f%%, waiting %.1f%% (per thread), switches %d, drop requests %d, "
              "forced switches %d, failed wake-ups %d, hand-off mean %.0f us max %.0f us, "
              "at most %d holder(s) at once" % (
                  s.get("gil_held_pct", 0), s.get("wait_pct", 0), s.get("switches", 0),
                  s.get("drop_requests", 0), s.get("forced_switches", 0), s.get("failed_wakeups", 0),
                  s.get("handoff_mean_us", 0), s.get("handoff_max_us", 0),
                  s.get("max_simultaneous_holders", 0)))
        note = coverage_note(hdr)
        if note:
            print("  " + note)
    return info


def prelude(argv, switch_interval):
    lines = ["import sys", "sys.argv = %r" % (argv,)]
    if switch_interval is not None:
        lines.append("sys.setswitchinterval(%r)" % (switch_interval,))
    return "\n".join(lines) + "\n"


def run_once(kernel, path, args, cpus, gil, interval, timeout, trace_prefix=None, stream=None,
             quiet_trace=False, trace_events=None, net=True, hostfwd=None):
    """Boot, run, optionally export the trace. Returns dict(status, output, error, summary).
    trace_events: the trace rings' size a core (boot argument TRACE_EVENTS; None: the kernel's).
    net, hostfwd: as for Launch."""
    src = pathlib.Path(path).read_text()
    res = {"status": None, "output": "", "error": "", "summary": None}
    kargs = ("TRACE_EVENTS=%d" % trace_events,) if trace_events else ()
    try:
        b = Board(kernel, cpus=cpus, gil=gil, timeout=60, kargs=kargs, net=net, hostfwd=hostfwd)
    except (GuestError, LaunchError) as e:
        res.update(status=2, error=str(e))
        return res
    try:
        b.enter_raw()
        o, e = b.exec_raw(prelude([os.path.basename(path)] + list(args), interval), timeout=30)
        if e.strip():
            res.update(status=2, error="prelude failed: " + e)
            return res
        t0 = time.monotonic()
        out, err = b.exec_raw(src, timeout=timeout, stream=stream)
        res["wall_s"] = round(time.monotonic() - t0, 3)
        res.update(output=out, error=err, status=status_of(err))
        if trace_prefix:
            dump, _ = b.exec_raw("import kernel\nkernel.trace_dump()\n", timeout=120)
            res["summary"] = export(dump, trace_prefix, quiet=quiet_trace)["summary"]
        # after the trace: the dump shows "the last run", which this query would become
        res["status"] = b.last_status(err, timeout=30)
    except b.pexpect.TIMEOUT:
        res.update(status=124, error=(res["error"] + "\ntimed out").strip())
    except b.pexpect.EOF:
        res.update(status=res["status"] or 101, error=_norm(b.child.before or b"").decode("utf-8", "replace"))
    finally:
        b.close()
    return res


# ---- commands -----------------------------------------------------------------------------------
def cmd_run(a):
    def stream(s):
        sys.stdout.write(s)
        sys.stdout.flush()
    res = run_once(a.kernel, a.file, a.args, a.cpus, a.gil, a.switch_interval, a.timeout,
                   a.trace, stream=stream, trace_events=a.trace_events, net=a.net, hostfwd=a.hostfwd)
    if res["error"]:
        sys.stderr.write(res["error"] if res["error"].endswith("\n") else res["error"] + "\n")
    return res["status"]


def convert_prefix(log):
    """Where `convert LOG` writes without --out: beside the log, named after it (uart.log ->
    uart.json, uart.png, uart.bin), never over the log itself."""
    log = pathlib.Path(log)
    prefix = log.with_suffix("") if log.suffix else log
    if any(log.name == prefix.name + ext for ext in (".json", ".png", ".bin")) or prefix == log:
        prefix = log.with_name(log.name + "-trace")
    return prefix


def cmd_convert(a):
    text = _norm(pathlib.Path(a.log).read_bytes()).decode("utf-8", "replace")
    try:
        export(text, a.out if a.out else convert_prefix(a.log))
    except GuestError as e:
        sys.stderr.write("tollbooth: %s: %s\n" % (a.log, e))
        return 1
    return 0


def _cell(job):
    kernel, path, pol, th, cpus, iv, timeout, tdir, trace_events = job
    pre = os.path.join(tdir, "trace-%s-t%d-c%d-i%s" % (pol, th, cpus, iv))
    r = run_once(kernel, path, [str(th)], cpus, pol, iv, timeout, trace_prefix=pre, quiet_trace=True,
                 trace_events=trace_events)
    row = {"policy": pol, "threads": th, "cpus": cpus, "switch_interval": iv, "status": r["status"],
           "wall_s": r.get("wall_s", "")}
    for line in r["output"].splitlines():
        if line.startswith("RESULT "):
            for kv in line[7:].split():
                if "=" in kv:
                    k, v = kv.split("=", 1)
                    row["r_" + k] = v
    for k, v in (r["summary"] or {}).items():
        if k != "policy":
            row["t_" + k] = v
    return row


def cmd_sweep(a):
    pols = a.gil.split(",")
    ths = [int(x) for x in a.threads.split(",")]
    cps = [int(x) for x in a.cpus.split(",")]
    ivs = [float(x) for x in a.switch_interval.split(",")]
    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    jobs = [(a.kernel, a.file, p, t, c, i, a.timeout, str(out), a.trace_events)
            for p in pols for t in ths for c in cps for i in ivs]
    rows = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=a.jobs) as ex:
        for row in ex.map(_cell, jobs):
            print("  %-7s threads=%d cpus=%d interval=%g: status %s, %s" % (
                row["policy"], row["threads"], row["cpus"], row["switch_interval"], row["status"],
                " ".join("%s=%s" % (k[2:], v) for k, v in row.items() if k.startswith("r_"))))
            sys.stdout.flush()
            rows.append(row)
    keys = []
    for r in rows:
        for k in r:
            if k not in keys:
                keys.append(k)
    csvp = out / "sweep.csv"
    with open(csvp, "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=keys)
        w.writeheader()
        w.writerows(rows)
    ykey = a.y or next((k for k in keys if k.startswith("r_") and k not in ("r_demo", "r_policy", "r_threads")
                        and _num(rows[0].get(k)) is not None), "wall_s")
    png = out / "sweep.png"
    ok = plot_sweep(rows, ykey, png)
    print("sweep: %d cells -> %s%s (y = %s)" % (len(rows), csvp, ", %s" % png if ok else "", ykey))
    return 0 if all(r["status"] == 0 for r in rows) else 1


def _num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def sweep_series(rows, ykey):
    """{series title: [(threads, y)]} for the sweep plot: one series per policy, core count and
    switch interval ("old, 1 cpu, 0.005s")."""
    series = {}
    for r in rows:
        y = _num(r.get(ykey))
        if y is None:
            continue
        name = "%s, %d cpu%s, %gs" % (r["policy"], r["cpus"], "" if r["cpus"] == 1 else "s",
                                      r["switch_interval"])
        series.setdefault(name, []).append((r["threads"], y))
    return series


def sweep_script(series, ykey, png, datadir):
    """The gnuplot script for sweep.png (data files written into datadir). Thread counts are
    whole numbers: the x axis has a tick at each count swept and nowhere else."""
    plots = []
    for i, (name, pts) in enumerate(sorted(series.items())):
        p = os.path.join(datadir, "s%d.dat" % i)
        with open(p, "w") as f:
            for x, y in sorted(pts):
                f.write("%d %f\n" % (x, y))
        plots.append("'%s' using 1:2 with linespoints lw 2 title '%s'" % (p, name))
    xs = sorted({x for pts in series.values() for x, _ in pts})
    return f"""
set terminal pngcairo size 1000,600 noenhanced
set output '{png}'
set title 'Tollbooth sweep: {ykey} by threads'
set xlabel 'threads'
set ylabel '{ykey}'
set xtics ({', '.join(str(x) for x in xs)})
set xrange [{xs[0] - 0.5}:{xs[-1] + 0.5}]
set key outside right
set grid
plot {', '.join(plots)}
"""


def plot_sweep(rows, ykey, png):
    if not shutil.which("gnuplot"):
        return False
    series = sweep_series(rows, ykey)
    if not series:
        return False
    with tempfile.TemporaryDirectory() as d:
        script = sweep_script(series, ykey, png, d)
        r = subprocess.run(["gnuplot"], input=script, text=True, capture_output=True)
        if r.returncode:
            sys.stderr.write(r.stderr)
            return False
    return True


def cmd_boot(a):
    console = a.console
    if console.startswith("tcp:"):
        console = ("tcp", console[4:])
    elif console not in ("mux", "stdio"):
        sys.stderr.write("tollbooth: --console is mux, stdio or tcp:PORT\n")
        return 2
    try:
        kargs = a.karg + (["TRACE_EVENTS=%d" % a.trace_events] if a.trace_events else [])
        launch = Launch(a.kernel, a.cpus, a.script, a.exit, a.gil, a.args, kargs, console=console,
                        gdb_port=a.gdb, mem=a.mem, disk=a.disk, net=a.net, hostfwd=a.hostfwd)
    except (LaunchError, OSError) as e:
        sys.stderr.write("tollbooth: %s\n" % e)
        return 2
    # the hang guard applies to batch runs only: an interactive or halted (gdb) guest waits for a person
    timeout = a.timeout if a.script and a.gdb is None else 0
    return boot_foreground(launch, timeout)


# ---- ls / get / put: files on a disk image, through a guest's raw REPL ----------------------
# The same byte-level route MicroPython's pyboard.py -f takes (os.ilistdir, open, reads and
# writes of bytes reprs), so it needs neither pyboard.py nor mpremote nor mtools.
_FILE_CHUNK = 2048


def _board_for(image, timeout=60):
    b = Board(cpus=1, timeout=timeout, disk=image)
    b.enter_raw()
    return b


def _raw(b, src):
    out, err = b.exec_raw(src)
    if err.strip():
        raise LaunchError(err.strip().splitlines()[-1])
    return out


def cmd_ls(a):
    b = _board_for(a.image)
    try:
        out = _raw(b, "import os\nfor n, t, _, s in os.ilistdir(%r):\n"
                      "    print('%%9d %%s%%s' %% (s, n, '/' if t == 0x4000 else ''))\n" % a.path)
        sys.stdout.write(out)
        return 0
    except LaunchError as e:
        sys.stderr.write("tollbooth: ls: %s\n" % e)
        return 1
    finally:
        b.close()


def cmd_get(a):
    b = _board_for(a.image)
    try:
        _raw(b, "f = open(%r, 'rb')\n" % a.src)
        data = b""
        while True:
            out = _raw(b, "print(repr(f.read(%d)))\n" % _FILE_CHUNK).strip()
            chunk = ast.literal_eval(out)
            if not chunk:
                break
            data += chunk
        _raw(b, "f.close()\n")
        with open(a.dest or os.path.basename(a.src), "wb") as f:
            f.write(data)
        return 0
    except (LaunchError, ValueError, SyntaxError) as e:
        sys.stderr.write("tollbooth: get: %s\n" % e)
        return 1
    finally:
        b.close()


def cmd_put(a):
    data = pathlib.Path(a.src).read_bytes()
    b = _board_for(a.image)
    try:
        _raw(b, "f = open(%r, 'wb')\n" % (a.dest or "/" + os.path.basename(a.src)))
        for i in range(0, len(data), _FILE_CHUNK):
            _raw(b, "f.write(%r)\n" % data[i:i + _FILE_CHUNK])
        _raw(b, "f.close()\nimport os\nos.sync()\n")
        return 0
    except LaunchError as e:
        sys.stderr.write("tollbooth: put: %s\n" % e)
        return 1
    finally:
        b.close()


def cmd_mkdisk(a):
    try:
        os.makedirs(os.path.dirname(os.path.abspath(a.out)), exist_ok=True)
        if a.reuse and a.folder and disk_image_current(a.folder, a.out):
            print(a.out)
            return 0
        if a.reuse and os.path.exists(a.out):
            sys.stderr.write("tollbooth: %s made again from %s (the folder changed; what the guest "
                             "wrote on the old image is gone)\n" % (a.out, a.folder))
        if a.folder:
            make_disk_image_stamped(a.folder, a.out, a.size_mb)
        else:
            make_disk_image(a.folder, a.out, a.size_mb)
    except (OSError, subprocess.CalledProcessError) as e:
        sys.stderr.write("tollbooth: mkdisk: %s (mkfs.fat and mcopy: qemu/deps.sh)\n" % e)
        return 2
    print(a.out)
    return 0


def _net_options(p):
    p.add_argument("--net", action=argparse.BooleanOptionalAction, default=True,
                   help="a virtio-net NIC on QEMU user networking (default; NET=0: --no-net)")
    p.add_argument("--hostfwd", default=None, metavar="tcp:HOSTPORT[:GUESTPORT],...",
                   help="forward 127.0.0.1:HOSTPORT on the host to the guest's GUESTPORT")


def cmd_serve(a):
    import httpbin_server
    try:
        return httpbin_server.serve(a.port, a.verbose)
    except OSError as e:
        sys.stderr.write("tollbooth: serve: 127.0.0.1:%d: %s\n" % (a.port, e))
        return 2


def main(argv=None):
    ap = argparse.ArgumentParser(prog="tollbooth.py", description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kernel", default=str(DEFAULT_KERNEL))
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run a Python file in a fresh guest")
    r.add_argument("file")
    r.add_argument("args", nargs="*")
    r.add_argument("--cpus", type=int, default=2)
    r.add_argument("--gil", default=None, type=_gil_arg, help=" ".join(GIL_POLICIES))
    r.add_argument("--switch-interval", type=float, default=None, help="seconds (sys.setswitchinterval)")
    r.add_argument("--trace", default=None, metavar="PREFIX")
    r.add_argument("--trace-events", type=_trace_events_arg, default=None, metavar="N",
                   help="trace ring size a core (boot argument TRACE_EVENTS; default 16384): "
                        "large enough, the trace keeps the whole run")
    r.add_argument("--timeout", type=float, default=120)
    _net_options(r)
    b = sub.add_parser("boot", help="boot QEMU in the foreground (qemu/run.sh, make run)")
    b.add_argument("--cpus", default="4")
    b.add_argument("--script", default=None)
    b.add_argument("--exit", action="store_true", help="power off after the script")
    b.add_argument("--timeout", type=float, default=60, help="batch hang guard, seconds (0 = none)")
    b.add_argument("--gil", default=None, type=_gil_arg, help=" ".join(GIL_POLICIES))
    b.add_argument("--trace-events", type=_trace_events_arg, default=None, metavar="N",
                   help="trace ring size a core (boot argument TRACE_EVENTS)")
    b.add_argument("--args", default=None, help="the script's sys.argv[1:], space separated")
    b.add_argument("--karg", action="append", default=[], help="KEY=VALUE boot argument")
    b.add_argument("--console", default="mux", help="mux (default), stdio or tcp:PORT")
    b.add_argument("--gdb", default=None, metavar="PORT", help="start halted with a gdb stub")
    b.add_argument("--mem", default="256M")
    b.add_argument("--disk", default=None, metavar="IMAGE", help="a raw disk image (virtio-blk)")
    _net_options(b)
    m = sub.add_parser("mkdisk", help="make a FAT16 disk image from a folder (mkfs.fat + mcopy)")
    m.add_argument("folder", nargs="?", default=None)
    m.add_argument("--out", default=str(ROOT / "build" / "disk.img"))
    m.add_argument("--size-mb", type=int, default=32)
    m.add_argument("--reuse", action="store_true",
                   help="keep OUT if it was made from FOLDER and nothing there changed since")
    for name, hlp in (("ls", "list a folder of a disk image (through a guest)"),
                      ("get", "copy a file out of a disk image (through a guest)"),
                      ("put", "copy a file into a disk image (through a guest)")):
        p = sub.add_parser(name, help=hlp)
        p.add_argument("--image", default=str(ROOT / "build" / "disk.img"))
        if name == "ls":
            p.add_argument("path", nargs="?", default="/")
        else:
            p.add_argument("src")
            p.add_argument("dest", nargs="?", default=None)
    c = sub.add_parser("convert", help="convert a trace block from a UART log")
    c.add_argument("log")
    c.add_argument("--out", default=None, metavar="PREFIX",
                   help="default: beside LOG, named after it (uart.log -> uart.json, uart.png)")
    s = sub.add_parser("sweep", help="run a matrix of guests")
    s.add_argument("file")
    s.add_argument("--gil", default="new,old", type=_gil_list_arg)
    s.add_argument("--trace-events", type=_trace_events_arg, default=None, metavar="N",
                   help="trace ring size a core (boot argument TRACE_EVENTS)")
    s.add_argument("--threads", default="1,2")
    s.add_argument("--cpus", default="2")
    s.add_argument("--switch-interval", default="0.005")
    s.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    s.add_argument("--out", default="sweep-out")
    s.add_argument("--timeout", type=float, default=120)
    s.add_argument("--y", default=None, help="column to plot (default: first numeric RESULT key)")
    v = sub.add_parser("serve", help="a local httpbin-like HTTP server for the network examples")
    v.add_argument("--port", type=int, default=8080, help="0: a free port (printed)")
    v.add_argument("--verbose", action="store_true", help="log every request on stderr")
    a = ap.parse_args(argv)
    return {"serve": cmd_serve, "run": cmd_run, "convert": cmd_convert, "sweep": cmd_sweep, "boot": cmd_boot,
            "mkdisk": cmd_mkdisk, "ls": cmd_ls, "get": cmd_get, "put": cmd_put}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
