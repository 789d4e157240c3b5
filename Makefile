# Tollbooth — top-level Makefile. `make help` lists every target a user runs. Each part of the
# build lives in its own fragment under mk/, included in this order (later ones use earlier ones'
# variables):
#   mk/interp.mk  the interpreter's source lists, one per folder, and the two ports'
#   mk/host.mk    build/host/tollpy (the interpreter on the Linux port) and its ASan variant
#   mk/tsan.mk    the ThreadSanitizer variant and the free-threaded stress test
#   mk/kernel.mk  build/kernel.elf (boot/, drivers/, kernel/, the interpreter on the guest port),
#                 run, gdb, trace, test-kernel
#   mk/unit.mk    C-level unit tests
#   mk/mp.mk      multiprocessing tests and figures
#   mk/labs.mk    the course kit: grade, handout, test-labs, report
#   mk/layers.mk  check-layers: the include and call edges between the layers
#   mk/tests.mk   test (the explicit list of its parts), the language tests, bench, fuzz
# Variables a user sets: CPUS, SCRIPT, EXIT, TIMEOUT, GIL, ARGS (see README.md).
.DEFAULT_GOAL := all
SHELL := /bin/bash
BUILD := build
PYTHON := /usr/bin/python3

.PHONY: all deps clean help
all: $(BUILD)/kernel.elf

deps:
	@./qemu/deps.sh

include mk/interp.mk mk/host.mk mk/tsan.mk mk/kernel.mk mk/unit.mk mk/mp.mk mk/labs.mk \
        $(wildcard mk/layers.mk) mk/tests.mk

clean:
	rm -rf $(BUILD)

help:
	@echo "Tollbooth — make targets (variables: CPUS=n GIL=policy SCRIPT=f.py ARGS=... EXIT=1 TIMEOUT=s)"
	@echo "  run              boot the kernel in QEMU to the console (SCRIPT=f.py runs a program; DISK=dir, default examples/)"
	@echo "                   network on by default (guest 10.0.2.15, QEMU user networking); NET=0 off;"
	@echo "                   HOSTFWD=tcp:8000[:80],... forwards host 127.0.0.1:8000 to the guest's port"
	@echo "  gdb              boot halted and attach gdb-multiarch"
	@echo "  trace            run SCRIPT=f.py and export its trace (build/trace.json, build/trace.png)"
	@echo "  host             build build/host/tollpy, the interpreter as a Linux program"
	@echo "  host-asan        the same with AddressSanitizer + UBSan (build/host-asan/tollpy)"
	@echo "  host-tsan        the same with ThreadSanitizer (build/host-tsan/tollpy)"
	@echo "  test             every part below, in order; a summary names the failed ones"
	@echo "                   parts: $(TEST_PARTS)"
	@echo "  test-PART        one part, e.g. make test-lang LANG_ARGS=\"--show-diff tests/lang/x.py\""
	@echo "  check-layers     fail on any include or call across a forbidden layer edge"
	@echo "  grade            grade the labs (LAB=name, JSON=out.json)"
	@echo "  handout          a student tree (git repo) without the solutions of LAB and later labs (LAB=name OUT=dir [FORCE=1])"
	@echo "  bench            tollpy vs CPython 3.11 and Lua 5.4, multiprocessing figures (build/bench/)"
	@echo "  bench-kernel     the kernel's own benchmarks in the guest (kernel/test/bench.c)"
	@echo "  report           the GIL articles' experiments, host and guest (docs/report/)"
	@echo "  fuzz             replay the fuzz corpora, then a short fixed-seed run (= fuzz-smoke)"
	@echo "  fuzz-run         fuzz open-ended for FUZZ_SECONDS (docs/fuzzing.md)"
	@echo "  deps             install the missing Debian packages (run, test and grade do it first)"
	@echo "  clean            remove build/"
