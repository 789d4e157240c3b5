#!/usr/bin/env bash
# qemu/deps.sh — install the Debian packages Tollbooth needs, only those missing.
# Called by `make run`, `make test`, `make bench` and .ci/run; idempotent and quiet when all is there.
set -eu
pkgs="gcc-arm-none-eabi libnewlib-arm-none-eabi qemu-system-arm gdb-multiarch
      python3-pytest python3-pexpect python3-serial lua5.4 clang gnuplot-nox
      dosfstools mtools"
missing=""
for p in $pkgs; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "deps: installing$missing"
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
