# mk/kernel.mk — the guest kernel: build/kernel.elf, run, gdb, test-kernel.
# Sources: KERNEL_SRCS and KERNEL_TEST_SRCS below, the interpreter (INTERP_SRCS) and its guest
# port (GUEST_PORT_SRCS), both listed in mk/interp.mk. Exit statuses of `run`: see qemu/run.sh
# (make itself reports any non-zero status as 2; qemu/run.sh passes the guest's status through).
KCROSS   ?= arm-none-eabi-
KCC      := $(KCROSS)gcc
KARCH    := -mcpu=cortex-a15 -mfpu=neon-vfpv4 -mfloat-abi=hard -marm
KCFLAGS  := $(KARCH) -O2 -g -std=gnu11 -Wall -Wextra -Werror -fno-omit-frame-pointer \
            -fno-strict-aliasing -I. $(KEXTRA)
KASFLAGS := $(KARCH) -g -I.
KWRAP    := printf vprintf puts putchar fprintf vfprintf fputs fputc fwrite fflush \
            snprintf vsnprintf sprintf vsprintf strtod strtof _dtoa_r _strtod_r
kcomma   := ,
KLDFLAGS := $(KARCH) -nostartfiles -T boot/kernel.ld -Wl,--no-warn-rwx-segments \
            $(addprefix -Wl$(kcomma)--wrap=,$(KWRAP)) -Wl,-Map,$(BUILD)/kernel.map
KLIBS    := -Wl,--start-group -lc -lm -lgcc -Wl,--end-group

# The TCP/IP stack (docs/net.md): every C file of net/, one per layer.
NET_SRCS    := $(sort $(wildcard net/*.c))
KERNEL_SRCS := boot/start.S boot/vectors.S boot/mmu.c \
               $(addprefix drivers/,gic.c pl011.c psci.c rtc.c timer.c virtio.c virtio_blk.c virtio_net.c) \
               $(addprefix kernel/,bootargs.c console.c cpu.c fdt.c libc_glue.c main.c memmap.c panic.c sched.c \
                 shell.c sleeplock.c spinlock.c stack.c thread.c ticketlock.c trace.c trap.c waitq.c) \
               $(addprefix fs/,bio.c fat.c) $(NET_SRCS)
# Self-tests, lab tests and benchmarks: built into the image, since the console runs them.
KERNEL_TEST_SRCS := kernel/test/selftest.c kernel/test/labtest.c kernel/test/bench.c
KSRC     := $(KERNEL_SRCS) $(KERNEL_TEST_SRCS) $(GUEST_PORT_SRCS) $(INTERP_SRCS)
KINTERP  := $(GUEST_PORT_SRCS) $(INTERP_SRCS)
KGEN     := $(BUILD)/k/gen/modtab.o $(BUILD)/k/gen/frozen.o
KOBJ     := $(patsubst %,$(BUILD)/k/%.o,$(basename $(KSRC))) $(KGEN)

# Generated tables of the interpreter's modules (same generators as mk/host.mk).
$(BUILD)/k/gen/modtab.c: $(KINTERP) mk/gen_modtab.sh
	@mkdir -p $(dir $@)
	@sh mk/gen_modtab.sh $@ $(KINTERP)

$(BUILD)/k/gen/frozen.c: $(INTERP_LIB_PY) mk/gen_frozen.sh mk/interp.mk
	@mkdir -p $(dir $@)
	@sh mk/gen_frozen.sh $@ $(INTERP_LIB_PY)

$(BUILD)/k/gen/%.o: $(BUILD)/k/gen/%.c
	@echo "  CC    $<"
	@$(KCC) $(KCFLAGS) -Iinterp -c $< -o $@

CPUS     ?= 4
TIMEOUT  ?= 60

# Two link passes: the second adds the symbol table for panic backtraces (kernel/ksyms.py).
$(BUILD)/kernel.elf: $(KOBJ) boot/kernel.ld mk/kernel.mk kernel/ksyms.py
	@echo "  LD    $@"
	@/usr/bin/python3 kernel/ksyms.py --empty > $(BUILD)/ksyms0.c
	@$(KCC) $(KCFLAGS) -c $(BUILD)/ksyms0.c -o $(BUILD)/ksyms0.o
	@$(KCC) $(KLDFLAGS) -o $(BUILD)/kernel0.elf $(KOBJ) $(BUILD)/ksyms0.o $(KLIBS)
	@$(KCROSS)nm -n $(BUILD)/kernel0.elf | /usr/bin/python3 kernel/ksyms.py > $(BUILD)/ksyms.c
	@$(KCC) $(KCFLAGS) -c $(BUILD)/ksyms.c -o $(BUILD)/ksyms.o
	@$(KCC) $(KLDFLAGS) -o $@.tmp $(KOBJ) $(BUILD)/ksyms.o $(KLIBS)
	@$(KCROSS)nm -n $@.tmp | /usr/bin/python3 kernel/ksyms.py > $(BUILD)/ksyms.check.c
	@cmp -s $(BUILD)/ksyms.c $(BUILD)/ksyms.check.c || { echo "ksyms: text moved between link passes" >&2; exit 1; }
	@mv $@.tmp $@

# The interpreter and its guest port include interpreter headers by folder ("core/obj.h").
$(BUILD)/k/interp/%.o: interp/%.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(KCC) $(KCFLAGS) -Iinterp -MMD -MP -c $< -o $@

$(BUILD)/k/ports/guest/%.o: ports/guest/%.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(KCC) $(KCFLAGS) -Iinterp -MMD -MP -c $< -o $@

$(BUILD)/k/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(KCC) $(KCFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/k/%.o: %.S
	@mkdir -p $(dir $@)
	@echo "  AS    $<"
	@$(KCC) $(KASFLAGS) -MMD -MP -c $< -o $@

-include $(KOBJ:.o=.d)

.PHONY: run gdb test-kernel bench-kernel trace

# make trace SCRIPT=f.py [CPUS=2] [GIL=old] [ARGS="a b"]: run f.py over the raw REPL with
# qemu/tollbooth.py and export its trace: $(BUILD)/trace.json (Perfetto), $(BUILD)/trace.png.
trace: deps $(BUILD)/kernel.elf
	@[ -n "$(SCRIPT)" ] || { echo "make trace: SCRIPT=file.py needed" >&2; exit 2; }
	$(PYTHON) qemu/tollbooth.py --kernel $(BUILD)/kernel.elf run $(SCRIPT) $(ARGS) --cpus $(CPUS) \
	  $(if $(GIL),--gil $(GIL)) $(if $(TRACE_EVENTS),--trace-events $(TRACE_EVENTS)) --trace $(BUILD)/trace
# make run's disk: a folder (made into $(BUILD)/disk.img by qemu/run.sh) or an image; the
# example programs by default; `make run DISK=` boots without a disk.
DISK ?= examples
run: deps $(BUILD)/kernel.elf
	@CPUS='$(CPUS)' SCRIPT='$(SCRIPT)' EXIT='$(EXIT)' TIMEOUT='$(TIMEOUT)' GIL='$(GIL)' \
	  ARGS='$(ARGS)' KARGS='$(KARGS)' TRACE_EVENTS='$(TRACE_EVENTS)' DISK='$(DISK)' \
	  NET='$(NET)' HOSTFWD='$(HOSTFWD)' \
	  DISK_DEFAULT='$(if $(filter file,$(origin DISK)),1)' \
	  ./qemu/run.sh $(BUILD)/kernel.elf; st=$$?; \
	  [ $$st = 0 ] || echo "make run: exit status $$st" >&2; exit $$st

gdb: deps $(BUILD)/kernel.elf
	@CPUS='$(CPUS)' ./qemu/gdb.sh $(BUILD)/kernel.elf

test-kernel: deps $(BUILD)/kernel.elf
	$(PYTHON) -m pytest -q tests/qemu

bench-kernel: deps $(BUILD)/kernel.elf
	./tests/bench/kernel_bench.sh
