#!/usr/bin/env bash
# tests/bench/kernel_bench.sh — kernel figures (see kernel_bench.py); `make bench-kernel` runs it.
set -eu
cd "$(dirname "$0")/../.."
make -s build/kernel.elf
exec /usr/bin/python3 tests/bench/kernel_bench.py
