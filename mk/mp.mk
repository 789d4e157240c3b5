# mk/mp.mk — multiprocessing tests and figures.
#   make test-mp        tests/mp/*.py on build/host/tollpy under GIL policies new and none
#                       (tests/runner.py mp: .expected files or CPython's output)
#   make qemu-test-mp   tests/mp/QEMU_SUBSET in the guest (CPUS=2), like `make run SCRIPT=.. EXIT=1`
#   make bench-mp       tests/bench/mp_bench.py: start+join cost, Queue round trip, Pool(n).map
#                       speed-up, memory per process — host, then guest -smp 2 and -smp 4
#                       (also run by `make bench`)
.PHONY: test-mp qemu-test-mp bench-mp

test-mp: $(BUILD)/host/tollpy
	$(PYTHON) tests/runner.py mp --tollpy $(BUILD)/host/tollpy

qemu-test-mp: deps $(BUILD)/kernel.elf
	$(PYTHON) tests/runner.py mp --target guest --cpus 2 --kernel $(BUILD)/kernel.elf

bench-mp: deps $(BUILD)/host/tollpy
	-$(PYTHON) tests/bench/mp_bench.py --tollpy $(BUILD)/host/tollpy

bench: bench-mp
