# Tollbooth — top-level Makefile. Each part of the build lives in its own fragment under mk/:
#   mk/kernel.mk  build/kernel.elf, run, gdb (boot/, drivers/, kernel/, interp/ for the guest)
#   mk/host.mk    build/host/tollpy (interp/ on the Linux port), ASan build, fuzz
#   mk/tests.mk   test, bench and their parts
# Variables a user sets: CPUS, SCRIPT, EXIT, TIMEOUT, GIL, ARGS (see README.md).
.DEFAULT_GOAL := all
SHELL := /bin/bash
BUILD := build
PYTHON := /usr/bin/python3

.PHONY: all deps clean
all: $(BUILD)/kernel.elf

deps:
	@./qemu/deps.sh

include $(sort $(wildcard mk/*.mk))

clean:
	rm -rf $(BUILD)
