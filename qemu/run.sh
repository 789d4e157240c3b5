#!/usr/bin/env bash
# qemu/run.sh — boot Tollbooth on QEMU virt: `make run` / `make gdb` (qemu/gdb.sh). The launcher,
# qemu/tollbooth.py (`boot`), builds the boot block and the QEMU command line; this script only
# turns the environment below into its options.
#
#   qemu/run.sh [build/kernel.elf]
# Environment:
#   CPUS=1..8 (default 4)   SCRIPT=file (batch; SCRIPT=:main.py runs /main.py from the DISK)   EXIT=1 (power off after SCRIPT)
#   TIMEOUT=seconds (default 60, batch mode only; 0 = none; a hang guard)
#   GIL=policy (new old prio none unsafe; any other name is refused before boot, status 2)
#   TRACE_EVENTS=N (trace ring size a core, a power of two 1024..1048576; default 16384)
#   ARGS="..." (for the script)   KARGS="K=V K2=V2" (more boot arguments)
#   GDB=1 (halt, gdb stub on GDBPORT, default 1234)
#   CONSOLE_MUX=0 (no QEMU monitor multiplexing on the console: Ctrl-A is passed to the guest)
#   SERIAL_TCP=PORT (the console on a TCP server socket at localhost:PORT instead of stdio, for
#     MicroPython host tools: pyboard.py/mpremote with a socket:// device; exact \r\n, no tty)
#   DISK=folder|image (a virtio disk: a folder becomes build/disk.img, FAT16, via mkfs.fat + mcopy,
#     remade only when the folder changes; copy files back out with `mcopy -i build/disk.img
#     ::/out.csv .`; `make run` defaults to DISK=examples, and DISK= boots without a disk)
#   MEM=256M (guest RAM; at least 128M: a smaller MEM is refused with a message, status 2)
#   NET=0 (no network; by default a virtio-net NIC on QEMU user networking: the guest is
#     10.0.2.15, the host 10.0.2.2, outgoing connections work, nothing reaches the guest unless
#     forwarded)   HOSTFWD=tcp:HOSTPORT[:GUESTPORT][,...] (forward 127.0.0.1:HOSTPORT on the host to
#     the guest: HOSTFWD=tcp:8000 serves the guest's port 8000 at http://127.0.0.1:8000/)
# Exit status: the guest's (semihosting SYS_EXIT_EXTENDED): 0 success, 1 error, N from `exit N`,
#   101 kernel panic; 124 when TIMEOUT expired (QEMU stopped); 2 for bad usage.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
opts=(--kernel "${1:-$here/build/kernel.elf}" boot --cpus "${CPUS:-4}" --timeout "${TIMEOUT:-60}"
      --mem "${MEM:-256M}")
[ -n "${SCRIPT:-}" ] && opts+=(--script "$SCRIPT")
case "${EXIT:-0}" in 1|yes|true) opts+=(--exit);; esac
[ -n "${GIL:-}" ] && opts+=(--gil "$GIL")
[ -n "${TRACE_EVENTS:-}" ] && opts+=(--trace-events "$TRACE_EVENTS")
[ -n "${ARGS:-}" ] && opts+=(--args "$ARGS")
for kv in ${KARGS:-}; do opts+=(--karg "$kv"); done
if [ -n "${SERIAL_TCP:-}" ]; then opts+=(--console "tcp:$SERIAL_TCP")
elif [ "${CONSOLE_MUX:-1}" = 1 ]; then opts+=(--console mux)
else opts+=(--console stdio); fi
if [ -n "${DISK:-}" ]; then
  # DISK=folder: build/disk.img made from it (FAT16, mkfs.fat + mcopy), or kept as it is when it
  # was made from that folder and nothing there changed since (build/disk.img.from names the
  # folder), so what the guest wrote survives the next boot; DISK=file.img: used as is.
  # DISK_DEFAULT=1 (make run's default folder, examples/): without mkfs.fat/mcopy, boot diskless.
  if [ -d "$DISK" ]; then
    if /usr/bin/python3 "$here/qemu/tollbooth.py" mkdisk "$DISK" --reuse --out "$here/build/disk.img" >/dev/null; then
      opts+=(--disk "$here/build/disk.img")
    elif [ "${DISK_DEFAULT:-0}" = 1 ]; then
      echo "run.sh: no disk for $DISK (qemu/deps.sh installs dosfstools and mtools); booting without one" >&2
    else exit 2; fi
  else opts+=(--disk "$DISK"); fi
fi
case "${NET:-1}" in 0|no|false) opts+=(--no-net);; esac
[ -n "${HOSTFWD:-}" ] && opts+=(--hostfwd "$HOSTFWD")
[ "${GDB:-0}" = 1 ] && opts+=(--gdb "${GDBPORT:-1234}")
exec /usr/bin/python3 "$here/qemu/tollbooth.py" "${opts[@]}"
