# mk/mp.mk — multiprocessing tests and figures (owner: multiprocessing).
#   make test-mp        tests/mp/*.py on build/host/tollpy under GIL policies new and none
#                       (tests/mp/run_mp.py: .expected files or CPython's output)
#   make qemu-test-mp   tests/mp/QEMU_SUBSET in the guest (CPUS=2), like `make run SCRIPT=.. EXIT=1`
#   make bench-mp       tests/bench/mp_bench.py: start+join cost, Queue round trip, Pool(n).map
#                       speed-up, memory per process — host, then guest -smp 2 and -smp 4
#                       (also run by `make bench`)
# The guest kernel must contain the interpreter: build/kernel.elf once interp/KERNEL_READY
# exists, until then a private build/mpk/kernel.elf made with KERNEL_INTERP=1.
.PHONY: test-mp qemu-test-mp bench-mp
TEST_PARTS += test-mp
MP_KERNEL := $(if $(wildcard interp/KERNEL_READY),$(BUILD)/kernel.elf,$(BUILD)/mpk/kernel.elf)

test-mp: $(BUILD)/host/tollpy
	$(PYTHON) tests/runner.py mp --tollpy $(BUILD)/host/tollpy

qemu-test-mp: deps
	$(if $(wildcard interp/KERNEL_READY),$(MAKE) $(BUILD)/kernel.elf,$(MAKE) BUILD=$(BUILD)/mpk KERNEL_INTERP=1 $(BUILD)/mpk/kernel.elf)
	$(PYTHON) tests/runner.py mp --target guest --cpus 2 --kernel $(MP_KERNEL)

bench-mp: deps $(BUILD)/host/tollpy
	-$(PYTHON) tests/bench/mp_bench.py --tollpy $(BUILD)/host/tollpy

bench: bench-mp
