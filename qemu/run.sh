#!/usr/bin/env bash
# qemu/run.sh — boot Tollbooth on QEMU virt. Called by `make run` / `make gdb` and the tests.
#
#   qemu/run.sh [build/kernel.elf]
# Environment:
#   CPUS=1..8 (default 4)   SCRIPT=file (batch)   EXIT=1 (power off after SCRIPT)
#   TIMEOUT=seconds (default 60, batch mode only; 0 = none)   GIL=policy   ARGS="..." (for the script)
#   KARGS="K=V K2=V2" (more boot arguments)   GDB=1 (halt, gdb stub on GDBPORT, default 1234)
#   CONSOLE_MUX=0 (no QEMU monitor multiplexing on the console: Ctrl-A is passed to the guest)
#   SERIAL_TCP=PORT (the console on a TCP server socket at localhost:PORT instead of stdio, for
#     MicroPython host tools: pyboard.py/mpremote with a socket:// device; exact \r\n, no tty)
#   MEM=256M (at least 256M: the boot block lives at 0x4F000000)
# Exit status: the guest's (semihosting SYS_EXIT_EXTENDED): 0 success, 1 error, N from `exit N`,
#   101 kernel panic; 124 when TIMEOUT expired (QEMU killed); 2 for bad usage here.
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
KERNEL=${1:-$here/build/kernel.elf}
CPUS=${CPUS:-4}
TIMEOUT=${TIMEOUT:-60}
EXIT=${EXIT:-0}
SCRIPT=${SCRIPT:-}
MEM=${MEM:-256M}
GDBPORT=${GDBPORT:-1234}

case "$CPUS" in [1-8]) ;; *) echo "run.sh: CPUS must be 1..8 (got '$CPUS')" >&2; exit 2;; esac
[ -f "$KERNEL" ] || { echo "run.sh: no kernel at $KERNEL (run make)" >&2; exit 2; }
if [ -n "$SCRIPT" ] && [ ! -f "$SCRIPT" ]; then echo "run.sh: no script '$SCRIPT'" >&2; exit 2; fi

boot=$(mktemp "${TMPDIR:-/tmp}/tollbooth-boot.XXXXXX")
trap 'rm -f "$boot"' EXIT
mk=(/usr/bin/python3 "$here/qemu/mkboot.py" "$boot" --arg "CPUS=$CPUS")
[ -n "$SCRIPT" ] && mk+=(--script "$SCRIPT" --arg "SCRIPTNAME=$(basename "$SCRIPT")")
case "$EXIT" in 1|yes|true) mk+=(--exit); mk+=(--arg "EXIT=1");; esac
[ -n "${GIL:-}" ] && mk+=(--arg "GIL=$GIL")
[ -n "${ARGS:-}" ] && mk+=(--arg "ARGS=$ARGS")
for kv in ${KARGS:-}; do mk+=(--arg "$kv"); done
"${mk[@]}" || exit 2

if [ -n "${SERIAL_TCP:-}" ]; then
  console=(-chardev "socket,id=con,host=localhost,port=$SERIAL_TCP,server=on,wait=on" -serial chardev:con -monitor none)
elif [ "${CONSOLE_MUX:-1}" = 1 ]; then
  console=(-chardev stdio,id=con,mux=on,signal=off -serial chardev:con -mon chardev=con,mode=readline)
else
  console=(-chardev stdio,id=con,signal=off -serial chardev:con -monitor none)
fi
qemu=(qemu-system-arm -M virt -cpu cortex-a15 -smp "$CPUS" -m "$MEM" -display none -nic none
      "${console[@]}" -kernel "$KERNEL"
      -device "loader,file=$boot,addr=0x4F000000,force-raw=on"
      -semihosting-config enable=on,target=native)
if [ "${GDB:-0}" = 1 ]; then
  qemu+=(-S -gdb "tcp::$GDBPORT")
  "${qemu[@]}"
  exit $?
fi
if [ -n "$SCRIPT" ] && [ "$TIMEOUT" != 0 ]; then
  timeout --foreground -k 5 "$TIMEOUT" "${qemu[@]}"
  st=$?
  [ $st = 137 ] && st=124
  [ $st = 124 ] && echo "run.sh: timed out after ${TIMEOUT}s" >&2
  exit $st
fi
"${qemu[@]}"
